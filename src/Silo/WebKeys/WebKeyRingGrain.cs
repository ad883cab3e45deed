using Cooperation.Contracts.Common;
using Cooperation.Contracts.Hosting;
using Cooperation.Silo.Access;
using Cooperation.Silo.Hosting;

namespace Cooperation.Silo.WebKeys;

/// <summary>The stored key ring: the web hosts' data-protection keys in the order they were made.</summary>
[GenerateSerializer, Alias("coop.WebKeyRingState")]
internal sealed class WebKeyRingState
{
    /// <summary>The keys, oldest first.</summary>
    [Id(0)] public List<WebKey> Keys { get; set; } = [];
}

/// <summary>
/// The web hosts' data-protection keys in grain storage (PostgreSQL). Keys are added a few times a
/// year (ASP.NET Core makes one every 90 days) and never removed (revocations are keys too), so one
/// small state row holds them; a write is acknowledged only once stored.
/// </summary>
internal sealed class WebKeyRingGrain(
    [PersistentState("web-key-ring", StorageNames.Domain)] IPersistentState<WebKeyRingState> ring) : Grain, IWebKeyRingGrain
{
    /// <summary>Most keys a ring holds: far more than years of rotation; a bound on a runaway writer.</summary>
    public const int MaxKeys = 1000;

    /// <inheritdoc/>
    public Task<ValueList<WebKey>> Keys()
    {
        PlatformWork.Require("Reading the web hosts' keys");
        return Task.FromResult(ValueList.Of(ring.State.Keys));
    }

    /// <inheritdoc/>
    public async Task Store(WebKey key)
    {
        PlatformWork.Require("Storing a web host's key");
        Field.Text(key.Name, "name", 200);
        Field.Text(key.Xml, "xml", 64 * 1024);
        var before = ring.State.Keys;
        var at = before.FindIndex(k => k.Name == key.Name);
        if (at >= 0 && before[at] == key)
            return;
        if (at < 0 && before.Count >= MaxKeys)
            throw new RuleViolationException($"The web key ring holds {MaxKeys} keys already.");
        List<WebKey> after = [.. before];
        if (at >= 0)
            after[at] = key;
        else
            after.Add(key);
        ring.State.Keys = after;
        try
        {
            await ring.WriteStateAsync();
        }
        catch
        {
            // Not stored: the ring in memory stays what storage holds.
            ring.State.Keys = before;
            throw;
        }
    }
}
