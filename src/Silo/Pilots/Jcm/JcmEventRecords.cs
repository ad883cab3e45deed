using Cooperation.Contracts.Common;
using Cooperation.Contracts.Jcm;
using Cooperation.Silo.Journal;

namespace Cooperation.Silo.Pilots.Jcm;

/// <summary>A JCM monitoring plan as events store it.</summary>
/// <param name="MethodologyId">Approved methodology.</param>
/// <param name="MethodologyVersion">Its version.</param>
/// <param name="Parameters">Monitored parameters.</param>
/// <param name="Factors">Fixed factors.</param>
/// <param name="CreditShares">Holders of issued credits.</param>
/// <param name="Rounding">How shares round to whole credits.</param>
internal sealed record StoredMonitoringPlan(
    string MethodologyId,
    string MethodologyVersion,
    ValueList<StoredMonitoredParameter> Parameters,
    ValueList<StoredFixedFactor> Factors,
    ValueList<StoredCreditShare> CreditShares,
    CreditRounding Rounding) : IStoredRecord<StoredMonitoringPlan, JcmMonitoringPlan>
{
    /// <inheritdoc/>
    public static StoredMonitoringPlan Of(JcmMonitoringPlan value) => new(value.MethodologyId, value.MethodologyVersion,
        ValueList.Of(value.Parameters.Select(StoredMonitoredParameter.Of)), ValueList.Of(value.Factors.Select(StoredFixedFactor.Of)),
        ValueList.Of(value.CreditShares.Select(StoredCreditShare.Of)), value.Rounding);

    /// <inheritdoc/>
    public JcmMonitoringPlan ToContract() => new(MethodologyId, MethodologyVersion, ValueList.Of(Parameters.Select(p => p.ToContract())),
        ValueList.Of(Factors.Select(f => f.ToContract())), ValueList.Of(CreditShares.Select(s => s.ToContract())), Rounding);
}

/// <summary>A monitored parameter of a stored plan.</summary>
/// <param name="Code">Its code.</param>
/// <param name="Unit">Its unit.</param>
/// <param name="Option">How it is obtained.</param>
/// <param name="MeterId">For option C: the meter.</param>
/// <param name="CalibrationDate">For option C: the meter's last calibration.</param>
internal sealed record StoredMonitoredParameter(string Code, string Unit, MonitoringOption Option, string? MeterId, DateOnly? CalibrationDate)
    : IStoredRecord<StoredMonitoredParameter, MonitoredParameter>
{
    /// <inheritdoc/>
    public static StoredMonitoredParameter Of(MonitoredParameter value) => new(value.Code, value.Unit, value.Option, value.MeterId, value.CalibrationDate);

    /// <inheritdoc/>
    public MonitoredParameter ToContract() => new(Code, Unit, Option, MeterId, CalibrationDate);
}

/// <summary>A fixed factor of a stored plan.</summary>
/// <param name="Code">Its code.</param>
/// <param name="Value">Its value.</param>
/// <param name="Unit">Its unit.</param>
/// <param name="Source">Where the value comes from; absent in plans stored before sources were required.</param>
/// <param name="Year">The year the value applies to, if dated.</param>
internal sealed record StoredFixedFactor(string Code, double Value, string Unit, string? Source = null, int? Year = null)
    : IStoredRecord<StoredFixedFactor, FixedFactor>
{
    /// <inheritdoc/>
    public static StoredFixedFactor Of(FixedFactor value) => new(value.Code, value.Value, value.Unit, value.Source, value.Year);

    /// <inheritdoc/>
    public FixedFactor ToContract() => new(Code, Value, Unit, Source, Year);
}

/// <summary>A holder's share of a stored plan's credits.</summary>
/// <param name="Party">Who receives them.</param>
/// <param name="Percent">Share in percent.</param>
/// <param name="Holder">Which kind of holder.</param>
internal sealed record StoredCreditShare(string Party, decimal Percent, CreditHolder Holder) : IStoredRecord<StoredCreditShare, CreditShare>
{
    /// <inheritdoc/>
    public static StoredCreditShare Of(CreditShare value) => new(value.Party, value.Percent, value.Holder);

    /// <inheritdoc/>
    public CreditShare ToContract() => new(Party, Percent, Holder);
}

/// <summary>A computed monitoring period as its event stores it.</summary>
/// <param name="Input">What was monitored.</param>
/// <param name="ReferenceEmissions">RE, tCO2e.</param>
/// <param name="ProjectEmissions">PE, tCO2e.</param>
/// <param name="EmissionReductions">ER, tCO2e.</param>
/// <param name="Credits">ER in whole tonnes.</param>
/// <param name="Allocations">Credits per holder.</param>
/// <param name="Warnings">What the calculation noticed.</param>
/// <param name="KpiPeriod">The reporting period the reduction was recorded in.</param>
/// <param name="Plan">The plan it was computed under.</param>
internal sealed record StoredMonitoringResult(
    StoredMonitoringInput Input,
    decimal ReferenceEmissions,
    decimal ProjectEmissions,
    decimal EmissionReductions,
    long Credits,
    ValueList<StoredCreditAllocation> Allocations,
    ValueList<string> Warnings,
    ReportingPeriod KpiPeriod,
    StoredMonitoringPlan Plan) : IStoredRecord<StoredMonitoringResult, MonitoringResult>
{
    /// <inheritdoc/>
    public static StoredMonitoringResult Of(MonitoringResult value) => new(StoredMonitoringInput.Of(value.Input), value.ReferenceEmissions,
        value.ProjectEmissions, value.EmissionReductions, value.Credits, ValueList.Of(value.Allocations.Select(StoredCreditAllocation.Of)),
        value.Warnings, value.KpiPeriod, StoredMonitoringPlan.Of(value.Plan));

    /// <inheritdoc/>
    public MonitoringResult ToContract() => new(Input.ToContract(), ReferenceEmissions, ProjectEmissions, EmissionReductions, Credits,
        ValueList.Of(Allocations.Select(a => a.ToContract())), Warnings, KpiPeriod, Plan.ToContract());
}

/// <summary>What was monitored over a stored period.</summary>
/// <param name="PeriodId">The period's id within the pilot.</param>
/// <param name="Start">First day monitored.</param>
/// <param name="End">Last day monitored.</param>
/// <param name="Values">A value per monitored parameter.</param>
internal sealed record StoredMonitoringInput(string PeriodId, DateOnly Start, DateOnly End, ValueList<StoredMonitoredValue> Values)
    : IStoredRecord<StoredMonitoringInput, MonitoringPeriodInput>
{
    /// <inheritdoc/>
    public static StoredMonitoringInput Of(MonitoringPeriodInput value) =>
        new(value.PeriodId, value.Start, value.End, ValueList.Of(value.Values.Select(StoredMonitoredValue.Of)));

    /// <inheritdoc/>
    public MonitoringPeriodInput ToContract() => new(PeriodId, Start, End, ValueList.Of(Values.Select(v => v.ToContract())));
}

/// <summary>A monitored parameter's value in a stored period.</summary>
/// <param name="Code">The parameter.</param>
/// <param name="Value">Its value.</param>
internal sealed record StoredMonitoredValue(string Code, double Value) : IStoredRecord<StoredMonitoredValue, MonitoredValue>
{
    /// <inheritdoc/>
    public static StoredMonitoredValue Of(MonitoredValue value) => new(value.Code, value.Value);

    /// <inheritdoc/>
    public MonitoredValue ToContract() => new(Code, Value);
}

/// <summary>A holder's credits in a stored period.</summary>
/// <param name="Party">The holder.</param>
/// <param name="Credits">Whole tonnes credited.</param>
/// <param name="Holder">Which kind of holder.</param>
internal sealed record StoredCreditAllocation(string Party, long Credits, CreditHolder Holder) : IStoredRecord<StoredCreditAllocation, CreditAllocation>
{
    /// <inheritdoc/>
    public static StoredCreditAllocation Of(CreditAllocation value) => new(value.Party, value.Credits, value.Holder);

    /// <inheritdoc/>
    public CreditAllocation ToContract() => new(Party, Credits, Holder);
}
