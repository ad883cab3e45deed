using Cooperation.Web.Reading;

namespace Cooperation.Web.Pages;

/// <summary>What the history section (<c>Shared/_History.cshtml</c>) of an entity's page shows.</summary>
/// <param name="Page">The page, which names the organisations and holds the messages about its query.</param>
/// <param name="Rows">A page of the history (<see cref="ReadPage.HistoryAsync"/>).</param>
/// <param name="TimeZone">The IANA time zone its times are read in; UTC when null.</param>
/// <param name="Link">The link to the page of the history before a sequence (null: the newest), keeping the page's other parameters.</param>
internal sealed record HistorySection(ReadPage Page, HistoryRows Rows, string? TimeZone, Func<long?, string> Link);
