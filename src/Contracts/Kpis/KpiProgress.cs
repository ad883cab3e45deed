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

/// <summary>The series behind a KPI's progress: the reading that counts for each period.</summary>
/// <param name="Definition">The KPI.</param>
/// <param name="Periods">The reading that counts for each period, oldest first.</param>
[GenerateSerializer, Immutable, Alias("coop.KpiSeriesView")]
public sealed record KpiSeriesView(
    [property: Id(0)] KpiDefinition Definition,
    [property: Id(1)] ValueList<StoredKpiReading> Periods);
