using Cooperation.Contracts.Kpis;

namespace Cooperation.Silo.Kpis.Readings;

/// <summary>
/// The append-only history of KPI readings of every subject (a pilot "pilots/{id}" or a
/// programme "programmes/{id}"). Appending never rewrites what is stored, so its cost does not
/// depend on how many readings a subject already holds.
/// </summary>
public interface IKpiReadingStore
{
    /// <summary>Summarises a subject's history: what a <see cref="KpiReadingLedger"/> is built from.</summary>
    Task<KpiReadingHistory> LoadAsync(string subject, CancellationToken cancellationToken = default);

    /// <summary>
    /// Appends readings of one subject atomically; completes only once they are durably committed.
    /// Throws <see cref="Contracts.Common.ConcurrentChangeException"/> when a sequence is already taken.
    /// </summary>
    Task AppendAsync(string subject, IReadOnlyList<StoredKpiReading> readings, CancellationToken cancellationToken = default);
}

/// <summary>A summary of a subject's stored readings.</summary>
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
