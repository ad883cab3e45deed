using Cooperation.Contracts.Organisations;
using Cooperation.Contracts.DonorReports;

namespace Cooperation.Silo.Organisations;

/// <summary>An organisation's state: the fold of its events.</summary>
[GenerateSerializer, Alias("coop.OrganisationState")]
internal sealed record OrganisationState
{
    /// <summary>What it is, as created; null until created.</summary>
    [Id(0)] public OrganisationDefinition? Definition { get; init; }

    /// <summary>Where its notices go.</summary>
    [Id(1)] public OrganisationContacts Contacts { get; init; } = OrganisationContacts.None;

    /// <summary>Its preferred language now: as created, or as last set with its contacts.</summary>
    [Id(2)] public ReportLanguage? Language { get; init; }
}
