using Cooperation.Contracts.Common;

namespace Cooperation.Contracts.Kpis;

/// <summary>
/// A change to a KPI as a caller sends it: only what it sets changes. A name changes the
/// languages it gives and keeps the others; every other field left out (null) keeps its value.
/// The one rule of partial updates of KPIs (<see cref="IKpiSubject.UpdateKpi"/>).
/// </summary>
/// <param name="Code">The KPI.</param>
/// <param name="Name">New names in some languages; null for none.</param>
/// <param name="Unit">New unit, or null.</param>
/// <param name="Measure">New measure, or null.</param>
/// <param name="Direction">New direction, or null.</param>
/// <param name="Aggregation">New aggregation, or null.</param>
/// <param name="Baseline">New baseline, or null.</param>
/// <param name="Target">New target, or null.</param>
/// <param name="Dimensions">New dimensions, or null.</param>
[GenerateSerializer, Immutable, Alias("coop.KpiChange")]
public sealed record KpiChange(
    [property: Id(0)] string Code,
    [property: Id(1)] LocalizedText? Name = null,
    [property: Id(2)] string? Unit = null,
    [property: Id(3)] KpiMeasure? Measure = null,
    [property: Id(4)] KpiDirection? Direction = null,
    [property: Id(5)] KpiAggregation? Aggregation = null,
    [property: Id(6)] KpiPoint? Baseline = null,
    [property: Id(7)] KpiPoint? Target = null,
    [property: Id(8)] ValueList<string>? Dimensions = null)
{
    /// <summary>A change that sets every field of <paramref name="kpi"/>.</summary>
    public static KpiChange To(KpiDefinition kpi) =>
        new(kpi.Code, kpi.Name, kpi.Unit, kpi.Measure, kpi.Direction, kpi.Aggregation, kpi.Baseline, kpi.Target, kpi.Dimensions);

    /// <summary><paramref name="existing"/> with what this change sets; validate the result.</summary>
    public KpiDefinition AppliedTo(KpiDefinition existing) => existing with
    {
        Name = Name is null ? existing.Name : new LocalizedText(Name.Vi ?? existing.Name.Vi, Name.Ja ?? existing.Name.Ja, Name.En ?? existing.Name.En),
        Unit = Unit ?? existing.Unit,
        Measure = Measure ?? existing.Measure,
        Direction = Direction ?? existing.Direction,
        Aggregation = Aggregation ?? existing.Aggregation,
        Baseline = Baseline ?? existing.Baseline,
        Target = Target ?? existing.Target,
        Dimensions = Dimensions ?? existing.Dimensions,
    };
}
