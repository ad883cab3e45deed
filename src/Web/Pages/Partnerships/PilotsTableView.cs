using Cooperation.Contracts.Pilots;
using Cooperation.Web.Reading;

namespace Cooperation.Web.Pages.Partnerships;

/// <summary>What the pilots table partial (<c>_PilotsTable.cshtml</c>) shows: the rows in their order, and where its headings link to.</summary>
/// <param name="Pilots">The rows, sorted.</param>
/// <param name="Order">Their order.</param>
/// <param name="Path">The page the headings' links sort (its other query parameters kept in <paramref name="Keep"/>).</param>
/// <param name="Keep">Other query parameters of the page, e.g. "figures=approved", or empty.</param>
/// <param name="Caption">The table's caption.</param>
/// <param name="Error">The message about a wrong sort, shown above the table.</param>
internal sealed record PilotsTableView(IReadOnlyList<PilotSummary> Pilots, PilotOrder Order, string Path, string Keep, string Caption, string? Error)
{
    /// <summary>The link of a column's heading: the page sorted by it (<see cref="PilotTable.Toggle"/>).</summary>
    public string SortLink(string column)
    {
        var sort = Uri.EscapeDataString(PilotTable.Toggle(column, Order).ToString());
        return Keep.Length == 0 ? $"{Path}?sort={sort}" : $"{Path}?{Keep}&sort={sort}";
    }

    /// <summary>The heading's aria-sort: how the table is sorted by this column, if it is.</summary>
    public string? AriaSort(string column) => Order.Column != column ? null : Order.Descending ? "descending" : "ascending";
}
