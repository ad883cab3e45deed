using Cooperation.Contracts.DonorReports;
using Cooperation.Contracts.Pilots;
using Cooperation.Reports.Rendering;

namespace Cooperation.Web.Reading;

/// <summary>An order of the partnership's pilots table: a column, up or down.</summary>
/// <param name="Column">The column's key, e.g. "status".</param>
/// <param name="Descending">Largest (or last) first.</param>
internal sealed record PilotOrder(string Column, bool Descending)
{
    /// <summary>As the query string writes it: "status", or "-status" for descending.</summary>
    public override string ToString() => Descending ? $"-{Column}" : Column;
}

/// <summary>
/// The pilots table of a partnership page: one row per pilot the caller may read (the grain's
/// <see cref="PilotSummary"/>: status, KPI status counts, milestones, overdue, review counts),
/// sortable by any column through the query parameter <c>sort</c>, which only takes the columns'
/// words (<see cref="Sort"/>).
/// </summary>
internal static class PilotTable
{
    /// <summary>A column: its key and what it sorts by; counts first sort largest first (what needs attention on top).</summary>
    private sealed record Column(string Key, Func<PilotSummary, ReportLanguage, IComparable> By, bool LargestFirst = false);

    private static readonly Column[] Columns =
    [
        new("title", (p, language) => ReportText.In(p.Title, language)),
        new("kind", (p, language) => ReportText.Of(p.Kind, language)),
        // The lifecycle's order: proposed, approved, in progress, completed, suspended, cancelled.
        new("status", (p, _) => p.Status),
        new("on-track", (p, _) => p.Kpis.OnTrack, LargestFirst: true),
        new("at-risk", (p, _) => p.Kpis.AtRisk, LargestFirst: true),
        new("off-track", (p, _) => p.Kpis.OffTrack, LargestFirst: true),
        new("milestones", (p, _) => p.MilestonesCounted == 0 ? -1d : (double)p.MilestonesDone / p.MilestonesCounted),
        new("overdue", (p, _) => p.OverdueMilestones, LargestFirst: true),
        new("awaiting-review", (p, _) => p.Reporting.AwaitingReview, LargestFirst: true),
        new("late", (p, _) => p.Reporting.Late, LargestFirst: true),
        new("missing", (p, _) => p.Reporting.Missing, LargestFirst: true),
    ];

    private static readonly Comparer<IComparable> Values = Comparer<IComparable>.Create((a, b) =>
        a is string x && b is string y ? StringComparer.OrdinalIgnoreCase.Compare(x, y) : a.CompareTo(b));

    /// <summary>The query parameter <c>sort</c>: each column's key, or the key after "-" for descending; by title when absent.</summary>
    public static QueryChoice<PilotOrder> Sort { get; } = new("sort",
        Columns.SelectMany(c => new[] { new PilotOrder(c.Key, false), new PilotOrder(c.Key, true) }).ToDictionary(o => o.ToString()),
        "title");

    /// <summary>The columns' keys, in the table's order.</summary>
    public static IEnumerable<string> ColumnKeys => Columns.Select(c => c.Key);

    /// <summary><paramref name="pilots"/> in <paramref name="order"/>, ties by title then id, names in <paramref name="language"/>.</summary>
    public static IReadOnlyList<PilotSummary> Sorted(IEnumerable<PilotSummary> pilots, PilotOrder order, ReportLanguage language)
    {
        var column = Find(order.Column);
        var sorted = order.Descending
            ? pilots.OrderByDescending(p => column.By(p, language), Values)
            : pilots.OrderBy(p => column.By(p, language), Values);
        return [.. sorted.ThenBy(p => ReportText.In(p.Title, language), StringComparer.OrdinalIgnoreCase).ThenBy(p => p.PilotId, StringComparer.Ordinal)];
    }

    /// <summary>
    /// The order a column's heading links to from <paramref name="current"/>: the same column the
    /// other way round; another column, largest first for counts, else ascending.
    /// </summary>
    public static PilotOrder Toggle(string columnKey, PilotOrder current)
    {
        var column = Find(columnKey);
        return current.Column == column.Key ? current with { Descending = !current.Descending } : new(column.Key, column.LargestFirst);
    }

    private static Column Find(string key) => Columns.FirstOrDefault(c => c.Key == key)
        ?? throw new ArgumentOutOfRangeException(nameof(key), key, "No pilots table column has this key.");
}
