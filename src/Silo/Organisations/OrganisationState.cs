using Cooperation.Contracts.Organisations;

namespace Cooperation.Silo.Organisations;

/// <summary>An organisation's state: the fold of its events.</summary>
[GenerateSerializer, Alias("coop.OrganisationState")]
public sealed record OrganisationState
{
    /// <summary>What it is; null until created.</summary>
    [Id(0)] public OrganisationDefinition? Definition { get; init; }

    /// <summary>Where its notices go.</summary>
    [Id(1)] public OrganisationContacts Contacts { get; init; } = OrganisationContacts.None;
}
