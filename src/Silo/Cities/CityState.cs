using Cooperation.Contracts.Cities;
using Cooperation.Contracts.Common;

namespace Cooperation.Silo.Cities;

/// <summary>A city's state: the fold of its events (<see cref="CityEvents"/>).</summary>
[GenerateSerializer, Alias("coop.CityState")]
internal sealed record CityState
{
    /// <summary>What it is; null until created.</summary>
    [Id(0)] public CityDefinition? Definition { get; init; }

    /// <summary>Partnerships it takes part in.</summary>
    [Id(1)] public ValueList<string> PartnershipIds { get; init; } = [];

    /// <summary>Programmes it owns.</summary>
    [Id(2)] public ValueList<string> ProgrammeIds { get; init; } = [];

    /// <summary>Composite indices, one per index and year.</summary>
    [Id(3)] public ValueList<CompositeIndex> Indices { get; init; } = [];
}
