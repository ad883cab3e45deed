using Cooperation.Contracts.Common;
using Cooperation.Contracts.Submissions;

namespace Cooperation.Contracts.Jcm;

/// <summary>A monitored parameter's value over a monitoring period.</summary>
/// <param name="Code">The parameter.</param>
/// <param name="Value">Its value in the parameter's unit.</param>
[GenerateSerializer, Immutable, Alias("coop.MonitoredValue")]
public sealed record MonitoredValue([property: Id(0)] string Code, [property: Id(1)] double Value);

/// <summary>What was monitored over one monitoring period.</summary>
/// <param name="PeriodId">Id of the period within the pilot, e.g. "mp-2024".</param>
/// <param name="Start">First day monitored.</param>
/// <param name="End">Last day monitored; the computed reduction is reported for the period containing it.</param>
/// <param name="Values">A value for every monitored parameter of the plan.</param>
[GenerateSerializer, Immutable, Alias("coop.MonitoringPeriodInput")]
public sealed record MonitoringPeriodInput(
    [property: Id(0)] string PeriodId,
    [property: Id(1)] DateOnly Start,
    [property: Id(2)] DateOnly End,
    [property: Id(3)] ValueList<MonitoredValue> Values)
{
    /// <summary>Refuses an input that breaks a general rule, naming the field.</summary>
    public void Validate()
    {
        Field.Id(PeriodId, "period_id");
        Field.Date(Start, "start");
        Field.Date(End, "end");
        if (End < Start)
            throw new InvalidFieldException("end", "must not come before start");
        for (var i = 0; i < Values.Count; i++)
        {
            Field.Id(Values[i].Code, $"values[{i}].code");
            Field.Finite(Values[i].Value, $"values[{i}].value");
            if (Values.Take(i).Any(v => v.Code == Values[i].Code))
                throw new InvalidFieldException($"values[{i}].code", $"'{Values[i].Code}' appears twice");
        }
    }
}

/// <summary>A holder's whole credits for a period (or a total over periods).</summary>
/// <param name="Party">The holder, as the plan names it.</param>
/// <param name="Credits">Whole tonnes credited to it.</param>
/// <param name="Holder">Which kind of holder it is.</param>
[GenerateSerializer, Immutable, Alias("coop.CreditAllocation")]
public sealed record CreditAllocation([property: Id(0)] string Party, [property: Id(1)] long Credits, [property: Id(2)] CreditHolder Holder);

/// <summary>The emission reductions computed for one monitoring period, in exact decimals.</summary>
/// <param name="Input">What was monitored.</param>
/// <param name="ReferenceEmissions">RE, tCO2e.</param>
/// <param name="ProjectEmissions">PE, tCO2e.</param>
/// <param name="EmissionReductions">ER = RE − PE, tCO2e, never below zero.</param>
/// <param name="Credits">ER rounded down to whole tonnes.</param>
/// <param name="Allocations">Credits per holder of the plan, by the plan's rounding rule.</param>
/// <param name="Warnings">What the calculation noticed, e.g. a negative ER reported as zero.</param>
/// <param name="KpiPeriod">The reporting period the reduction was recorded in, on the emission-reductions KPI.</param>
/// <param name="Plan">The monitoring plan it was computed under (plans may be revised later).</param>
[GenerateSerializer, Immutable, Alias("coop.MonitoringResult")]
public sealed record MonitoringResult(
    [property: Id(0)] MonitoringPeriodInput Input,
    [property: Id(1)] decimal ReferenceEmissions,
    [property: Id(2)] decimal ProjectEmissions,
    [property: Id(3)] decimal EmissionReductions,
    [property: Id(4)] long Credits,
    [property: Id(5)] ValueList<CreditAllocation> Allocations,
    [property: Id(6)] ValueList<string> Warnings,
    [property: Id(7)] ReportingPeriod KpiPeriod,
    [property: Id(8)] JcmMonitoringPlan Plan);

/// <summary>Where a monitoring period stands with the pilot's verifier.</summary>
/// <param name="PeriodId">The monitoring period.</param>
/// <param name="Status">Submitted when recorded; Approved (verified) or Returned by the verifier.</param>
/// <param name="DecidedAt">When the verifier decided, if it has.</param>
/// <param name="DecidedBy">Who decided.</param>
/// <param name="Comment">Why it was returned.</param>
/// <param name="RecordedBy">The organisation that recorded the period (last), which may not verify it: four eyes.</param>
[GenerateSerializer, Immutable, Alias("coop.MonitoringVerification")]
public sealed record MonitoringVerification(
    [property: Id(0)] string PeriodId,
    [property: Id(1)] ReviewStatus Status,
    [property: Id(2)] DateTimeOffset? DecidedAt,
    [property: Id(3)] string? DecidedBy,
    [property: Id(4)] string? Comment,
    [property: Id(5)] string? RecordedBy = null);

/// <summary>A JCM pilot's monitoring: plan, periods, their verification and totals.</summary>
/// <param name="Plan">The monitoring plan, if set.</param>
/// <param name="Periods">Computed monitoring periods, in the order recorded.</param>
/// <param name="TotalReductions">Sum of the periods' ER, tCO2e.</param>
/// <param name="TotalCredits">Sum of the periods' credits.</param>
/// <param name="VerifierOrganisationId">The organisation a donor appointed to verify the periods, if any.</param>
/// <param name="Verifications">Each period's verification, in the order recorded.</param>
/// <param name="VerifiedReductions">Sum of the verified periods' ER, tCO2e.</param>
/// <param name="VerifiedCredits">Sum of the verified periods' credits.</param>
[GenerateSerializer, Immutable, Alias("coop.JcmView")]
public sealed record JcmView(
    [property: Id(0)] JcmMonitoringPlan? Plan,
    [property: Id(1)] ValueList<MonitoringResult> Periods,
    [property: Id(2)] decimal TotalReductions,
    [property: Id(3)] long TotalCredits,
    [property: Id(4)] string? VerifierOrganisationId,
    [property: Id(5)] ValueList<MonitoringVerification> Verifications,
    [property: Id(6)] decimal VerifiedReductions,
    [property: Id(7)] long VerifiedCredits)
{
    /// <summary>Each holder's credits over every period recorded.</summary>
    public ValueList<CreditAllocation> Allocated => JcmCalculation.Totals(Periods);

    /// <summary>Each holder's credits over the verified periods.</summary>
    public ValueList<CreditAllocation> VerifiedAllocated => JcmCalculation.Totals(Periods.Where(p =>
        Verifications.Any(v => v.PeriodId == p.Input.PeriodId && v.Status == ReviewStatus.Approved)));
}
