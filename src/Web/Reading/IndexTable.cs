using Cooperation.Contracts.Cities;
using Cooperation.Contracts.Common;

namespace Cooperation.Web.Reading;

/// <summary>A component of an index, with its score in each year of the table (null where that year lacks it).</summary>
/// <param name="Code">The component's code.</param>
/// <param name="Name">Its name (of the latest year that has it).</param>
/// <param name="Scores">Its score per year, in the table's year order.</param>
internal sealed record IndexComponentRow(string Code, LocalizedText Name, IReadOnlyList<double?> Scores);

/// <summary>
/// One composite index of a city (e.g. the Provincial Green Index) as the city page shows it: its
/// years as columns, its components as rows and each year's total, which is always
/// <see cref="CompositeIndex.Total"/> (the sum of that year's components).
/// </summary>
/// <param name="IndexCode">The index, e.g. "pgi".</param>
/// <param name="Name">Its name (of the latest year).</param>
/// <param name="Years">Years scored, oldest first.</param>
/// <param name="Components">Components in the order they first appear, newest year first.</param>
/// <param name="Totals">The total of each year, in <paramref name="Years"/>' order.</param>
internal sealed record IndexTable(string IndexCode, LocalizedText Name, IReadOnlyList<int> Years, IReadOnlyList<IndexComponentRow> Components, IReadOnlyList<double> Totals)
{
    /// <summary>One table per index of <paramref name="indices"/> (a city's), by index code.</summary>
    public static IReadOnlyList<IndexTable> Of(IEnumerable<CompositeIndex> indices) =>
    [
        .. indices.GroupBy(i => i.IndexCode, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(Table),
    ];

    private static IndexTable Table(IGrouping<string, CompositeIndex> index)
    {
        var years = index.OrderBy(i => i.Year).ToArray();
        var newestFirst = years.Reverse().ToArray();
        var components = newestFirst.SelectMany(i => i.Components).DistinctBy(c => c.Code).Select(c => new IndexComponentRow(
            c.Code, c.Name, [.. years.Select(y => y.Components.FirstOrDefault(x => x.Code == c.Code)?.Score)])).ToArray();
        return new(index.Key, newestFirst[0].Name, [.. years.Select(y => y.Year)], components, [.. years.Select(y => y.Total)]);
    }
}
