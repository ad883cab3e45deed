using Cooperation.Contracts.Jcm;
using Cooperation.Contracts.Kpis;
using Orleans.Concurrency;

namespace Cooperation.Contracts.Pilots;

/// <summary>
/// A pilot project, keyed by its id: definition, lifecycle, funding, milestones, KPIs and (for JCM
/// pilots) emission-reduction monitoring. Readings are appended to an append-only history, so
/// recording one costs the same however many the pilot already holds. Every change repeats
/// harmlessly (creates and updates with the same content return the current state).
/// </summary>
[Alias("coop.IPilotGrain")]
public interface IPilotGrain : IKpiSubject
{
    /// <summary>
    /// Creates the pilot in an existing partnership and programme, starting with the KPI
    /// templates of its kind if asked, and lists it with the partnership.
    /// </summary>
    [Alias("Create")]
    Task<PilotView> Create(PilotDefinition definition, bool applyKpiTemplates);

    /// <summary>The full progress view; <see cref="Common.EntityNotFoundException"/> when unknown.</summary>
    [Alias("Get"), ReadOnly]
    Task<PilotView> Get();

    /// <summary>What a partnership's roll-up needs.</summary>
    [Alias("GetSummary"), ReadOnly]
    Task<PilotSummary> GetSummary();

    /// <summary>Moves the pilot's status; moving to the current status again is harmless.</summary>
    [Alias("ChangeStatus")]
    Task<PilotView> ChangeStatus(PilotStatus status, string? reason);

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
