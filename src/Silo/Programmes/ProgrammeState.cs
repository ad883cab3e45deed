using Cooperation.Contracts.Common;
using Cooperation.Contracts.Kpis;
using Cooperation.Contracts.Programmes;
using Cooperation.Silo.Kpis;

namespace Cooperation.Silo.Programmes;

/// <summary>A programme's state (the fold of its events); its readings live in the reading history.</summary>
[GenerateSerializer, Alias("coop.ProgrammeState")]
internal sealed record ProgrammeState : IKpiSubjectState<ProgrammeState>
{
    /// <summary>What it is; null until created.</summary>
    [Id(0)] public ProgrammeDefinition? Definition { get; init; }

    /// <summary>Programme-level KPIs in definition order.</summary>
    [Id(1)] public ValueList<KpiDefinition> Kpis { get; init; } = [];

    /// <summary>Time zone of the owner city (a partnership's first city), copied at creation.</summary>
    [Id(2)] public string TimeZone { get; init; } = "UTC";

    /// <summary>The cities whose offices manage it.</summary>
    [Id(3)] public ValueList<string> CityIds { get; init; } = [];

    /// <inheritdoc/>
    public ProgrammeState WithKpis(ValueList<KpiDefinition> kpis) => this with { Kpis = kpis };
}
