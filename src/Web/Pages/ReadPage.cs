using Cooperation.Contracts.Access;
using Cooperation.Contracts.Audit;
using Cooperation.Contracts.Common;
using Cooperation.Contracts.People;
using Cooperation.Reports.Rendering;
using Cooperation.Web.Reading;
using Cooperation.Web.Words;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cooperation.Web.Pages;

/// <summary>
/// A read page: it calls the grains the API calls, as the signed-in person (the caller the host set
/// for the request), so the grains' <c>AccessPolicy</c> decides what it shows; a refusal or an
/// unknown id becomes the host's 403 or 404 page. It checks its query parameters against their
/// words and answers a wrong one with a message next to what it governs (status 400) and the default.
/// </summary>
public abstract class ReadPage(IGrainFactory grains) : PageModel
{
    private readonly Dictionary<string, LocalizedText> _organisations = new(StringComparer.Ordinal);

    /// <summary>The cluster, as the person.</summary>
    protected IGrainFactory Grains => grains;

    /// <summary>The person's organisation and role, as the grains see them.</summary>
    internal static Caller Caller => CallerContext.Current;

    /// <summary>This request's words.</summary>
    internal PageWords W => HttpContext.RequestServices.GetRequiredService<PageWords>();

    /// <summary>Query parameter → the message about its wrong value.</summary>
    public Dictionary<string, string> QueryErrors { get; } = new(StringComparer.Ordinal);

    /// <summary>The message about query parameter <paramref name="name"/>, or null.</summary>
    public string? QueryError(string name) => QueryErrors.GetValueOrDefault(name);

    /// <summary>
    /// The request's value of <paramref name="choice"/>; a value that is none of its words is
    /// answered with the default, a message naming the words, and status 400.
    /// </summary>
    internal QueryAnswer<T> Read<T>(QueryChoice<T> choice)
    {
        var sent = Request.Query[choice.Name].ToString();
        var answer = choice.Read(sent);
        if (!answer.Valid)
            Refuse(choice.Name, W.Format("query.invalid", choice.Name, string.Join(", ", choice.Words)));
        return answer;
    }

    /// <summary>Answers a wrong query parameter <paramref name="name"/> with <paramref name="message"/> and status 400.</summary>
    internal void Refuse(string name, string message)
    {
        QueryErrors.TryAdd(name, message);
        Response.StatusCode = StatusCodes.Status400BadRequest;
    }

    /// <summary>
    /// The id in a page's address, checked as the API checks ids; an address that cannot name any
    /// <paramref name="entity"/> is a page that does not exist (404), which tells nobody anything.
    /// </summary>
    internal static string PathId(string? id, string entity)
    {
        try
        {
            return Field.Id(id, "id");
        }
        catch (InvalidFieldException)
        {
            throw new EntityNotFoundException(entity, id ?? "");
        }
    }

    /// <summary>What anyone may read (organisations' names, cities' definitions), as the host keeps it.</summary>
    internal PublicRecords Records => HttpContext.RequestServices.GetRequiredService<PublicRecords>();

    /// <summary>Reads the names of the organisations <paramref name="ids"/> (anyone reads an organisation) for <see cref="Organisation"/>.</summary>
    protected async Task NameOrganisationsAsync(IEnumerable<string> ids)
    {
        var missing = ids.Where(id => id != Caller.Platform.OrganisationId && !_organisations.ContainsKey(id));
        foreach (var (id, names) in await Records.OrganisationNamesAsync(missing))
            _organisations[id] = names;
    }

    /// <summary>
    /// The page of <paramref name="entity"/>'s history the query parameter <c>before</c> asks for
    /// (a wrong one is refused next to the section and the newest is shown), with the names of the
    /// people who acted; the organisations who acted are named by <see cref="Organisation"/>.
    /// </summary>
    internal async Task<HistoryRows> HistoryAsync(IHasHistory entity)
    {
        var query = HistoryRows.Query(Request.Query[HistoryRows.Parameter]);
        if (query is null)
            Refuse(HistoryRows.Parameter, W["history.invalid-page"]);
        query ??= HistoryRows.Query(null)!;
        var page = await entity.GetHistory(query);
        var people = HistoryRows.PeopleOf(page);
        var names = people.Count == 0 ? [] : await grains.GetGrain<IAccountDirectoryGrain>(IAccountDirectoryGrain.Key).Names(people);
        await NameOrganisationsAsync(page.Events.Select(e => e.Actor.OrganisationId));
        return HistoryRows.Of(page, names, newest: query.From is null);
    }

    /// <summary>The name of organisation <paramref name="id"/> in the page's language; the id itself when it was not read.</summary>
    public string Organisation(string id) => PublicRecords.NameOf(id, _organisations.GetValueOrDefault(id), W);
}
