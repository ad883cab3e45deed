using Cooperation.Contracts.Kpis;
using Cooperation.Silo.Kpis.Readings;

namespace Cooperation.Silo.Kpis;

/// <summary>
/// Computes a KPI's progress from the reading that counts for each period.
/// <list type="bullet">
/// <item>Current value: the sum of the periods for incremental KPIs; Σ numerators ÷ Σ denominators
/// (× 100 for percentages) for ratios, never an average of percentages; else the latest period's value.</item>
/// <item>Percent of target: (current − baseline) ÷ (target − baseline) × 100, right for KPIs that
/// should fall as well as rise; it may exceed 100 or be negative.</item>
/// <item>Status: the progress reached, compared with the progress the straight line from
/// (baseline date, 0 %) to (target date, 100 %) expects at the end of the latest reported
/// period. At least <see cref="OnTrackShare"/> of it is on track, at least <see cref="AtRiskShare"/>
/// at risk, less is off track. Measuring at the reported period's end, not today, compares
/// a figure with the expectation for the same date. Without baseline or target: NoTarget.</item>
/// </list>
/// </summary>
public static class KpiProgressCalculator
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

        var current = CurrentValue(kpi, series);
        double? percent = null;
        var status = KpiStatus.NoTarget;
        if (kpi is { Baseline: { } baseline, Target: { } target })
        {
            var reached = (current - baseline.Value) / (target.Value - baseline.Value);
            // Bounded inputs keep this finite; a baseline and target a hair apart could still overflow.
            percent = double.IsFinite(reached) ? reached * 100 : null;
            status = Status(reached, ExpectedShare(baseline, target, latest.Period.End));
        }
        return new KpiProgress(current, percent, status, new KpiPeriodValue(latest.Period, latest.Value),
            series.Periods.Count, series.ReadingCount);
    }

    /// <summary>Share of the baseline→target way the straight line expects by <paramref name="asOf"/>, 0 to 1.</summary>
    public static double ExpectedShare(KpiPoint baseline, KpiPoint target, DateOnly asOf) => KpiTrajectory.ExpectedShare(baseline, target, asOf);

    private static double CurrentValue(KpiDefinition kpi, KpiReadingSeries series) => kpi.Aggregation switch
    {
        KpiAggregation.Incremental => series.Periods.Sum(r => r.Value),
        KpiAggregation.Ratio => series.Periods.Sum(r => r.Numerator ?? 0) / series.Periods.Sum(r => r.Denominator ?? 0)
            * (kpi.Measure == KpiMeasure.Percentage ? 100 : 1),
        _ => series.Latest!.Value,
    };

    private static KpiStatus Status(double reached, double expected)
    {
        if (expected <= 0 || !double.IsFinite(reached))
            return KpiStatus.NotStarted;
        var share = reached / expected;
        return share >= OnTrackShare ? KpiStatus.OnTrack
            : share >= AtRiskShare ? KpiStatus.AtRisk
            : KpiStatus.OffTrack;
    }
}
