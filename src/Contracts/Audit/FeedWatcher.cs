using System.Runtime.CompilerServices;
using Cooperation.Contracts.Access;

namespace Cooperation.Contracts.Audit;

/// <summary>
/// One watch's subscription to a partnership's feed: woken when the feed has news, renewed
/// before it lapses, removed when the watch ends. Between signals the watch still polls, so a
/// lost signal or a moved feed grain only delays it. Every client host that watches a feed (the
/// gateway's WatchPartnership, the web pages' live updates) reads it through this one loop.
/// </summary>
public sealed class FeedWatcher : IFeedObserver, IAsyncDisposable
{
    private readonly IGrainFactory _grains;
    private readonly IPartnershipFeedGrain _feed;
    private readonly Caller _caller;
    private readonly SemaphoreSlim _news = new(0, 1);
    private readonly IFeedObserver _reference;
    private readonly Timer _renewal;

    /// <summary>Subscribes to <paramref name="feed"/> as <paramref name="caller"/>.</summary>
    public FeedWatcher(IGrainFactory grains, IPartnershipFeedGrain feed, Caller caller)
    {
        (_grains, _feed, _caller) = (grains, feed, caller);
        _reference = grains.CreateObjectReference<IFeedObserver>(this);
        var renewEvery = IPartnershipFeedGrain.SubscriptionLifetime / 3;
        _renewal = new Timer(_ => _ = RenewAsync(), null, renewEvery, renewEvery);
    }

    /// <summary>Subscribes for the first time.</summary>
    public Task StartAsync() => _feed.Subscribe(_reference);

    /// <inheritdoc/>
    public Task OnNewEvents()
    {
        if (_news.CurrentCount == 0)
        {
            try
            {
                _news.Release();
            }
            catch (SemaphoreFullException)
            {
                // Already woken.
            }
        }
        return Task.CompletedTask;
    }

    /// <summary>Waits for news, or <paramref name="poll"/> at most.</summary>
    public Task WaitAsync(TimeSpan poll, CancellationToken cancellationToken) => _news.WaitAsync(poll, cancellationToken);

    /// <summary>
    /// The feed's pages after <paramref name="position"/>, as the caller (the current one, set on
    /// this flow) may see them, until <paramref name="cancellationToken"/> ends the watch: a full page
    /// is followed at once, else the next read waits for news or <paramref name="poll"/>. Pages may
    /// be empty (nothing new, or nothing the caller may see); each continues after the last.
    /// </summary>
    public async IAsyncEnumerable<FeedPage> PagesAfterAsync(long position, TimeSpan poll, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            // The feed shows only what the caller could see in each entity's own history.
            var page = await _feed.Read(position, HistoryQuery.MaxLimit);
            yield return page;
            position = page.Position;
            if (!page.Full)
                await WaitAsync(poll, cancellationToken);
        }
    }

    private async Task RenewAsync()
    {
        try
        {
            // A timer has no request context: renew as the watching caller.
            CallerContext.Set(_caller);
            await _feed.Subscribe(_reference);
        }
        catch (Exception)
        {
            // The next renewal tries again; meanwhile the watch polls.
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await _renewal.DisposeAsync();
        try
        {
            await _feed.Unsubscribe(_reference);
        }
        catch (Exception)
        {
            // The subscription lapses by itself.
        }
        _grains.DeleteObjectReference<IFeedObserver>(_reference);
        _news.Dispose();
    }
}
