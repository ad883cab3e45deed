using Cooperation.Contracts.Audit;
using Cooperation.Contracts.Common;
using Cooperation.Contracts.Partnerships;
using Cooperation.Silo.Journal;
using Microsoft.Extensions.Logging;
using Orleans.Utilities;

namespace Cooperation.Silo.Partnerships;

/// <summary>
/// A partnership's feed: reads its events from the journal for those who may read the
/// partnership, and passes the journal's "committed" signal on to its watchers. It keeps no
/// state: the journal is the feed, and watchers resume from a position after a reconnect.
/// </summary>
internal sealed class PartnershipFeedGrain(IEventJournal journal, ILogger<PartnershipFeedGrain> logger) : Grain, IPartnershipFeedGrain
{
    private readonly ObserverManager<IFeedObserver> _watchers = new(IPartnershipFeedGrain.SubscriptionLifetime, logger);

    private string Id => this.GetPrimaryKeyString();

    /// <inheritdoc/>
    public async Task<FeedPage> Read(long afterPosition, int limit)
    {
        await RequireReadableAsync();
        limit = Math.Clamp(limit, 1, HistoryQuery.MaxLimit);
        var entries = await journal.ReadFeedAsync(Id, afterPosition, limit);
        if (entries.Count == 0)
            return new FeedPage([], afterPosition, Full: false);
        // Each entity decides what of its own events the caller may see, as in its history.
        var entities = new AuditedEntities(GrainFactory);
        var visible = await Task.WhenAll(entries.Select(AuditEvents.Of)
            .GroupBy(e => (e.EntityType, e.EntityId))
            .Select(group => entities.Grain(group.Key.EntityType, group.Key.EntityId).Visible(ValueList.Of(group))));
        var events = visible.SelectMany(v => v).OrderBy(e => e.FeedPosition);
        return new FeedPage(ValueList.Of(events), entries[^1].FeedPosition, Full: entries.Count == limit);
    }

    /// <inheritdoc/>
    public async Task<long> LastPosition()
    {
        await RequireReadableAsync();
        return await journal.LastFeedPositionAsync(Id);
    }

    /// <inheritdoc/>
    public async Task Subscribe(IFeedObserver observer)
    {
        await RequireReadableAsync();
        _watchers.Subscribe(observer, observer);
    }

    /// <inheritdoc/>
    public Task Unsubscribe(IFeedObserver observer)
    {
        _watchers.Unsubscribe(observer);
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task Notify()
    {
        _watchers.Notify(watcher => watcher.OnNewEvents());
        return Task.CompletedTask;
    }

    // The partnership decides who may read it (PermissionDenied, or NotFound for admins).
    private Task RequireReadableAsync() => GrainFactory.GetGrain<IPartnershipGrain>(Id).Get();
}
