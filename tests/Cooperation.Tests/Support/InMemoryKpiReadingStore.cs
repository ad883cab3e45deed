using Cooperation.Contracts.Common;
using Cooperation.Contracts.Kpis;
using Cooperation.Silo.Kpis.Readings;

namespace Cooperation.Tests.Support;

/// <summary>
/// The reading history in memory for test clusters, shared by all silos of the process (as the
/// database is in production) and with the same rule: a sequence is taken only once.
/// </summary>
public sealed class InMemoryKpiReadingStore : IKpiReadingStore
{
    /// <summary>The one store of the test process.</summary>
    public static InMemoryKpiReadingStore Shared { get; } = new();

    private readonly Dictionary<string, List<StoredKpiReading>> _bySubject = [];
    private readonly Dictionary<string, int> _loads = [];

    /// <summary>How often a subject's history was loaded: once per activation.</summary>
    public int LoadCount(string subject)
    {
        lock (_bySubject)
            return _loads.GetValueOrDefault(subject);
    }

    /// <summary>Everything stored for a subject ("pilots/{id}"), in sequence order.</summary>
    public IReadOnlyList<StoredKpiReading> Stored(string subject)
    {
        lock (_bySubject)
            return _bySubject.TryGetValue(subject, out var list) ? list.ToArray() : [];
    }

    /// <inheritdoc/>
    public Task<KpiReadingHistory> LoadAsync(string subject, CancellationToken cancellationToken = default)
    {
        lock (_bySubject)
            _loads[subject] = _loads.GetValueOrDefault(subject) + 1;
        var all = Stored(subject);
        var latest = all.GroupBy(r => (r.KpiCode, r.Period)).Select(g => g.MaxBy(r => r.Sequence)!).ToArray();
        var counts = all.GroupBy(r => r.KpiCode).ToDictionary(g => g.Key, g => (long)g.Count());
        return Task.FromResult(new KpiReadingHistory(latest, counts, all.Count == 0 ? 0 : all.Max(r => r.Sequence)));
    }

    /// <inheritdoc/>
    public Task AppendAsync(string subject, IReadOnlyList<StoredKpiReading> readings, CancellationToken cancellationToken = default)
    {
        lock (_bySubject)
        {
            if (!_bySubject.TryGetValue(subject, out var list))
                _bySubject[subject] = list = [];
            if (readings.Any(r => list.Exists(s => s.Sequence == r.Sequence)))
                throw ConcurrentChangeException.SubjectReadings(subject);
            list.AddRange(readings);
        }
        return Task.CompletedTask;
    }
}
