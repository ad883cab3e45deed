using Cooperation.Contracts.Common;
using Orleans.Concurrency;

namespace Cooperation.Contracts.Audit;

/// <summary>A page of a partnership's feed as one caller may see it.</summary>
/// <param name="Events">The events the caller may see, in feed order.</param>
/// <param name="Position">The position scanned up to (events the caller may not see included): continue after it.</param>
/// <param name="Full">The page scanned as many events as asked: more may follow at once.</param>
[GenerateSerializer, Immutable, Alias("coop.FeedPage")]
public sealed record FeedPage([property: Id(0)] ValueList<AuditEvent> Events, [property: Id(1)] long Position, [property: Id(2)] bool Full);

/// <summary>Told when a partnership's feed has new events; the watcher then reads them.</summary>
[Alias("coop.IFeedObserver")]
public interface IFeedObserver : IGrainObserver
{
    /// <summary>New events may be in the feed.</summary>
    [Alias("OnNewEvents"), OneWay]
    Task OnNewEvents();
}

/// <summary>
/// A partnership's feed: the events of the partnership and of its programmes, pilots and MoUs,
/// in an order that never changes once read, with positions to resume from. Watchers subscribe
/// to be told of new events, and read them from the journal.
/// </summary>
[Alias("coop.IPartnershipFeedGrain")]
public interface IPartnershipFeedGrain : IGrainWithStringKey
{
    /// <summary>How long a subscription lasts unless renewed.</summary>
    static TimeSpan SubscriptionLifetime => TimeSpan.FromMinutes(1);

    /// <summary>
    /// The feed after <paramref name="afterPosition"/>, at most <paramref name="limit"/> events
    /// scanned, for those who may read the partnership: of those, only the events the caller
    /// could see in each entity's own history.
    /// </summary>
    [Alias("Read"), ReadOnly]
    Task<FeedPage> Read(long afterPosition, int limit);

    /// <summary>The position of the newest event that can be read now (0 for none), to watch from now on.</summary>
    [Alias("LastPosition"), ReadOnly]
    Task<long> LastPosition();

    /// <summary>Tells <paramref name="observer"/> of new events for <see cref="SubscriptionLifetime"/>; subscribe again to go on.</summary>
    [Alias("Subscribe")]
    Task Subscribe(IFeedObserver observer);

    /// <summary>Stops telling <paramref name="observer"/>.</summary>
    [Alias("Unsubscribe")]
    Task Unsubscribe(IFeedObserver observer);

    /// <summary>Storage committed new events of the partnership (sent by the journal).</summary>
    [Alias("Notify"), OneWay]
    Task Notify();
}
