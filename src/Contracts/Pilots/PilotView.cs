using Cooperation.Contracts.Common;
using Cooperation.Contracts.Jcm;
using Cooperation.Contracts.Kpis;
using Cooperation.Contracts.Submissions;

namespace Cooperation.Contracts.Pilots;

/// <summary>A pilot's full progress view, in one read.</summary>
/// <param name="PilotId">Its id.</param>
/// <param name="Definition">As created.</param>
/// <param name="Status">Where it is in its life.</param>
/// <param name="StatusHistory">Every status move, oldest first.</param>
/// <param name="FundingLines">Funding per donor and currency.</param>
/// <param name="FundingTotals">Committed and disbursed per currency.</param>
/// <param name="Milestones">Milestones in planned-date order.</param>
/// <param name="MilestoneCompletion">Done ÷ (all − cancelled), in percent; null without milestones.</param>
/// <param name="Kpis">KPIs with progress, in definition order.</param>
/// <param name="ReadingCount">Readings stored, superseded ones included.</param>
/// <param name="Jcm">Monitoring of a JCM pilot; null for other pilots.</param>
/// <param name="Reporting">Its reporting periods in review, and those whose window closed with nothing submitted.</param>
/// <param name="Basis">Which figures its KPI progress counts.</param>
[GenerateSerializer, Immutable, Alias("coop.PilotView")]
public sealed record PilotView(
    [property: Id(0)] string PilotId,
    [property: Id(1)] PilotDefinition Definition,
    [property: Id(2)] PilotStatus Status,
    [property: Id(3)] ValueList<StatusChange> StatusHistory,
    [property: Id(4)] ValueList<FundingLine> FundingLines,
    [property: Id(5)] ValueList<FundingTotal> FundingTotals,
    [property: Id(6)] ValueList<MilestoneView> Milestones,
    [property: Id(7)] double? MilestoneCompletion,
    [property: Id(8)] ValueList<KpiView> Kpis,
    [property: Id(9)] long ReadingCount,
    [property: Id(10)] JcmView? Jcm,
    [property: Id(11)] ValueList<ReportingPeriodView> Reporting,
    [property: Id(12)] FigureBasis Basis);

/// <summary>KPIs counted by status.</summary>
/// <param name="OnTrack">On track.</param>
/// <param name="AtRisk">At risk.</param>
/// <param name="OffTrack">Off track.</param>
/// <param name="NotJudged">Without readings, trajectory or target yet.</param>
[GenerateSerializer, Immutable, Alias("coop.KpiStatusCounts")]
public sealed record KpiStatusCounts(
    [property: Id(0)] int OnTrack,
    [property: Id(1)] int AtRisk,
    [property: Id(2)] int OffTrack,
    [property: Id(3)] int NotJudged)
{
    /// <summary>No KPIs.</summary>
    public static KpiStatusCounts None { get; } = new(0, 0, 0, 0);

    /// <summary>Counts the statuses of <paramref name="kpis"/>.</summary>
    public static KpiStatusCounts Of(IEnumerable<KpiView> kpis) => kpis.Aggregate(None, (counts, kpi) => counts.Add(kpi.Progress.Status));

    /// <summary>Both counts together.</summary>
    public KpiStatusCounts Add(KpiStatusCounts other) =>
        new(OnTrack + other.OnTrack, AtRisk + other.AtRisk, OffTrack + other.OffTrack, NotJudged + other.NotJudged);

    private KpiStatusCounts Add(KpiStatus status) => status switch
    {
        KpiStatus.OnTrack => this with { OnTrack = OnTrack + 1 },
        KpiStatus.AtRisk => this with { AtRisk = AtRisk + 1 },
        KpiStatus.OffTrack => this with { OffTrack = OffTrack + 1 },
        KpiStatus.NotStarted or KpiStatus.NoTarget => this with { NotJudged = NotJudged + 1 },
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Every status is counted somewhere."),
    };
}

/// <summary>What a partnership's roll-up needs of a pilot.</summary>
/// <param name="PilotId">The pilot.</param>
/// <param name="Title">Its title.</param>
/// <param name="Kind">What it does.</param>
/// <param name="Status">Where it is in its life.</param>
/// <param name="MilestonesDone">Milestones done.</param>
/// <param name="MilestonesCounted">Milestones not cancelled.</param>
/// <param name="OverdueMilestones">Milestones overdue.</param>
/// <param name="Kpis">Its KPIs counted by status.</param>
/// <param name="Reporting">Its reporting periods awaiting review, submitted late, or missing.</param>
[GenerateSerializer, Immutable, Alias("coop.PilotSummary")]
public sealed record PilotSummary(
    [property: Id(0)] string PilotId,
    [property: Id(1)] LocalizedText Title,
    [property: Id(2)] PilotKind Kind,
    [property: Id(3)] PilotStatus Status,
    [property: Id(4)] int MilestonesDone,
    [property: Id(5)] int MilestonesCounted,
    [property: Id(6)] int OverdueMilestones,
    [property: Id(7)] KpiStatusCounts Kpis,
    [property: Id(8)] ReportingCounts Reporting);
