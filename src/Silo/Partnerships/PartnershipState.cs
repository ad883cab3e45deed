using Cooperation.Contracts.Partnerships;

namespace Cooperation.Silo.Partnerships;

/// <summary>A partnership as persisted.</summary>
[GenerateSerializer, Alias("coop.PartnershipState")]
public sealed record PartnershipState
{
    /// <summary>What was stated at creation; null until created.</summary>
    [Id(0)] public PartnershipDefinition? Definition { get; init; }

    /// <summary>Pilots under the partnership, in creation order.</summary>
    [Id(1)] public List<string> PilotIds { get; init; } = [];

    /// <summary>When it was created.</summary>
    [Id(2)] public DateTimeOffset CreatedAt { get; init; }
}
