using Cooperation.Contracts.Common;
using Cooperation.Contracts.Mous;
using Cooperation.Contracts.Pilots;
using Cooperation.Contracts.Programmes;
using Cooperation.Contracts.Submissions;

namespace Cooperation.Contracts.Partnerships;

/// <summary>How many pilots are in one status.</summary>
/// <param name="Status">The status.</param>
/// <param name="Count">Pilots in it.</param>
[GenerateSerializer, Immutable, Alias("coop.PilotStatusCount")]
public sealed record PilotStatusCount([property: Id(0)] PilotStatus Status, [property: Id(1)] int Count);

/// <summary>A partnership's roll-up of its pilots and MoUs.</summary>
/// <param name="PartnershipId">The partnership.</param>
/// <param name="Pilots">Each pilot's summary, in creation order.</param>
/// <param name="PilotsByStatus">Pilots counted by status.</param>
/// <param name="MilestoneCompletion">All pilots' done milestones ÷ milestones not cancelled, in percent; null without milestones.</param>
/// <param name="OverdueMilestones">Overdue milestones over all pilots.</param>
/// <param name="Kpis">All pilots' KPIs counted by status.</param>
/// <param name="MouCount">MoUs under the partnership.</param>
/// <param name="ActiveMous">MoUs in force.</param>
/// <param name="MousExpiringSoon">Active MoUs within 90 days of expiry.</param>
/// <param name="OverdueCommitments">Overdue commitments over all MoUs.</param>
/// <param name="Reporting">All pilots' reporting periods awaiting review, submitted late, or missing.</param>
/// <param name="Basis">Which figures the KPI statuses count.</param>
/// <param name="Partial">Some pilots or MoUs are outside what the caller may read: everything above counts only those it may.</param>
[GenerateSerializer, Immutable, Alias("coop.PartnershipProgress")]
public sealed record PartnershipProgress(
    [property: Id(0)] string PartnershipId,
    [property: Id(1)] ValueList<PilotSummary> Pilots,
    [property: Id(2)] ValueList<PilotStatusCount> PilotsByStatus,
    [property: Id(3)] double? MilestoneCompletion,
    [property: Id(4)] int OverdueMilestones,
    [property: Id(5)] KpiStatusCounts Kpis,
    [property: Id(6)] int MouCount,
    [property: Id(7)] int ActiveMous,
    [property: Id(8)] int MousExpiringSoon,
    [property: Id(9)] int OverdueCommitments,
    [property: Id(10)] ReportingCounts Reporting,
    [property: Id(11)] FigureBasis Basis,
    [property: Id(12)] bool Partial = false);

/// <summary>A partnership with what it holds that the caller may read, as its page shows it.</summary>
/// <param name="Partnership">The partnership, its lists holding only what the caller may read.</param>
/// <param name="Programmes">Its programmes the caller may read, in creation order.</param>
/// <param name="Mous">Its MoUs the caller may read, in creation order.</param>
/// <param name="Progress">The roll-up of its pilots and MoUs the caller may read.</param>
[GenerateSerializer, Immutable, Alias("coop.PartnershipOverview")]
public sealed record PartnershipOverview(
    [property: Id(0)] PartnershipView Partnership,
    [property: Id(1)] ValueList<ProgrammeView> Programmes,
    [property: Id(2)] ValueList<MouView> Mous,
    [property: Id(3)] PartnershipProgress Progress);
