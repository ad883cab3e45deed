using Cooperation.Contracts.Common;
using Cooperation.Contracts.Jcm;
using Cooperation.Contracts.Kpis;
using Cooperation.Contracts.Pilots;
using Cooperation.Contracts.Pilots.Kinds;
using Cooperation.Contracts.Submissions;

namespace Cooperation.Silo.Pilots.Jcm;

/// <summary>
/// The rules of a JCM pilot's monitoring, as plain logic: which monitoring periods it takes and
/// what a verifier may decide. The pilot grain records what these decide.
/// </summary>
internal static class JcmMonitoring
{
    /// <summary>Refuses anything JCM of a pilot whose kind is not JCM-monitored (<see cref="PilotKindProfile.JcmMonitored"/>).</summary>
    public static void RequireJcm(string pilotId, PilotDefinition definition)
    {
        if (!IsJcm(definition))
            throw new RuleViolationException($"Pilot '{pilotId}' is a {definition.Kind} pilot, which is not monitored under the JCM.");
    }

    /// <summary>
    /// The result of recording <paramref name="period"/> on <paramref name="today"/>, and whether it
    /// is new: the same period again returns the stored result; other values under its id are
    /// refused, unless its verifier returned it, in which case the new values replace it. Periods
    /// must not overlap, each reporting period takes one, and the emission-reductions KPI must
    /// exist to receive the reduction.
    /// </summary>
    public static (MonitoringResult Result, bool IsNew) Record(string pilotId, PilotState state, MonitoringPeriodInput period, DateOnly today)
    {
        var plan = state.JcmPlan ?? throw new RuleViolationException($"Pilot '{pilotId}' has no JCM monitoring plan yet; set one first.");
        // The input first: bad values are refused whatever else holds.
        period.Validate();
        if (period.End > today)
            throw new InvalidFieldException("end", "must not be in the future");
        var result = JcmCalculation.Compute(plan, period, state.Definition!.Frequency);
        if (state.JcmPeriods.FirstOrDefault(p => p.Input.PeriodId == period.PeriodId) is { } recorded)
        {
            if (recorded.Input == period)
                return (recorded, false);
            if (state.VerificationOf(period.PeriodId) != ReviewStatus.Returned)
                throw new EntityExistsException("monitoring period", period.PeriodId);
        }
        var others = state.JcmPeriods.Where(p => p.Input.PeriodId != period.PeriodId).ToArray();
        if (others.FirstOrDefault(p => p.Input.Start <= period.End && period.Start <= p.Input.End) is { } overlapping)
            throw new RuleViolationException($"Monitoring period '{overlapping.Input.PeriodId}' already covers part of these dates; periods must not overlap.");
        if (others.FirstOrDefault(p => p.KpiPeriod == result.KpiPeriod) is { } sharing)
            throw new RuleViolationException($"Monitoring period '{sharing.Input.PeriodId}' already ends in {result.KpiPeriod}; each reporting period takes one.");
        if (!JcmCalculation.TakesReductions(state.Kpis.FirstOrDefault(k => k.Code == JcmCalculation.EmissionReductionsKpi)))
            throw new RuleViolationException($"Define KPI '{JcmCalculation.EmissionReductionsKpi}' (tCO2e, a number, incremental) first: the reductions are recorded on it.");
        return (result, true);
    }

    /// <summary>The reading that records a result's reduction on the emission-reductions KPI.</summary>
    public static KpiReadingInput Reading(MonitoringResult result) => new(JcmCalculation.EmissionReductionsKpi, result.KpiPeriod,
        (double)result.EmissionReductions,
        Note: $"JCM monitoring period {result.Input.PeriodId} ({result.Plan.MethodologyId} ver {result.Plan.MethodologyVersion})");

    /// <summary>Whether pilots of <paramref name="definition"/>'s kind are monitored under the JCM.</summary>
    public static bool IsJcm(PilotDefinition definition) => PilotKinds.Of(definition.Kind).JcmMonitored;

    /// <summary>
    /// Refuses a verifier's decision the period's state does not allow: a period is approved or
    /// returned once it is recorded (or recorded again), never reopened; a return needs a comment;
    /// the organisation that recorded it may not verify it (four eyes, as for reporting periods).
    /// Returns whether the decision changes anything and the trimmed comment.
    /// </summary>
    public static (bool Changes, string? Comment) Review(PilotState state, string periodId, ReviewDecision decision, string? comment,
        string verifierId)
    {
        Field.Choice(decision, "decision");
        if (decision == ReviewDecision.Reopen)
            throw new InvalidFieldException("decision", "a monitoring period is approved or returned; it is not reopened");
        if (state.JcmPeriods.All(p => p.Input.PeriodId != periodId))
            throw new EntityNotFoundException("monitoring period", periodId);
        var text = decision == ReviewDecision.Return ? Field.Text(comment, "comment", PeriodReview.MaxCommentLength) : null;
        var current = state.VerificationOf(periodId);
        if (current == (decision == ReviewDecision.Approve ? ReviewStatus.Approved : ReviewStatus.Returned))
            return (false, text);
        if (current != ReviewStatus.Submitted)
            throw new RuleViolationException($"Monitoring period '{periodId}' is {current}; only a submitted period can be verified or returned.");
        if (state.JcmVerifications.FirstOrDefault(v => v.PeriodId == periodId)?.RecordedBy == verifierId)
            throw new AccessDeniedException($"Monitoring period '{periodId}' was recorded by {verifierId}, so {verifierId} may not verify it (four eyes): "
                + "the pilot's donor appoints another verifier, or an admin decides.");
        return (true, text);
    }
}
