using Cooperation.Contracts.Common;

namespace Cooperation.Contracts.Kpis;

/// <summary>
/// Where a KPI stands against the straight line from baseline to target, measured at the end
/// of the latest reported period.
/// </summary>
[GenerateSerializer, Alias("coop.KpiStatus")]
public enum KpiStatus
{
    /// <summary>No reading yet, or the trajectory has not started.</summary>
    NotStarted = 0,

    /// <summary>At least 90 % of the progress expected by then.</summary>
    OnTrack = 1,

    /// <summary>At least 60 % of the progress expected by then.</summary>
    AtRisk = 2,

    /// <summary>Less than 60 % of the progress expected by then.</summary>
    OffTrack = 3,

    /// <summary>Readings exist but the baseline or target is not set yet.</summary>
    NoTarget = 4,
}

/// <summary>The value that counts for one period.</summary>
/// <param name="Period">The period.</param>
/// <param name="Value">Its latest reading.</param>
[GenerateSerializer, Immutable, Alias("coop.KpiPeriodValue")]
public sealed record KpiPeriodValue([property: Id(0)] ReportingPeriod Period, [property: Id(1)] double Value);

/// <summary>A KPI's progress toward its target.</summary>
/// <param name="CurrentValue">Sum (incremental), latest value, or summed ratio; null before the first reading.</param>
/// <param name="PercentOfTarget">Share of the way from baseline to target, in percent; null without readings or targets.</param>
/// <param name="Status">Against the linear trajectory.</param>
/// <param name="Latest">The latest period and its value; null before the first reading.</param>
/// <param name="PeriodCount">Periods with a reading.</param>
/// <param name="ReadingCount">Readings stored, superseded ones included.</param>
[GenerateSerializer, Immutable, Alias("coop.KpiProgress")]
public sealed record KpiProgress(
    [property: Id(0)] double? CurrentValue,
    [property: Id(1)] double? PercentOfTarget,
    [property: Id(2)] KpiStatus Status,
    [property: Id(3)] KpiPeriodValue? Latest,
    [property: Id(4)] int PeriodCount,
    [property: Id(5)] long ReadingCount);

/// <summary>A KPI with its progress.</summary>
/// <param name="Definition">As defined.</param>
/// <param name="Progress">Where it stands now.</param>
[GenerateSerializer, Immutable, Alias("coop.KpiView")]
public sealed record KpiView([property: Id(0)] KpiDefinition Definition, [property: Id(1)] KpiProgress Progress);

/// <summary>A KPI's progress and the value that counts for each period, as of a cut-off.</summary>
/// <param name="View">The KPI and its progress counted from those values.</param>
/// <param name="Periods">The reading that counts for each period, oldest first.</param>
[GenerateSerializer, Immutable, Alias("coop.KpiFigures")]
public sealed record KpiFigures(
    [property: Id(0)] KpiView View,
    [property: Id(1)] ValueList<StoredKpiReading> Periods);

/// <summary>The series behind a KPI's progress: the reading that counts for each period.</summary>
/// <param name="Definition">The KPI.</param>
/// <param name="Periods">The reading that counts for each period, oldest first.</param>
[GenerateSerializer, Immutable, Alias("coop.KpiSeriesView")]
public sealed record KpiSeriesView(
    [property: Id(0)] KpiDefinition Definition,
    [property: Id(1)] ValueList<StoredKpiReading> Periods);

/// <summary>
/// The straight line a KPI is judged against: from (baseline date, 0 %) to (target date, 100 %)
/// of the way from baseline to target.
/// </summary>
public static class KpiTrajectory
{
    /// <summary>Share of the expected progress that counts as on track.</summary>
    public const double OnTrackShare = 0.9;

    /// <summary>Share of the expected progress below which a KPI is off track.</summary>
    public const double AtRiskShare = 0.6;

    /// <summary>Share of the baseline→target way the straight line expects by <paramref name="asOf"/>, 0 to 1.</summary>
    public static double ExpectedShare(KpiPoint baseline, KpiPoint target, DateOnly asOf)
    {
        double span = target.Date.DayNumber - baseline.Date.DayNumber;
        return Math.Clamp((asOf.DayNumber - baseline.Date.DayNumber) / span, 0, 1);
    }

    /// <summary>
    /// The value the straight line expects by <paramref name="asOf"/>, in the KPI's unit: the
    /// baseline's value plus <see cref="ExpectedShare"/> of the way to the target's (a chart's
    /// trajectory drawn in values rather than shares).
    /// </summary>
    public static double ExpectedValue(KpiPoint baseline, KpiPoint target, DateOnly asOf) =>
        baseline.Value + ExpectedShare(baseline, target, asOf) * (target.Value - baseline.Value);

    /// <summary>
    /// The status of a KPI that went <paramref name="reached"/> of the way from baseline to target
    /// (1 = all of it) where the line expects <paramref name="expected"/>: at least
    /// <see cref="OnTrackShare"/> of the expected progress is on track, at least
    /// <see cref="AtRiskShare"/> at risk, less off track; before the line starts, not started.
    /// </summary>
    public static KpiStatus Status(double reached, double expected)
    {
        if (expected <= 0 || !double.IsFinite(reached))
            return KpiStatus.NotStarted;
        var share = reached / expected;
        return share >= OnTrackShare ? KpiStatus.OnTrack
            : share >= AtRiskShare ? KpiStatus.AtRisk
            : KpiStatus.OffTrack;
    }
}
