using Cooperation.Contracts.Audit;
using Cooperation.Contracts.People;

namespace Cooperation.Web.Reading;

/// <summary>One event of an entity's history as a page lists it.</summary>
/// <param name="Event">The event as the grain showed it to the caller.</param>
/// <param name="Person">The person who acted, when one did from the browser (their name from the account directory); null for API keys and the platform.</param>
internal sealed record HistoryRow(AuditEvent Event, PersonName? Person);

/// <summary>
/// A page of an entity's history: the grain's page (only the events the caller may see), each
/// event with the person who acted when there was one, and the token of the next page. Paged by
/// the query parameter <c>before</c>, a sequence the previous page gave.
/// </summary>
/// <param name="Rows">The events, newest first.</param>
/// <param name="Next">The sequence to continue from (older events), or null at the oldest.</param>
/// <param name="Newest">Whether this is the newest page (else the section links back to it).</param>
internal sealed record HistoryRows(IReadOnlyList<HistoryRow> Rows, long? Next, bool Newest = true)
{
    /// <summary>Events on one page.</summary>
    public const int PageSize = 20;

    /// <summary>The query parameter of the page to show.</summary>
    public const string Parameter = "before";

    /// <summary>The account ids of the people who acted in <paramref name="page"/>, to ask the directory for their names.</summary>
    public static IReadOnlyList<string> PeopleOf(HistoryPage page) =>
        [.. page.Events.Select(e => e.Actor.AccountId).OfType<string>().Distinct(StringComparer.Ordinal)];

    /// <summary>The rows of <paramref name="page"/>, people named from <paramref name="names"/>.</summary>
    public static HistoryRows Of(HistoryPage page, IEnumerable<PersonName> names, bool newest = true)
    {
        var byId = names.DistinctBy(n => n.AccountId).ToDictionary(n => n.AccountId, StringComparer.Ordinal);
        return new([.. page.Events.Select(e => new HistoryRow(e, e.Actor.AccountId is { } id ? byId.GetValueOrDefault(id) : null))], page.Next, newest);
    }

    /// <summary>
    /// The query for the page <paramref name="before"/> names: a positive sequence from an earlier
    /// page, or none for the newest. Null when <paramref name="before"/> is anything else.
    /// </summary>
    public static HistoryQuery? Query(string? before)
    {
        if (string.IsNullOrEmpty(before))
            return new(NewestFirst: true, From: null, Limit: PageSize);
        return long.TryParse(before, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var from) && from > 0
            ? new(NewestFirst: true, From: from, Limit: PageSize)
            : null;
    }
}
