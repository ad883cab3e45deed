using System.Collections.Frozen;

namespace Cooperation.Contracts.Kpis.Aggregations;

/// <summary>
/// The registry of aggregation kinds: every sealed <see cref="KpiAggregationKind"/> of this
/// assembly, one per <see cref="KpiAggregation"/> value. A value without its class, or with two,
/// fails the first use (and <c>KpiAggregationsTests</c>), never a silent default.
/// </summary>
public static class KpiAggregations
{
    private static readonly FrozenDictionary<KpiAggregation, KpiAggregationKind> ByKind = Build();

    /// <summary>Every kind, in enum order.</summary>
    public static IReadOnlyList<KpiAggregationKind> All { get; } = [.. ByKind.Values.OrderBy(k => k.Kind)];

    /// <summary>The rules of <paramref name="kind"/>; a value outside the enum is a programming error (validate input first).</summary>
    public static KpiAggregationKind Of(KpiAggregation kind) => ByKind.TryGetValue(kind, out var rules)
        ? rules
        : throw new ArgumentOutOfRangeException(nameof(kind), kind, "No aggregation kind has this value; validate the definition first.");

    private static FrozenDictionary<KpiAggregation, KpiAggregationKind> Build()
    {
        var kinds = typeof(KpiAggregationKind).Assembly.GetTypes()
            .Where(type => type.IsSubclassOf(typeof(KpiAggregationKind)) && !type.IsAbstract)
            .Select(type => (KpiAggregationKind)Activator.CreateInstance(type)!)
            .ToArray();
        foreach (var twice in kinds.GroupBy(k => k.Kind).Where(g => g.Count() > 1))
            throw new InvalidOperationException($"Aggregation {twice.Key} has {twice.Count()} classes: {string.Join(", ", twice.Select(k => k.GetType().Name))}.");
        var missing = Enum.GetValues<KpiAggregation>().Except(kinds.Select(k => k.Kind)).ToArray();
        if (missing.Length > 0)
            throw new InvalidOperationException($"Aggregation {string.Join(", ", missing)} has no {nameof(KpiAggregationKind)} class.");
        var unknown = kinds.Where(k => !Enum.IsDefined(k.Kind)).ToArray();
        if (unknown.Length > 0)
            throw new InvalidOperationException($"{string.Join(", ", unknown.Select(k => k.GetType().Name))} names no {nameof(KpiAggregation)} value.");
        return kinds.ToFrozenDictionary(k => k.Kind);
    }
}
