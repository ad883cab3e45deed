using Cooperation.Contracts.Jcm;
using Cooperation.Contracts.Common;
using Cooperation.Contracts.Hosting;
using Cooperation.Contracts.Kpis;
using Cooperation.Contracts.Submissions;
using Orleans.Concurrency;

namespace Cooperation.Contracts.Pilots;

/// <summary>
/// A pilot project, keyed by its id: definition, lifecycle, funding, milestones, KPIs and (for JCM
/// pilots) emission-reduction monitoring. Readings are appended to an append-only history, so
/// recording one costs the same however many the pilot already holds. Every change repeats
/// harmlessly (creates and updates with the same content return the current state).
/// </summary>
[Alias("coop.IPilotGrain")]
public interface IPilotGrain : IKpiSubject, Notices.IHasDueItems
{
    /// <summary>
    /// Creates the pilot in an existing partnership and programme, starting with the KPI
    /// templates of its kind chosen in <paramref name="templates"/>, and lists it with the partnership.
    /// </summary>
    [Alias("Create")]
    Task<PilotView> Create(PilotDefinition definition, Kinds.KpiTemplateChoice templates);

    /// <summary>The full progress view, of all figures or only approved ones; NotFound when unknown.</summary>
    [Alias("Get"), ReadOnly]
    Task<PilotView> Get(FigureBasis basis = FigureBasis.All);

    /// <summary>
    /// <see cref="Get"/> for callers that keep views they have read: the view with its version, or
    /// only the version when it is <paramref name="knownVersion"/> (the caller's copy is current).
    /// The same access decision as <see cref="Get"/>, made at every call; the version changes with
    /// every change the pilot acknowledges, so a copy is never stale after a write.
    /// </summary>
    [Alias("GetIfChanged"), ReadOnly]
    Task<VersionedPilotView> GetIfChanged(FigureBasis basis, string? knownVersion);

    /// <summary>
    /// What a partnership's list and roll-up show of the pilot, if the caller may read it (the
    /// same decision as <see cref="Get"/>), else null. Interleaves, so a partnership reading its
    /// pilots never waits on a pilot that waits on the partnership.
    /// </summary>
    [Alias("GetSummaryIfReadable"), AlwaysInterleave]
    Task<PilotSummary?> GetSummaryIfReadable(FigureBasis basis = FigureBasis.All);

    /// <summary>
    /// The pilot's part of a donor report for the caller (<see cref="PilotReportRequest"/>): KPI
    /// figures and progress as they stood at the cut-off, milestones, JCM totals, and only the
    /// funding lines the caller may see; null when the caller may not read the pilot (the same
    /// decision as <see cref="Get"/>), when it does not exist, or when it is outside the
    /// requested programme. Answered from the grain's memory, unless a reading that counts was
    /// recorded after the cut-off (then the history is read as of the cut-off, one query).
    /// </summary>
    [Alias("GetReportSectionIfReadable"), ReadOnly]
    Task<PilotReportSection?> GetReportSectionIfReadable(PilotReportRequest request);

    /// <summary>
    /// Stores a partner's update for one reporting period (readings, milestone progress, a note)
    /// and puts the period up for review. The same idempotency key again returns the first
    /// receipt and stores nothing; with another update under it, AlreadyExists.
    /// </summary>
    [Alias("SubmitUpdate")]
    [ResponseTimeout(ClusterTimings.IdempotentWriteTimeout)]
    Task<UpdateReceipt> SubmitUpdate(PilotUpdate update, string idempotencyKey);

    /// <summary>
    /// Whether the caller may submit updates to the pilot (the decision <see cref="SubmitUpdate"/>
    /// makes), for pages that offer the form; refused as <see cref="Get"/> when the caller may not read it.
    /// </summary>
    [Alias("MaySubmitUpdates"), ReadOnly]
    Task<bool> MaySubmitUpdates();

    /// <summary>
    /// Whether the caller may change the pilot's set-up (status, funding, milestones, KPIs: the decision
    /// <see cref="ChangeStatus"/> makes), for pages that offer those forms; refused as <see cref="Get"/>
    /// when the caller may not read it.
    /// </summary>
    [Alias("MayManage"), ReadOnly]
    Task<bool> MayManage();

    /// <summary>The pilot's reporting periods in review, and those missing a submission.</summary>
    [Alias("GetReporting"), ReadOnly]
    Task<ValueList<ReportingPeriodView>> GetReporting();

    /// <summary>
    /// One reporting period as a reviewer reads it: its review, every submission and decision on it
    /// with notes and comments, and whether the caller may decide; refused as <see cref="Get"/>.
    /// </summary>
    [Alias("GetPeriodRecord"), ReadOnly]
    Task<PeriodRecord> GetPeriodRecord(ReportingPeriod period);

    /// <summary>Returns, approves (and locks) or reopens a reporting period.</summary>
    [Alias("ReviewPeriod")]
    Task<ReportingPeriodView> ReviewPeriod(ReportingPeriod period, ReviewDecision decision, string? comment);

    /// <summary>Appoints the organisation that verifies a JCM pilot's monitoring periods (a funding donor or an admin).</summary>
    [Alias("AppointVerifier")]
    Task<JcmView> AppointVerifier(string organisationId);

    /// <summary>
    /// Whether the caller may appoint the JCM verifier (the decision <see cref="AppointVerifier"/>
    /// makes), for pages that offer the form; refused as <see cref="Get"/> when the caller may not read it.
    /// </summary>
    [Alias("MayAppointVerifier"), ReadOnly]
    Task<bool> MayAppointVerifier();

    /// <summary>
    /// The JCM monitoring as its appointed verifier sees it to decide (the periods and their
    /// figures), whether or not the verifier takes part in the pilot; refused to anyone who may
    /// not verify it (<see cref="ReviewMonitoringPeriod"/>'s decision).
    /// </summary>
    [Alias("GetJcmToVerify"), ReadOnly]
    Task<JcmView> GetJcmToVerify();

    /// <summary>
    /// Whether the caller may verify the pilot's JCM monitoring (<see cref="GetJcmToVerify"/>'s
    /// decision); false for an unknown pilot or one not monitored under the JCM: for a verifier's
    /// list. Interleaves, as <see cref="Audit.IHasHistory.IsReadable"/> does.
    /// </summary>
    [Alias("MayVerify"), AlwaysInterleave]
    Task<bool> MayVerify();

    /// <summary>Approves (verifies) or returns a JCM monitoring period: the appointed verifier's decision.</summary>
    [Alias("ReviewMonitoringPeriod")]
    Task<JcmView> ReviewMonitoringPeriod(string periodId, ReviewDecision decision, string? comment);

    /// <summary>
    /// Moves the pilot's status, as of <paramref name="effectiveOn"/> when entering its past (else
    /// today); moving to the current status again is harmless.
    /// </summary>
    [Alias("ChangeStatus")]
    Task<PilotView> ChangeStatus(PilotStatus status, string? reason, DateOnly? effectiveOn = null);

    /// <summary>Adds or replaces a funding line from an existing donor organisation.</summary>
    [Alias("SetFundingLine")]
    Task<PilotView> SetFundingLine(FundingLine line);

    /// <summary>Adds a milestone; the same milestone again is harmless, another under its id is refused.</summary>
    [Alias("AddMilestone")]
    Task<MilestoneView> AddMilestone(MilestoneDefinition milestone);

    /// <summary>Reports on a milestone: status, actual date, evidence.</summary>
    [Alias("UpdateMilestone")]
    Task<MilestoneView> UpdateMilestone(string milestoneId, MilestoneProgress progress);

    /// <summary>A JCM pilot's monitoring: plan, periods, totals (FailedPrecondition for other kinds).</summary>
    [Alias("GetJcm"), ReadOnly]
    Task<JcmView> GetJcm();

    /// <summary>Sets the monitoring plan of a JCM pilot (FailedPrecondition for other kinds).</summary>
    [Alias("SetJcmPlan")]
    Task<JcmView> SetJcmPlan(JcmMonitoringPlan plan);

    /// <summary>
    /// Computes a monitoring period's emission reductions with the plan's methodology, records the
    /// reduction on the emission-reductions KPI and keeps the result. The same period again with
    /// the same values returns the first result; other values are refused.
    /// </summary>
    [Alias("RecordMonitoringPeriod")]
    Task<MonitoringResult> RecordMonitoringPeriod(MonitoringPeriodInput period);
}
