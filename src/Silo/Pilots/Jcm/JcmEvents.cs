using Cooperation.Contracts.Common;
using Cooperation.Contracts.Jcm;
using Cooperation.Contracts.Submissions;
using Cooperation.Silo.Journal;
using Cooperation.Silo.Kpis;

namespace Cooperation.Silo.Pilots.Jcm;

/// <summary>A JCM pilot's monitoring plan was set or revised.</summary>
[EventKind("pilot.jcm-plan-set", 1)]
internal sealed record JcmPlanSet(StoredMonitoringPlan Plan) : IEntityEvent;

/// <summary>
/// A JCM monitoring period was computed (or computed again after its verifier returned it); its
/// reduction is recorded on the emission-reductions KPI.
/// </summary>
[EventKind("pilot.monitoring-period-recorded", 1)]
internal sealed record MonitoringPeriodRecorded(StoredMonitoringResult Result, ValueList<StoredReading> Readings) : IEntityEvent, IRecordsReadings;

/// <summary>A donor (or admin) appointed the organisation that verifies the pilot's monitoring periods.</summary>
[EventKind("pilot.jcm-verifier-appointed", 1)]
internal sealed record JcmVerifierAppointed(string OrganisationId) : IEntityEvent;

/// <summary>The verifier approved (verified) or returned a monitoring period.</summary>
[EventKind("pilot.monitoring-period-reviewed", 1)]
internal sealed record MonitoringPeriodReviewed(string PeriodId, ReviewDecision Decision, string? Comment) : IEntityEvent;

/// <summary>How JCM events change a pilot.</summary>
internal static class JcmEvents
{
    /// <summary>The state after a JCM event; null when <paramref name="entry"/> holds none.</summary>
    public static PilotState? Apply(PilotState state, JournalEntry entry) => entry.Event switch
    {
        JcmPlanSet plan => state with { JcmPlan = plan.Plan.ToContract() },
        MonitoringPeriodRecorded recorded => state with
        {
            JcmPeriods = WithPeriod(state.JcmPeriods, recorded.Result.ToContract()),
            JcmVerifications = WithVerification(state.JcmVerifications,
                new MonitoringVerification(recorded.Result.Input.PeriodId, ReviewStatus.Submitted, null, null, null, entry.Actor.OrganisationId)),
        },
        JcmVerifierAppointed appointed => state with { JcmVerifierId = appointed.OrganisationId },
        MonitoringPeriodReviewed reviewed => state with
        {
            JcmVerifications = WithVerification(state.JcmVerifications, new MonitoringVerification(reviewed.PeriodId,
                reviewed.Decision == ReviewDecision.Approve ? ReviewStatus.Approved : ReviewStatus.Returned,
                entry.RecordedAt, entry.Actor.OrganisationId, reviewed.Comment,
                state.JcmVerifications.FirstOrDefault(v => v.PeriodId == reviewed.PeriodId)?.RecordedBy)),
        },
        _ => null,
    };

    /// <summary>Where a monitoring period stands with the verifier.</summary>
    public static ReviewStatus VerificationOf(this PilotState state, string periodId) =>
        state.JcmVerifications.FirstOrDefault(v => v.PeriodId == periodId)?.Status ?? ReviewStatus.Submitted;

    /// <summary>The periods with <paramref name="result"/> added; a returned period recorded again replaces its earlier result.</summary>
    private static ValueList<MonitoringResult> WithPeriod(ValueList<MonitoringResult> periods, MonitoringResult result) =>
        periods.Any(p => p.Input.PeriodId == result.Input.PeriodId)
            ? periods.Replace(p => p.Input.PeriodId == result.Input.PeriodId, result)
            : periods.Add(result);

    private static ValueList<MonitoringVerification> WithVerification(ValueList<MonitoringVerification> verifications, MonitoringVerification verification) =>
        verifications.Any(v => v.PeriodId == verification.PeriodId)
            ? verifications.Replace(v => v.PeriodId == verification.PeriodId, verification)
            : verifications.Add(verification);
}
