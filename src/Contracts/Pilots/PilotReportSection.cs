using Cooperation.Contracts.Common;
using Cooperation.Contracts.Kpis;
using Cooperation.Contracts.Submissions;

namespace Cooperation.Contracts.Pilots;

/// <summary>What a donor report asks of one pilot.</summary>
/// <param name="Period">The report's period: KPI figures up to it, milestones due in it.</param>
/// <param name="Cutoff">Readings recorded after this instant are left out, and a period counts as verified only if it was approved by then.</param>
/// <param name="Basis">Whether KPI figures count only periods approved by the cut-off, or all.</param>
/// <param name="ProgrammeId">A programme's report: the pilot answers only if it belongs to it; null for any.</param>
[GenerateSerializer, Immutable, Alias("coop.PilotReportRequest")]
public sealed record PilotReportRequest(
    [property: Id(0)] ReportingPeriod Period,
    [property: Id(1)] DateTimeOffset Cutoff,
    [property: Id(2)] FigureBasis Basis,
    [property: Id(3)] string? ProgrammeId = null);

/// <summary>
/// A pilot's part of a donor report, as the caller may see it, its figures as they stood at the
/// request's cut-off: making it again gives the same ones.
/// </summary>
/// <param name="PilotId">Its id.</param>
/// <param name="Definition">As created: title, partnership, programme, reporting frequency.</param>
/// <param name="Status">Where it is in its life.</param>
/// <param name="Milestones">Milestones planned within the period, or overdue, in planned-date order.</param>
/// <param name="Kpis">Every KPI with its progress and the value that counts per period up to the report's, oldest first.</param>
/// <param name="VerifiedPeriods">Its reporting periods approved by the cut-off.</param>
/// <param name="HistoricalPeriods">Those of them that are migrated history, approved on load.</param>
/// <param name="EmissionReductions">JCM: cumulative tCO2e; null for other pilots.</param>
/// <param name="VerifiedReductions">JCM: cumulative verified tCO2e; null for other pilots.</param>
/// <param name="Funding">The funding lines the caller may see, per currency.</param>
/// <param name="Review">The review of its period that ends the report's period, when anything was submitted for it.</param>
/// <param name="Notes">Notes sent with the readings of periods that reach into the report's, each once.</param>
/// <param name="HistoricalBy">Who loaded its migrated history, when it has any approved by the cut-off.</param>
[GenerateSerializer, Immutable, Alias("coop.PilotReportSection")]
public sealed record PilotReportSection(
    [property: Id(0)] string PilotId,
    [property: Id(1)] PilotDefinition Definition,
    [property: Id(2)] PilotStatus Status,
    [property: Id(3)] ValueList<MilestoneView> Milestones,
    [property: Id(4)] ValueList<KpiFigures> Kpis,
    [property: Id(5)] ValueList<ReportingPeriod> VerifiedPeriods,
    [property: Id(6)] ValueList<ReportingPeriod> HistoricalPeriods,
    [property: Id(7)] decimal? EmissionReductions,
    [property: Id(8)] decimal? VerifiedReductions,
    [property: Id(9)] ValueList<FundingTotal> Funding,
    [property: Id(10)] PeriodReview? Review,
    [property: Id(11)] ValueList<string> Notes,
    [property: Id(12)] string? HistoricalBy);
