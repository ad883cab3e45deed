using Cooperation.Contracts.Kpis;
using Cooperation.Contracts.Kpis.Aggregations;
using Cooperation.Silo.Kpis.Readings;

namespace Cooperation.Silo.Kpis;

/// <summary>
/// Computes a KPI's progress from the reading that counts for each period, by the rules of its
/// aggregation kind (<see cref="KpiAggregations"/>):
/// <list type="bullet">
/// <item>Current value: how the kind combines the periods (a sum, the latest, Σ numerators ÷
/// Σ denominators), the same value the report's chart draws at the latest period.</item>
/// <item>Percent of target and status: as the kind judges it (<see cref="KpiAggregationKind.Judge"/>),
/// against the straight line from (baseline date, 0 %) to (target date, 100 %) at the end of the
/// latest reported period, not today, so a figure is compared with the expectation for the same
/// date. At least <see cref="OnTrackShare"/> of the expected progress is on track, at least
/// <see cref="AtRiskShare"/> at risk, less is off track. Without baseline or target: NoTarget.</item>
/// </list>
/// </summary>
internal static class KpiProgressCalculator
{
    /// <summary>Share of the expected progress that counts as on track.</summary>
    public const double OnTrackShare = KpiTrajectory.OnTrackShare;

    /// <summary>Share of the expected progress below which a KPI is off track.</summary>
    public const double AtRiskShare = KpiTrajectory.AtRiskShare;

    /// <summary>Progress of <paramref name="kpi"/> given its readings (null when it has none).</summary>
    public static KpiProgress Calculate(KpiDefinition kpi, KpiReadingSeries? series)
    {
        if (series?.Latest is not { } latest)
            return new KpiProgress(null, null, KpiStatus.NotStarted, null, 0, series?.ReadingCount ?? 0);

        var aggregation = KpiAggregations.Of(kpi.Aggregation);
        var current = aggregation.CurrentValue(kpi, series.Periods.Select(PeriodFigure.Of));
        var (percent, status) = aggregation.Judge(kpi, current, latest.Period.End);
        return new KpiProgress(current, percent, status, new KpiPeriodValue(latest.Period, latest.Value),
            series.Periods.Count, series.ReadingCount);
    }

    /// <summary>Share of the baseline→target way the straight line expects by <paramref name="asOf"/>, 0 to 1.</summary>
    public static double ExpectedShare(KpiPoint baseline, KpiPoint target, DateOnly asOf) => KpiTrajectory.ExpectedShare(baseline, target, asOf);
}
