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
}

/// <summary>What a city office states when it creates a pilot project.</summary>
/// <param name="PartnershipId">The partnership it runs under.</param>
/// <param name="Title">Title in one or more languages.</param>
/// <param name="Kind">What it does.</param>
/// <param name="Frequency">Its reporting calendar.</param>
[GenerateSerializer, Immutable, Alias("coop.PilotDefinition")]
public sealed record PilotDefinition(
    [property: Id(0)] string PartnershipId,
    [property: Id(1)] LocalizedText Title,
    [property: Id(2)] PilotKind Kind,
    [property: Id(3)] ReportingFrequency Frequency)
{
    /// <summary>Refuses a definition that breaks a rule, naming the field.</summary>
    public void Validate()
    {
        Field.Id(PartnershipId, "partnership_id");
        LocalizedText.Require(Title, "title");
        Field.Choice(Kind, "kind");
        Field.Choice(Frequency, "reporting_frequency");
    }
}
