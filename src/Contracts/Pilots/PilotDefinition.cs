using Cooperation.Contracts.Common;

namespace Cooperation.Contracts.Pilots;

/// <summary>What a pilot project does; decides which KPI templates apply.</summary>
[GenerateSerializer, Alias("coop.PilotKind")]
public enum PilotKind
{
    /// <summary>Compost production from organic waste.</summary>
    Compost = 1,

    /// <summary>Eco-industrial park model, e.g. Nam Cau Kien.</summary>
    EcoIndustrialPark = 2,

    /// <summary>Low-carbon equipment subsidised under the Joint Crediting Mechanism.</summary>
    JcmEquipment = 3,

    /// <summary>Cleaner production assessments and training.</summary>
    CleanerProduction = 4,

    /// <summary>Rooftop solar installations.</summary>
    RooftopSolar = 5,

    /// <summary>Waste-to-energy plants.</summary>
    WasteToEnergy = 6,

    /// <summary>Anything else.</summary>
    Other = 7,

    /// <summary>Reducing a water utility's losses (non-revenue water): district metering, leak repair, pipe renewal.</summary>
    WaterLossReduction = 8,
}

/// <summary>What a city office states when it creates a pilot project.</summary>
/// <param name="PartnershipId">The partnership it runs under.</param>
/// <param name="ProgrammeId">The partnership's programme it belongs to.</param>
/// <param name="Title">Title in one or more languages.</param>
/// <param name="Kind">What it does.</param>
/// <param name="Frequency">Its reporting calendar.</param>
/// <param name="CityId">The city it runs in, one of the partnership's two; its time zone decides when dates pass.</param>
/// <param name="Location">Where in the city, e.g. "Nam Cau Kien industrial park, Thuy Nguyen".</param>
/// <param name="LeadOrganisationId">The organisation leading it.</param>
/// <param name="ParticipantOrganisationIds">Other organisations taking part.</param>
[GenerateSerializer, Immutable, Alias("coop.PilotDefinition")]
public sealed record PilotDefinition(
    [property: Id(0)] string PartnershipId,
    [property: Id(1)] string ProgrammeId,
    [property: Id(2)] LocalizedText Title,
    [property: Id(3)] PilotKind Kind,
    [property: Id(4)] ReportingFrequency Frequency,
    [property: Id(5)] string CityId,
    [property: Id(6)] string? Location,
    [property: Id(7)] string LeadOrganisationId,
    [property: Id(8)] ValueList<string> ParticipantOrganisationIds)
{
    /// <summary>Longest location text.</summary>
    public const int MaxLocationLength = 300;

    /// <summary>Most participating organisations.</summary>
    public const int MaxParticipants = 50;

    /// <summary>The lead and the participants, each once.</summary>
    public IEnumerable<string> OrganisationIds => ParticipantOrganisationIds.Prepend(LeadOrganisationId).Distinct();

    /// <summary>Refuses a definition that breaks a rule, naming the field.</summary>
    public void Validate()
    {
        Field.Id(PartnershipId, "partnership_id");
        Field.Id(ProgrammeId, "programme_id");
        LocalizedText.Require(Title, "title");
        Field.Choice(Kind, "kind");
        Field.Choice(Frequency, "reporting_frequency");
        Field.Id(CityId, "city_id");
        if (Location is not null)
            Field.ExactText(Location, "location", MaxLocationLength);
        Field.Id(LeadOrganisationId, "lead_organisation_id");
        if (ParticipantOrganisationIds is null || ParticipantOrganisationIds.Count > MaxParticipants)
            throw new InvalidFieldException("participant_organisation_ids", $"must hold at most {MaxParticipants} organisations");
        Field.DistinctIds(ParticipantOrganisationIds, "participant_organisation_ids");
    }
}

/// <summary>A donor's funding of a pilot in one currency.</summary>
/// <param name="LineId">Id of the line within the pilot.</param>
/// <param name="DonorOrganisationId">The donor.</param>
/// <param name="Currency">VND, JPY or USD.</param>
/// <param name="Committed">Amount committed.</param>
/// <param name="Disbursed">Amount disbursed so far, at most the committed amount.</param>
[GenerateSerializer, Immutable, Alias("coop.FundingLine")]
public sealed record FundingLine(
    [property: Id(0)] string LineId,
    [property: Id(1)] string DonorOrganisationId,
    [property: Id(2)] Currency Currency,
    [property: Id(3)] decimal Committed,
    [property: Id(4)] decimal Disbursed)
{
    /// <summary>Refuses a line that breaks a rule, naming the field.</summary>
    public void Validate()
    {
        Field.Id(LineId, "line_id");
        Field.Id(DonorOrganisationId, "donor_organisation_id");
        Field.Choice(Currency, "currency");
        if (Committed is < 0 or > Field.MaxAmount)
            throw new InvalidFieldException("committed", "must be a non-negative amount");
        if (Disbursed < 0 || Disbursed > Committed)
            throw new InvalidFieldException("disbursed", "must be between 0 and the committed amount");
    }
}

/// <summary>Committed and disbursed funding of a pilot in one currency.</summary>
/// <param name="Currency">The currency.</param>
/// <param name="Committed">Sum of the lines' committed amounts.</param>
/// <param name="Disbursed">Sum of the lines' disbursed amounts.</param>
[GenerateSerializer, Immutable, Alias("coop.FundingTotal")]
public sealed record FundingTotal(
    [property: Id(0)] Currency Currency,
    [property: Id(1)] decimal Committed,
    [property: Id(2)] decimal Disbursed)
{
    /// <summary>The totals per currency of <paramref name="lines"/>, in currency order (VND, JPY, USD).</summary>
    public static ValueList<FundingTotal> PerCurrency(IEnumerable<FundingLine> lines) =>
        PerCurrency(lines.Select(l => new FundingTotal(l.Currency, l.Committed, l.Disbursed)));

    /// <summary>The totals per currency of <paramref name="totals"/> (e.g. of several pilots), in currency order (VND, JPY, USD).</summary>
    public static ValueList<FundingTotal> PerCurrency(IEnumerable<FundingTotal> totals) => ValueList.Of(totals
        .GroupBy(t => t.Currency)
        .OrderBy(g => g.Key)
        .Select(g => new FundingTotal(g.Key, g.Sum(t => t.Committed), g.Sum(t => t.Disbursed))));
}
