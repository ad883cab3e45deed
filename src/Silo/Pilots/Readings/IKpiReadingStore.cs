using Cooperation.Contracts.Pilots;

namespace Cooperation.Silo.Pilots.Readings;

/// <summary>
/// The append-only history of KPI readings. Appending never rewrites what is stored, so its
/// cost does not depend on how many readings a pilot already holds.
/// </summary>
public interface IKpiReadingStore
{
    /// <summary>Summarises a pilot's history: what a <see cref="KpiReadingLedger"/> is built from.</summary>
    Task<KpiReadingHistory> LoadAsync(string pilotId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Appends readings of one pilot atomically; completes only once they are durably committed.
    /// Throws <see cref="Contracts.Common.ConcurrentChangeException"/> when a sequence is already taken.
    /// </summary>
    Task AppendAsync(string pilotId, IReadOnlyList<StoredKpiReading> readings, CancellationToken cancellationToken = default);
}

/// <summary>A summary of a pilot's stored readings.</summary>
/// <param name="LatestPerPeriod">For each KPI and period, the reading with the highest sequence.</param>
/// <param name="CountPerKpi">Readings stored per KPI code, superseded ones included.</param>
/// <param name="LastSequence">Highest sequence stored, 0 when none.</param>
public sealed record KpiReadingHistory(
    IReadOnlyList<StoredKpiReading> LatestPerPeriod,
    IReadOnlyDictionary<string, long> CountPerKpi,
    long LastSequence)
{
    /// <summary>A pilot without readings.</summary>
    public static KpiReadingHistory Empty { get; } = new([], new Dictionary<string, long>(), 0);
}
