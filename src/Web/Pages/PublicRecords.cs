using System.Collections.Concurrent;
using Cooperation.Contracts.Access;
using Cooperation.Contracts.Cities;
using Cooperation.Contracts.Common;
using Cooperation.Contracts.Organisations;
using Cooperation.Reports.Rendering;
using Cooperation.Web.Hosting;
using Cooperation.Web.Words;
using Microsoft.Extensions.Options;

namespace Cooperation.Web.Pages;

/// <summary>
/// What every signed-in person may read and what seldom changes: organisations' names and cities'
/// definitions (names, country, time zone). The host keeps them for
/// <see cref="WebOptions.PublicRecordsLifetime"/>, so a page that names a dozen organisations does
/// not ask the cluster a dozen times. They are read through the grains as the person who asked first;
/// since any person may read them, sharing them between people shows nobody more than the grains would.
/// Only what anyone may read belongs here; anything scoped is read per request.
/// </summary>
internal sealed class PublicRecords(IGrainFactory grains, TimeProvider clock, IOptions<WebOptions> options)
{
    private readonly ConcurrentDictionary<string, Kept<LocalizedText?>> _organisations = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Kept<CityDefinition>> _cities = new(StringComparer.Ordinal);

    /// <summary>The names of the organisations <paramref name="ids"/> that exist, by id.</summary>
    public async Task<IReadOnlyDictionary<string, LocalizedText>> OrganisationNamesAsync(IEnumerable<string> ids)
    {
        var distinct = ids.Distinct(StringComparer.Ordinal).ToArray();
        var names = await Task.WhenAll(distinct.Select(id => KeptAsync(_organisations, id, OrganisationNameAsync)));
        var found = new Dictionary<string, LocalizedText>(distinct.Length, StringComparer.Ordinal);
        for (var i = 0; i < distinct.Length; i++)
        {
            if (names[i] is { } name)
                found[distinct[i]] = name;
        }
        return found;
    }

    /// <summary>
    /// The name of organisation <paramref name="id"/> as a page writes it (<see cref="NameOf"/>),
    /// for the header of every page: the id when the cluster does not answer, so that an error page
    /// about the cluster still renders.
    /// </summary>
    public async Task<string> OrganisationNameAsync(string id, PageWords words)
    {
        try
        {
            return NameOf(id, id == Caller.Platform.OrganisationId ? null : (await OrganisationNamesAsync([id])).GetValueOrDefault(id), words);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            return id;
        }
    }

    /// <summary>
    /// An organisation's name in the page's language: the platform's own word for the platform, the
    /// id itself for one whose names were not found.
    /// </summary>
    public static string NameOf(string id, LocalizedText? names, PageWords words) => id == Caller.Platform.OrganisationId
        ? ReportText.Word("organisation.platform", words.Language)
        : names is null ? id : words.Name(names);

    /// <summary>City <paramref name="id"/>'s definition; NotFound as the city's grain answers it.</summary>
    public Task<CityDefinition> CityAsync(string id) => KeptAsync(_cities, id, async city => (await grains.GetGrain<ICityGrain>(city).Get()).Definition);

    private async Task<LocalizedText?> OrganisationNameAsync(string id)
    {
        try
        {
            return (await grains.GetGrain<IOrganisationGrain>(id).Get()).Definition.Names;
        }
        catch (EntityNotFoundException)
        {
            // An id the data names without the organisation (none should be): shown as it is.
            return null;
        }
    }

    // One read per record and lifetime: requests arriving meanwhile wait for the same answer; a
    // failed read is forgotten at once, so the next request asks again.
    private async Task<T> KeptAsync<T>(ConcurrentDictionary<string, Kept<T>> kept, string id, Func<string, Task<T>> read)
    {
        var now = clock.GetUtcNow();
        if (kept.TryGetValue(id, out var entry) && entry.Until > now)
            return await entry.Value;
        var fresh = new Kept<T>(now + options.Value.PublicRecordsLifetime, read(id));
        kept[id] = fresh;
        try
        {
            return await fresh.Value;
        }
        catch
        {
            kept.TryRemove(KeyValuePair.Create(id, fresh));
            throw;
        }
    }

    private sealed record Kept<T>(DateTimeOffset Until, Task<T> Value);
}
