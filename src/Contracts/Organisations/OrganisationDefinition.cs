using Cooperation.Contracts.Common;
using Cooperation.Contracts.DonorReports;

namespace Cooperation.Contracts.Organisations;

/// <summary>What kind of body an organisation is.</summary>
[GenerateSerializer, Alias("coop.OrganisationKind")]
public enum OrganisationKind
{
    /// <summary>A city government, e.g. Hai Phong People's Committee.</summary>
    CityGovernment = 1,

    /// <summary>A city department, such as a foreign-affairs office.</summary>
    CityDepartment = 2,

    /// <summary>A partner agency or centre, e.g. the Asian Center for Low Carbon Society.</summary>
    PartnerAgency = 3,

    /// <summary>An industrial park or its management board.</summary>
    IndustrialPark = 4,

    /// <summary>An enterprise.</summary>
    Enterprise = 5,

    /// <summary>A donor, e.g. Japan's Ministry of the Environment or JICA.</summary>
    Donor = 6,
}

/// <summary>What an organisation is.</summary>
/// <param name="Names">Names in Vietnamese, Japanese and/or English.</param>
/// <param name="Kind">What kind of body it is.</param>
/// <param name="CityId">The city it is based in.</param>
/// <param name="PreferredLanguage">The language its notices are written in; null for English. Read back, it is the language now in force (<see cref="OrganisationContacts.Language"/> changes it).</param>
[GenerateSerializer, Immutable, Alias("coop.OrganisationDefinition")]
public sealed record OrganisationDefinition(
    [property: Id(0)] LocalizedText Names,
    [property: Id(1)] OrganisationKind Kind,
    [property: Id(2)] string CityId,
    [property: Id(3)] ReportLanguage? PreferredLanguage = null)
{
    /// <summary>The language notices to it are written in: its preferred one, else English.</summary>
    public ReportLanguage NoticeLanguage => PreferredLanguage ?? ReportLanguage.En;

    /// <summary>Refuses a definition that breaks a rule, naming the field.</summary>
    public void Validate()
    {
        LocalizedText.Require(Names, "names");
        Field.Choice(Kind, "kind");
        Field.Id(CityId, "city_id");
        if (PreferredLanguage is { } language)
            Field.Choice(language, "preferred_language");
    }
}

/// <summary>An organisation as read back.</summary>
/// <param name="OrganisationId">Its id.</param>
/// <param name="Definition">What it is.</param>
/// <param name="Contacts">Where its notices go; shown only to those who may change them.</param>
[GenerateSerializer, Immutable, Alias("coop.OrganisationView")]
public sealed record OrganisationView(
    [property: Id(0)] string OrganisationId,
    [property: Id(1)] OrganisationDefinition Definition,
    [property: Id(2)] OrganisationContacts? Contacts = null);
