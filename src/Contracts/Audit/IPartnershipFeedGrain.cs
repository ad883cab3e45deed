using Cooperation.Contracts.Common;
using Orleans.Concurrency;

namespace Cooperation.Contracts.Audit;

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

    /// <summary>Events after <paramref name="afterPosition"/>, at most <paramref name="limit"/>, for those who may read the partnership.</summary>
    [Alias("Read"), ReadOnly]
    Task<ValueList<AuditEvent>> Read(long afterPosition, int limit);

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
