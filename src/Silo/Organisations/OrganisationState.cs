using Cooperation.Contracts.Organisations;

namespace Cooperation.Silo.Organisations;

/// <summary>An organisation as persisted.</summary>
[GenerateSerializer, Alias("coop.OrganisationState")]
public sealed record OrganisationState
{
    /// <summary>What it is; null until created.</summary>
    [Id(0)] public OrganisationDefinition? Definition { get; init; }
}
