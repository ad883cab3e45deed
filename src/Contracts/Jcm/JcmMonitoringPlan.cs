using Cooperation.Contracts.Common;

namespace Cooperation.Contracts.Jcm;

/// <summary>How a monitored parameter is obtained, as JCM monitoring plans classify it.</summary>
[GenerateSerializer, Alias("coop.MonitoringOption")]
public enum MonitoringOption
{
    /// <summary>Option A: statistics or default values.</summary>
    A = 1,

    /// <summary>Option B: invoices or other records.</summary>
    B = 2,

    /// <summary>Option C: metered on site; the meter and its calibration are recorded.</summary>
    C = 3,
}

/// <summary>A parameter the project monitors, e.g. electricity consumed by the new equipment.</summary>
/// <param name="Code">Code the methodology knows it by, e.g. "ec-pj".</param>
/// <param name="Unit">Unit of its values, e.g. "MWh".</param>
/// <param name="Option">How it is obtained.</param>
/// <param name="MeterId">For option C: the meter.</param>
/// <param name="CalibrationDate">For option C: when the meter was last calibrated.</param>
[GenerateSerializer, Immutable, Alias("coop.MonitoredParameter")]
public sealed record MonitoredParameter(
    [property: Id(0)] string Code,
    [property: Id(1)] string Unit,
    [property: Id(2)] MonitoringOption Option,
    [property: Id(3)] string? MeterId,
    [property: Id(4)] DateOnly? CalibrationDate);

/// <summary>A factor fixed ex ante, e.g. the grid emission factor in tCO2/MWh.</summary>
/// <param name="Code">Code the methodology knows it by, e.g. "ef-grid".</param>
/// <param name="Value">Its value.</param>
/// <param name="Unit">Its unit.</param>
[GenerateSerializer, Immutable, Alias("coop.FixedFactor")]
public sealed record FixedFactor(
    [property: Id(0)] string Code,
    [property: Id(1)] double Value,
    [property: Id(2)] string Unit);

/// <summary>A party's share of the credits, e.g. Japan 50 %.</summary>
/// <param name="Party">Who receives them: a government or a participant.</param>
/// <param name="Percent">Share in percent; the shares of a plan add up to 100.</param>
[GenerateSerializer, Immutable, Alias("coop.CreditShare")]
public sealed record CreditShare([property: Id(0)] string Party, [property: Id(1)] decimal Percent);

/// <summary>
/// A JCM pilot's approved methodology and monitoring plan: what is monitored and how, the fixed
/// factors, and how credits are split.
/// </summary>
/// <param name="MethodologyId">Approved methodology, e.g. "VN_AM003".</param>
/// <param name="MethodologyVersion">Its version, e.g. "1.0".</param>
/// <param name="Parameters">Monitored parameters.</param>
/// <param name="Factors">Fixed factors.</param>
/// <param name="CreditShares">Credit allocation, adding up to 100 %.</param>
[GenerateSerializer, Immutable, Alias("coop.JcmMonitoringPlan")]
public sealed record JcmMonitoringPlan(
    [property: Id(0)] string MethodologyId,
    [property: Id(1)] string MethodologyVersion,
    [property: Id(2)] ValueList<MonitoredParameter> Parameters,
    [property: Id(3)] ValueList<FixedFactor> Factors,
    [property: Id(4)] ValueList<CreditShare> CreditShares)
{
    /// <summary>Longest party name.</summary>
    public const int MaxPartyLength = 100;

    /// <summary>
    /// Refuses a plan that breaks a general rule, naming the field. Whether it suits its
    /// methodology is checked against the methodology.
    /// </summary>
    public void Validate()
    {
        Field.ExactText(MethodologyId, "methodology_id", 32);
        Field.ExactText(MethodologyVersion, "methodology_version", 16);
        for (var i = 0; i < Parameters.Count; i++)
        {
            var parameter = Parameters[i];
            Field.Id(parameter.Code, $"parameters[{i}].code");
            Field.ExactText(parameter.Unit, $"parameters[{i}].unit", 32);
            Field.Choice(parameter.Option, $"parameters[{i}].option");
            if (parameter.Option == MonitoringOption.C)
            {
                Field.ExactText(parameter.MeterId, $"parameters[{i}].meter_id", 64);
                if (parameter.CalibrationDate is null)
                    throw new InvalidFieldException($"parameters[{i}].calibration_date", "is required for a metered (option C) parameter");
            }
            if (Parameters.Take(i).Any(p => p.Code == parameter.Code))
                throw new InvalidFieldException($"parameters[{i}].code", $"'{parameter.Code}' appears twice");
        }
        for (var i = 0; i < Factors.Count; i++)
        {
            Field.Id(Factors[i].Code, $"factors[{i}].code");
            Field.Finite(Factors[i].Value, $"factors[{i}].value");
            Field.ExactText(Factors[i].Unit, $"factors[{i}].unit", 32);
            if (Factors.Take(i).Any(f => f.Code == Factors[i].Code))
                throw new InvalidFieldException($"factors[{i}].code", $"'{Factors[i].Code}' appears twice");
        }
        if (CreditShares.Count == 0)
            throw new InvalidFieldException("credit_shares", "needs at least one share");
        for (var i = 0; i < CreditShares.Count; i++)
        {
            Field.ExactText(CreditShares[i].Party, $"credit_shares[{i}].party", MaxPartyLength);
            if (CreditShares.Take(i).Any(s => s.Party == CreditShares[i].Party))
                throw new InvalidFieldException($"credit_shares[{i}].party", $"'{CreditShares[i].Party}' appears twice");
            if (CreditShares[i].Percent is <= 0 or > 100)
                throw new InvalidFieldException($"credit_shares[{i}].percent", "must be above 0 and at most 100");
        }
        if (CreditShares.Sum(s => s.Percent) != 100)
            throw new InvalidFieldException("credit_shares", "must add up to 100 %");
    }
}
