using System.Collections.Concurrent;
using Cooperation.Contracts.Audit;
using Microsoft.Extensions.DependencyInjection;

namespace Cooperation.Silo.Journal;

/// <summary>
/// Tells partnerships' feed grains that their events were committed. Signals are coalesced per
/// partnership over a short delay, so a busy partnership costs a few messages a second, not one
/// per batch; the watchers then read everything new at once.
/// </summary>
public sealed class FeedNotifier(IServiceProvider services)
{
    /// <summary>How long commits of one partnership are gathered into one signal.</summary>
    public static readonly TimeSpan Coalescing = TimeSpan.FromMilliseconds(50);

    private readonly ConcurrentDictionary<string, byte> _pending = new(StringComparer.Ordinal);

    // Resolved on first use: the journal is built before the silo's runtime is.
    private IGrainFactory Grains => field ??= services.GetRequiredService<IGrainFactory>();

    /// <summary>Signals the feeds of <paramref name="scopes"/> soon.</summary>
    public void Notify(IEnumerable<string> scopes)
    {
        foreach (var scope in scopes)
        {
            if (_pending.TryAdd(scope, 0))
                _ = SignalAsync(scope);
        }
    }

    private async Task SignalAsync(string scope)
    {
        await Task.Delay(Coalescing);
        // Cleared before the signal: a commit from now on schedules the next one.
        _pending.TryRemove(scope, out _);
        try
        {
            await Grains.GetGrain<IPartnershipFeedGrain>(scope).Notify();
        }
        catch (Exception)
        {
            // Watchers also poll, so a lost signal only delays them.
        }
    }
}
