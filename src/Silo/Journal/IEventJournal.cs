using Cooperation.Silo.Kpis.Readings;

namespace Cooperation.Silo.Journal;

/// <summary>
/// The append-only journal of entity events, the source of truth of every grain's state
/// (PostgreSQL table <c>entity_event</c>), with the KPI reading history that events record
/// (table <c>kpi_reading</c>). Appending never rewrites what is stored, so its cost does not
/// depend on how much an entity already holds.
/// </summary>
public interface IEventJournal
{
    /// <summary>
    /// Stores the events and readings of <paramref name="append"/> atomically; completes only
    /// once they are durably committed. Throws <see cref="Contracts.Common.ConcurrentChangeException"/>
    /// when an entity's sequence is already taken, <see cref="DuplicateRequestException"/> when
    /// an idempotency key is, and <see cref="Contracts.Common.StorageUnavailableException"/> when
    /// storage failed (the outcome is then unknown).
    /// </summary>
    Task AppendAsync(JournalAppend append, CancellationToken cancellationToken = default);

    /// <summary>An entity's events after <paramref name="afterSequence"/>, oldest first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<JournalEntry>> ReadAsync(string entityType, string entityId, long afterSequence, int limit = int.MaxValue,
        CancellationToken cancellationToken = default);

    /// <summary>An entity's events before <paramref name="beforeSequence"/>, newest first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<JournalEntry>> ReadBackwardAsync(string entityType, string entityId, long beforeSequence, int limit,
        CancellationToken cancellationToken = default);

    /// <summary>The event an entity recorded under <paramref name="idempotencyKey"/>, if any.</summary>
    Task<JournalEntry?> FindAsync(string entityType, string entityId, string idempotencyKey, CancellationToken cancellationToken = default);

    /// <summary>
    /// A scope's events after feed position <paramref name="afterPosition"/>, in feed order, at
    /// most <paramref name="limit"/>: only those no still-running transaction can precede, so a
    /// reader that continues after the last one it got never misses one.
    /// </summary>
    Task<IReadOnlyList<JournalEntry>> ReadFeedAsync(string scope, long afterPosition, int limit, CancellationToken cancellationToken = default);

    /// <summary>The position of a scope's newest event that <see cref="ReadFeedAsync"/> would return now; 0 for none.</summary>
    Task<long> LastFeedPositionAsync(string scope, CancellationToken cancellationToken = default);

    /// <summary>
    /// Summarises a subject's reading history: what a <see cref="KpiReadingLedger"/> is built from;
    /// with <paramref name="asOf"/>, the history as it stood then (readings recorded later left out).
    /// </summary>
    Task<KpiReadingHistory> LoadReadingsAsync(string subject, DateTimeOffset? asOf = null, CancellationToken cancellationToken = default);
}
