using Cooperation.Contracts.Pilots;

namespace Cooperation.Silo.Pilots;

/// <summary>
/// A pilot as persisted in grain storage: its definition and KPIs. Readings are not part of it:
/// they live in the append-only reading history (<see cref="Readings.IKpiReadingStore"/>).
/// </summary>
[GenerateSerializer, Alias("coop.PilotState")]
public sealed record PilotState
{
    /// <summary>What was stated at creation; null until created.</summary>
    [Id(0)] public PilotDefinition? Definition { get; init; }

    /// <summary>KPIs in definition order.</summary>
    [Id(1)] public List<KpiDefinition> Kpis { get; init; } = [];

    /// <summary>When it was created.</summary>
    [Id(2)] public DateTimeOffset CreatedAt { get; init; }
}
