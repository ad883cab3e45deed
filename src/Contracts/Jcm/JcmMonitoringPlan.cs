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

/// <summary>
/// A factor fixed ex ante, e.g. the grid emission factor in tCO2/MWh, with where its value comes
/// from, as a JCM monitoring plan sheet records it ("source of data").
/// </summary>
/// <param name="Code">Code the methodology knows it by, e.g. "ef-grid".</param>
/// <param name="Value">Its value.</param>
/// <param name="Unit">Its unit.</param>
/// <param name="Source">
/// Where the value comes from, e.g. "MONRE, Viet Nam grid emission factor 2023" or "manufacturer's
/// specification"; every factor of a plan states one.
/// </param>
/// <param name="Year">The year the value applies to, e.g. 2023 for a published grid factor; required where the methodology dates the factor.</param>
[GenerateSerializer, Immutable, Alias("coop.FixedFactor")]
public sealed record FixedFactor(
    [property: Id(0)] string Code,
    [property: Id(1)] double Value,
    [property: Id(2)] string Unit,
    [property: Id(3)] string? Source = null,
    [property: Id(4)] int? Year = null);

/// <summary>Who holds issued JCM credits: one of the two governments, or project participants.</summary>
[GenerateSerializer, Alias("coop.CreditHolder")]
public enum CreditHolder
{
    /// <summary>The Government of Japan.</summary>
    GovernmentOfJapan = 1,

    /// <summary>The government of the partner country, e.g. the Government of Viet Nam.</summary>
    PartnerGovernment = 2,

    /// <summary>A project participant (or the participants together).</summary>
    ProjectParticipant = 3,
}

/// <summary>How a project turns its holders' percentages into whole credits, as the project states it.</summary>
[GenerateSerializer, Alias("coop.CreditRounding")]
public enum CreditRounding
{
    /// <summary>Each holder gets the whole part of its share; the tonnes left go one each to the largest fractions.</summary>
    LargestRemainder = 1,

    /// <summary>
    /// The governments' shares are rounded up (in the order listed, never beyond what was issued)
    /// and the project participants take the remainder, split among them by their percentages.
    /// Issuances in Viet Nam were allocated so: 151 t at 50 % and 10 % gave the Government of
    /// Japan 76 t and the Government of Viet Nam 16 t, the participants 59 t.
    /// </summary>
    GovernmentsRoundedUp = 2,
}

/// <summary>A holder's share of the credits, e.g. the Government of Japan 50 %.</summary>
/// <param name="Party">Who receives them, e.g. "Government of Japan" or a participant's name.</param>
/// <param name="Percent">Share in percent; the shares of a plan add up to 100.</param>
/// <param name="Holder">Which kind of holder the party is; the rounding rule treats governments and participants apart.</param>
[GenerateSerializer, Immutable, Alias("coop.CreditShare")]
public sealed record CreditShare(
    [property: Id(0)] string Party,
    [property: Id(1)] decimal Percent,
    [property: Id(2)] CreditHolder Holder);

/// <summary>
/// A JCM pilot's approved methodology and monitoring plan: what is monitored and how, the fixed
/// factors and their sources, and how the project allocates issued credits to their holders.
/// </summary>
/// <param name="MethodologyId">Approved methodology, e.g. "VN_AM003".</param>
/// <param name="MethodologyVersion">Its version, e.g. "1.0".</param>
/// <param name="Parameters">Monitored parameters.</param>
/// <param name="Factors">Fixed factors.</param>
/// <param name="CreditShares">The holders of issued credits and their percentages, adding up to 100 %.</param>
/// <param name="Rounding">How the project rounds the holders' shares to whole credits.</param>
[GenerateSerializer, Immutable, Alias("coop.JcmMonitoringPlan")]
public sealed record JcmMonitoringPlan(
    [property: Id(0)] string MethodologyId,
    [property: Id(1)] string MethodologyVersion,
    [property: Id(2)] ValueList<MonitoredParameter> Parameters,
    [property: Id(3)] ValueList<FixedFactor> Factors,
    [property: Id(4)] ValueList<CreditShare> CreditShares,
    [property: Id(5)] CreditRounding Rounding)
{
    /// <summary>Longest party name.</summary>
    public const int MaxPartyLength = 100;

    /// <summary>Longest source of a factor.</summary>
    public const int MaxSourceLength = 300;

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
            Field.ExactText(Factors[i].Source, $"factors[{i}].source", MaxSourceLength);
            if (Factors[i].Year is { } year && year is < ReportingPeriod.MinYear or > ReportingPeriod.MaxYear)
                throw new InvalidFieldException($"factors[{i}].year", $"must fall between {ReportingPeriod.MinYear} and {ReportingPeriod.MaxYear}");
            if (Factors.Take(i).Any(f => f.Code == Factors[i].Code))
                throw new InvalidFieldException($"factors[{i}].code", $"'{Factors[i].Code}' appears twice");
        }
        ValidateShares();
    }

    private void ValidateShares()
    {
        Field.Choice(Rounding, "credit_rounding");
        if (CreditShares.Count == 0)
            throw new InvalidFieldException("credit_shares", "needs at least one holder");
        for (var i = 0; i < CreditShares.Count; i++)
        {
            Field.ExactText(CreditShares[i].Party, $"credit_shares[{i}].party", MaxPartyLength);
            Field.Choice(CreditShares[i].Holder, $"credit_shares[{i}].holder");
            if (CreditShares.Take(i).Any(s => s.Party == CreditShares[i].Party))
                throw new InvalidFieldException($"credit_shares[{i}].party", $"'{CreditShares[i].Party}' appears twice");
            if (CreditShares[i].Percent is <= 0 or > 100)
                throw new InvalidFieldException($"credit_shares[{i}].percent", "must be above 0 and at most 100");
            if (CreditShares[i].Holder != CreditHolder.ProjectParticipant && CreditShares.Take(i).Any(s => s.Holder == CreditShares[i].Holder))
                throw new InvalidFieldException($"credit_shares[{i}].holder", $"{CreditShares[i].Holder} holds one share of a project");
        }
        if (CreditShares.Sum(s => s.Percent) != 100)
            throw new InvalidFieldException("credit_shares", "must add up to 100 %");
        if (Rounding == CreditRounding.GovernmentsRoundedUp && CreditShares.All(s => s.Holder != CreditHolder.ProjectParticipant))
            throw new InvalidFieldException("credit_shares", "needs a project participant to take the remainder when the governments' shares are rounded up");
    }
}
