using Cooperation.Contracts.Pilots;
using Cooperation.Contracts.Submissions;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Proto = Cooperation.Contracts.Grpc;

namespace Cooperation.Gateway.Pilots;

/// <summary>How many pilots' views the gateway keeps (<see cref="PilotViewCache"/>); section <c>PilotViews</c>.</summary>
public sealed class PilotViewOptions
{
    /// <summary>Views kept at most, one per pilot and figure basis; 0 keeps none (every read maps the view anew).</summary>
    public int Entries { get; set; } = 10_000;
}

/// <summary>
/// Pilot views as the API returns them, kept by pilot and figure basis with the version the grain
/// named (<see cref="IPilotGrain.GetIfChanged"/>). Every read still asks the grain, which decides
/// the caller's access and answers with the view only when the version kept is not current: a
/// read made after a write was acknowledged gets the new view, and the view of an unchanged
/// pilot is neither sent by the silo nor mapped again here.
/// </summary>
internal sealed class PilotViewCache(IOptions<PilotViewOptions> options) : IDisposable
{
    private readonly int _entries = options.Value.Entries;
    private readonly MemoryCache _kept = new(new MemoryCacheOptions { SizeLimit = Math.Max(1, options.Value.Entries) });

    /// <summary>The view of <paramref name="pilot"/> (<paramref name="id"/>) on <paramref name="basis"/> for the current caller.</summary>
    public async Task<Proto.Pilot> ReadAsync(IPilotGrain pilot, string id, FigureBasis basis)
    {
        var key = (id, basis);
        // Shared by every caller that reads the same version; the grain says whether it may read it.
        var kept = _entries > 0 ? _kept.Get<Kept>(key) : null;
        var read = await pilot.GetIfChanged(basis, kept?.Version);
        if (read.View is null)
            return kept?.Wire ?? throw new InvalidOperationException($"Pilot '{id}' answered without a view though none was kept.");
        var wire = read.View.ToProto();
        if (_entries > 0)
            _kept.Set(key, new Kept(read.Version, wire), new MemoryCacheEntryOptions { Size = 1 });
        return wire;
    }

    /// <inheritdoc/>
    public void Dispose() => _kept.Dispose();

    // Never changed once made: answers share it and only read it.
    private sealed record Kept(string Version, Proto.Pilot Wire);
}
