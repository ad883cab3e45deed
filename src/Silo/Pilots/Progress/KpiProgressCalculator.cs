using Cooperation.Contracts.Pilots;
using Cooperation.Silo.Pilots.Readings;

namespace Cooperation.Silo.Pilots.Progress;

/// <summary>
/// Computes a KPI's progress from its readings.
/// <list type="bullet">
/// <item>Current value: the sum of the periods' values for incremental KPIs, else the latest period's value.</item>
/// <item>Percent of target: (current − baseline) ÷ (target − baseline) × 100, so it is right for
/// KPIs that should fall as well as rise; it may exceed 100 or be negative.</item>
/// <item>Status: the progress reached, compared with the progress the straight line from
/// (baseline date, 0 %) to (target date, 100 %) expects at the end of the latest reported
/// period. At least <see cref="OnTrackShare"/> of it is on track, at least <see cref="AtRiskShare"/>
/// at risk, less is off track. Measuring at the reported period's end, not today, compares
/// a figure with the expectation for the same date.</item>
/// </list>
/// </summary>
public static class KpiProgressCalculator
{
    /// <summary>Share of the expected progress that counts as on track.</summary>
    public const double OnTrackShare = 0.9;

    /// <summary>Share of the expected progress below which a KPI is off track.</summary>
    public const double AtRiskShare = 0.6;

    /// <summary>Progress of <paramref name="kpi"/> given its readings (null when it has none).</summary>
    public static KpiProgress Calculate(KpiDefinition kpi, KpiReadingSeries? series)
    {
        if (series?.Latest is not { } latest)
            return new KpiProgress(null, null, KpiStatus.NotStarted, null, 0, series?.ReadingCount ?? 0);

        var current = kpi.Aggregation == KpiAggregation.Incremental ? series.Periods.Sum(r => r.Value) : latest.Value;
        var reached = (current - kpi.Baseline.Value) / (kpi.Target.Value - kpi.Baseline.Value);
        var status = Status(reached, ExpectedShare(kpi, latest.Period.End));
        // Bounded inputs keep these finite; a baseline and target a hair apart could still overflow.
        var percent = double.IsFinite(reached) ? reached * 100 : (double?)null;
        return new KpiProgress(current, percent, status, new KpiPeriodValue(latest.Period, latest.Value),
            series.Periods.Count, series.ReadingCount);
    }

    /// <summary>Share of the baseline→target way the straight line expects by <paramref name="asOf"/>, 0 to 1.</summary>
    public static double ExpectedShare(KpiDefinition kpi, DateOnly asOf)
    {
        double span = kpi.Target.Date.DayNumber - kpi.Baseline.Date.DayNumber;
        return Math.Clamp((asOf.DayNumber - kpi.Baseline.Date.DayNumber) / span, 0, 1);
    }

    private static KpiStatus Status(double reached, double expected)
    {
        if (expected <= 0)
            return KpiStatus.NotStarted;
        var share = reached / expected;
        return share >= OnTrackShare ? KpiStatus.OnTrack
            : share >= AtRiskShare ? KpiStatus.AtRisk
            : KpiStatus.OffTrack;
    }
}
