using Cooperation.Contracts.Access;
using Cooperation.Contracts.Audit;

namespace Cooperation.Gateway.Audit;

/// <summary>
/// One watch's subscription to a partnership's feed: woken when the feed has news, renewed
/// before it lapses, removed when the watch ends. Between signals the watch still polls, so a
/// lost signal or a moved feed grain only delays it.
/// </summary>
internal sealed class FeedWatcher : IFeedObserver, IAsyncDisposable
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
