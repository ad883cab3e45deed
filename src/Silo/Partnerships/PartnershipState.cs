using Cooperation.Contracts.Common;
using Cooperation.Contracts.Partnerships;

namespace Cooperation.Silo.Partnerships;

/// <summary>A partnership's state (the fold of its events): what it is and the ids of what it holds.</summary>
[GenerateSerializer, Alias("coop.PartnershipState")]
internal sealed record PartnershipState
{
    /// <summary>What was stated at creation; null until created.</summary>
    [Id(0)] public PartnershipDefinition? Definition { get; init; }

    /// <summary>Pilots under the partnership, in creation order.</summary>
    [Id(1)] public ValueList<string> PilotIds { get; init; } = [];

    /// <summary>When it was created.</summary>
    [Id(2)] public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Member organisations with their roles.</summary>
    [Id(3)] public ValueList<PartnershipMember> Members { get; init; } = [];

    /// <summary>Programmes under it, in creation order.</summary>
    [Id(4)] public ValueList<string> ProgrammeIds { get; init; } = [];

    /// <summary>MoUs under it, in creation order.</summary>
    [Id(5)] public ValueList<string> MouIds { get; init; } = [];
}
