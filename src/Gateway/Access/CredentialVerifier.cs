using System.Collections.Concurrent;
using Cooperation.Contracts.Access;
using Cooperation.Gateway.Common;
using Microsoft.Extensions.Options;

namespace Cooperation.Gateway.Access;

/// <summary>How long a verified key is trusted without asking its credential again (section "Access").</summary>
internal sealed class AccessOptions
{
    /// <summary>
    /// Seconds a verified key stays cached. A revocation made through this gateway takes effect at
    /// once; one made through another gateway within this many seconds.
    /// </summary>
    public int CacheSeconds { get; set; } = 30;
}

/// <summary>
/// Verifies API keys against their credential grains and remembers the answer for a while, so
/// a busy client costs one dictionary lookup per call rather than one grain call.
/// </summary>
internal sealed class CredentialVerifier(GrainReferences<ICredentialGrain> credentials, IOptions<AccessOptions> options, TimeProvider clock)
{
    // Keys in use number in the hundreds; this bounds memory should a client send junk keys that happen to verify.
    private const int MaxEntries = 10_000;

    private readonly ConcurrentDictionary<string, (Caller Caller, DateTimeOffset Until)> _verified = new(StringComparer.Ordinal);

    /// <summary>The caller <paramref name="key"/> authenticates; null when it does not.</summary>
    public async ValueTask<Caller?> VerifyAsync(string key)
    {
        var now = clock.GetUtcNow();
        if (_verified.TryGetValue(key, out var known) && known.Until > now)
            return known.Caller;
        if (!ApiKeys.TryParse(key, out var credentialId, out var secret))
            return null;
        var caller = await credentials.Get(credentialId).Verify(ApiKeys.Hash(secret));
        if (caller is null)
        {
            _verified.TryRemove(key, out _);
            return null;
        }
        if (_verified.Count >= MaxEntries)
            _verified.Clear();
        _verified[key] = (caller, now.AddSeconds(options.Value.CacheSeconds));
        return caller;
    }

    /// <summary>Stops trusting every cached key of <paramref name="credentialId"/> (after a revocation).</summary>
    public void Forget(string credentialId)
    {
        foreach (var (key, entry) in _verified)
        {
            if (entry.Caller.CredentialId == credentialId)
                _verified.TryRemove(key, out _);
        }
    }
}
