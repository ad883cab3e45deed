using Cooperation.Contracts.Common;
using Cooperation.Contracts.Pilots;
using Cooperation.Silo.Pilots.Readings;

namespace Cooperation.Tests.Support;

/// <summary>
/// The reading history in memory for test clusters, shared by all silos of the process (as the
/// database is in production) and with the same rule: a sequence is taken only once.
/// </summary>
public sealed class InMemoryKpiReadingStore : IKpiReadingStore
{
    /// <summary>The one store of the test process.</summary>
    public static InMemoryKpiReadingStore Shared { get; } = new();

    private readonly Dictionary<string, List<StoredKpiReading>> _byPilot = [];
    private readonly Dictionary<string, int> _loads = [];

    /// <summary>How often a pilot's history was loaded: once per activation.</summary>
    public int LoadCount(string pilotId)
    {
        lock (_byPilot)
            return _loads.GetValueOrDefault(pilotId);
    }

    /// <summary>Everything stored for a pilot, in sequence order.</summary>
    public IReadOnlyList<StoredKpiReading> Stored(string pilotId)
    {
        lock (_byPilot)
            return _byPilot.TryGetValue(pilotId, out var list) ? list.ToArray() : [];
    }

    /// <inheritdoc/>
    public Task<KpiReadingHistory> LoadAsync(string pilotId, CancellationToken cancellationToken = default)
    {
        lock (_byPilot)
            _loads[pilotId] = _loads.GetValueOrDefault(pilotId) + 1;
        var all = Stored(pilotId);
        var latest = all.GroupBy(r => (r.KpiCode, r.Period)).Select(g => g.MaxBy(r => r.Sequence)!).ToArray();
        var counts = all.GroupBy(r => r.KpiCode).ToDictionary(g => g.Key, g => (long)g.Count());
        return Task.FromResult(new KpiReadingHistory(latest, counts, all.Count == 0 ? 0 : all.Max(r => r.Sequence)));
    }

    /// <inheritdoc/>
    public Task AppendAsync(string pilotId, IReadOnlyList<StoredKpiReading> readings, CancellationToken cancellationToken = default)
    {
        lock (_byPilot)
        {
            if (!_byPilot.TryGetValue(pilotId, out var list))
                _byPilot[pilotId] = list = [];
            if (readings.Any(r => list.Exists(s => s.Sequence == r.Sequence)))
                throw ConcurrentChangeException.PilotReadings(pilotId);
            list.AddRange(readings);
        }
        return Task.CompletedTask;
    }
}
