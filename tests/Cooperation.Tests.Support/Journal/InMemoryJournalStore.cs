using System.Text.RegularExpressions;
using Cooperation.Contracts.Access;
using Cooperation.Contracts.Common;
using Cooperation.Contracts.Kpis;
using Cooperation.Silo.Journal;
using Cooperation.Silo.Kpis.Readings;

namespace Cooperation.Tests.Support;

/// <summary>
/// What PostgreSQL's <c>entity_event</c> and <c>kpi_reading</c> tables hold, in memory, with the
/// same keys and checks (ops/sql/0005–0007): one row per entity and sequence, per entity and
/// idempotency key, per subject and reading sequence; events kept as their stored JSON, times to
/// the microsecond, actors as their organisation, role, credential and account. An append is all or
/// nothing and committed when it returns; feed positions follow commit order. Shared by every
/// silo of a test cluster, as the database is. <see cref="EventJournalContract"/> holds it to the
/// PostgreSQL journal's behaviour.
/// </summary>
public sealed partial class InMemoryJournalStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<(string Type, string Id), SortedList<long, Row>> _entities = [];
    private readonly Dictionary<(string Type, string Id, string Key), Row> _requests = [];
    private readonly Dictionary<string, List<Row>> _feeds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SortedList<long, StoredKpiReading>> _readings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _readsAsOf = new(StringComparer.Ordinal);
    private long _lastFeedPosition;

    /// <summary>
    /// Stores <paramref name="append"/> whole, or nothing of it: <see cref="ConcurrentChangeException"/>
    /// when a sequence is taken, <see cref="DuplicateRequestException"/> when an idempotency key
    /// is, <see cref="InternalFaultException"/> when a row breaks a check of the schema.
    /// </summary>
    /// <returns>The scopes whose feeds received events.</returns>
    public IReadOnlyList<string> Append(JournalAppend append)
    {
        var rows = RowsOf(append);
        lock (_lock)
        {
            ThrowOnConflict(append);
            foreach (var reading in append.Readings)
                ReadingsOf(reading.Subject).Add(reading.Reading.Sequence, Stored(reading.Reading));
            foreach (var row in rows.Select(r => r with { FeedPosition = ++_lastFeedPosition }))
            {
                EventsOf(row.EntityType, row.EntityId).Add(row.Sequence, row);
                if (row.IdempotencyKey is { } key)
                    _requests[(row.EntityType, row.EntityId, key)] = row;
                if (row.Scope is { } scope)
                    FeedOf(scope).Add(row);
            }
            return rows.Select(r => r.Scope).OfType<string>().Distinct().ToArray();
        }
    }

    /// <summary>An entity's events after <paramref name="afterSequence"/>, oldest first.</summary>
    public IReadOnlyList<JournalEntry> Read(string entityType, string entityId, long afterSequence, int limit)
    {
        lock (_lock)
            return EventsOf(entityType, entityId).Values.Where(r => r.Sequence > afterSequence).Take(limit).Select(r => r.ToEntry()).ToArray();
    }

    /// <summary>An entity's events before <paramref name="beforeSequence"/>, newest first.</summary>
    public IReadOnlyList<JournalEntry> ReadBackward(string entityType, string entityId, long beforeSequence, int limit)
    {
        lock (_lock)
        {
            return EventsOf(entityType, entityId).Values.Where(r => r.Sequence < beforeSequence).Reverse().Take(limit)
                .Select(r => r.ToEntry()).ToArray();
        }
    }

    /// <summary>The event an entity recorded under <paramref name="idempotencyKey"/>, if any.</summary>
    public JournalEntry? Find(string entityType, string entityId, string idempotencyKey)
    {
        lock (_lock)
            return _requests.GetValueOrDefault((entityType, entityId, idempotencyKey))?.ToEntry();
    }

    /// <summary>A scope's events after <paramref name="afterPosition"/>, in commit order.</summary>
    public IReadOnlyList<JournalEntry> ReadFeed(string scope, long afterPosition, int limit)
    {
        lock (_lock)
            return FeedOf(scope).Where(r => r.FeedPosition > afterPosition).Take(limit).Select(r => r.ToEntry()).ToArray();
    }

    /// <summary>The position of a scope's newest event; 0 for none.</summary>
    public long LastFeedPosition(string scope)
    {
        lock (_lock)
            return FeedOf(scope).LastOrDefault()?.FeedPosition ?? 0;
    }

    /// <summary>
    /// A subject's reading history: per KPI and period the reading with the highest sequence,
    /// readings per KPI and the highest sequence; with <paramref name="asOf"/>, only readings
    /// recorded at or before it.
    /// </summary>
    public KpiReadingHistory LoadReadings(string subject, DateTimeOffset? asOf)
    {
        lock (_lock)
        {
            if (asOf is not null)
                _readsAsOf[subject] = _readsAsOf.GetValueOrDefault(subject) + 1;
            var readings = ReadingsOf(subject).Values.Where(r => asOf is null || r.RecordedAt <= asOf).ToArray();
            var latest = readings
                .GroupBy(r => (r.KpiCode, Period: r.Period.ToString()))
                .Select(g => g.MaxBy(r => r.Sequence)!)
                .OrderBy(r => r.KpiCode, StringComparer.Ordinal).ThenBy(r => r.Period.ToString(), StringComparer.Ordinal)
                .ToArray();
            var counts = readings.GroupBy(r => r.KpiCode).ToDictionary(g => g.Key, g => (long)g.Count(), StringComparer.Ordinal);
            return new KpiReadingHistory(latest, counts, readings.Length == 0 ? 0 : readings.Max(r => r.Sequence));
        }
    }

    /// <summary>How often <paramref name="subject"/>'s history was read as of an instant (the query a report as of a cut-off may make).</summary>
    public int ReadsAsOf(string subject)
    {
        lock (_lock)
            return _readsAsOf.GetValueOrDefault(subject);
    }

    /// <summary>Events stored for the entities with these ids (of any type).</summary>
    public long EventCount(params string[] entityIds)
    {
        lock (_lock)
            return _entities.Where(e => entityIds.Contains(e.Key.Id)).Sum(e => (long)e.Value.Count);
    }

    /// <summary>Readings stored for <paramref name="subject"/>, superseded ones included.</summary>
    public long ReadingCount(string subject)
    {
        lock (_lock)
            return ReadingsOf(subject).Count;
    }

    /// <summary>
    /// The rows <paramref name="append"/> writes; a fault, as in PostgreSQL, when the statement
    /// would be refused before storing anything: a row breaks a check of the schema, or an event
    /// has no stored form.
    /// </summary>
    private static Row[] RowsOf(JournalAppend append)
    {
        if (!append.Events.All(Fits) || !append.Readings.All(Fits))
            throw InternalFaultException.New();
        try
        {
            return append.Events.Select(e => new Row(e.EntityType, e.EntityId, e.Sequence, EventJson.KindOf(e.Event),
                EventJson.Serialize(e.Event), Microseconds(e.RecordedAt), e.Actor.OrganisationId, e.Actor.Role, e.Actor.CredentialId,
                e.Actor.AccountId, e.Scope, e.IdempotencyKey, e.RequestHash, 0)).ToArray();
        }
        catch (Exception)
        {
            throw InternalFaultException.New();
        }
    }

    private void ThrowOnConflict(JournalAppend append)
    {
        var readings = new HashSet<(string, long)>();
        var sequences = new HashSet<(string, string, long)>();
        var keys = new HashSet<(string, string, string)>();
        var first = append.Events.Count > 0 ? append.Events[0] : null;
        // kpi_reading is written first (the events' insert is a CTE that runs after its statement).
        foreach (var reading in append.Readings)
        {
            if (!readings.Add((reading.Subject, reading.Reading.Sequence)) || ReadingsOf(reading.Subject).ContainsKey(reading.Reading.Sequence))
                throw TakenBy(first);
        }
        foreach (var entry in append.Events)
        {
            // Each row is checked against the primary key first, then the idempotency index.
            if (!sequences.Add((entry.EntityType, entry.EntityId, entry.Sequence))
                || EventsOf(entry.EntityType, entry.EntityId).ContainsKey(entry.Sequence))
                throw TakenBy(first);
            if (entry.IdempotencyKey is { } key
                && (!keys.Add((entry.EntityType, entry.EntityId, key)) || _requests.ContainsKey((entry.EntityType, entry.EntityId, key))))
            {
                throw first?.IdempotencyKey is { } firstKey
                    ? new DuplicateRequestException(first.EntityType, first.EntityId, firstKey)
                    : TakenBy(first);
            }
        }
    }

    private static ConcurrentChangeException TakenBy(JournalEntry? first) => new(
        $"{(first is null ? "the entity" : $"{first.EntityType} '{first.EntityId}'")} was changed by another writer at the same time; nothing was stored, retry.");

    // The schema's checks: entity types in lower-case letters, sequences from 1, readings of a
    // pilot or programme with a finite value; timestamptz takes UTC only (Npgsql refuses others).
    private static bool Fits(JournalEntry entry) =>
        EntityTypeForm().IsMatch(entry.EntityType) && entry.Sequence > 0 && entry.RecordedAt.Offset == TimeSpan.Zero;

    private static bool Fits(SubjectReading reading) =>
        SubjectForm().IsMatch(reading.Subject) && reading.Reading.Sequence > 0 && double.IsFinite(reading.Reading.Value)
        && reading.Reading.RecordedAt.Offset == TimeSpan.Zero;

    // timestamptz keeps microseconds; the driver drops the rest.
    private static DateTimeOffset Microseconds(DateTimeOffset instant) => instant.AddTicks(-(instant.Ticks % 10));

    // Breakdowns go through the column's JSON, as they do in PostgreSQL.
    private static StoredKpiReading Stored(StoredKpiReading reading) => reading with
    {
        RecordedAt = Microseconds(reading.RecordedAt),
        Breakdown = BreakdownJson.Write(reading.Breakdown) is { } json ? BreakdownJson.Read(json) : ValueList<BreakdownValue>.Empty,
    };

    private SortedList<long, Row> EventsOf(string entityType, string entityId)
    {
        if (!_entities.TryGetValue((entityType, entityId), out var rows))
            _entities[(entityType, entityId)] = rows = [];
        return rows;
    }

    private List<Row> FeedOf(string scope)
    {
        if (!_feeds.TryGetValue(scope, out var rows))
            _feeds[scope] = rows = [];
        return rows;
    }

    private SortedList<long, StoredKpiReading> ReadingsOf(string subject)
    {
        if (!_readings.TryGetValue(subject, out var readings))
            _readings[subject] = readings = [];
        return readings;
    }

    [GeneratedRegex("^[a-z]+$")]
    private static partial Regex EntityTypeForm();

    [GeneratedRegex("^(pilots|programmes)/[a-z][a-z0-9-]*$")]
    private static partial Regex SubjectForm();

    /// <summary>An entity_event row.</summary>
    private sealed record Row(string EntityType, string EntityId, long Sequence, string Kind, string Payload, DateTimeOffset RecordedAt,
        string ActorOrganisationId, Role ActorRole, string? ActorCredentialId, string? ActorAccountId, string? Scope, string? IdempotencyKey,
        string? RequestHash, long FeedPosition)
    {
        // The actor comes back as the columns hold it: organisation, role, credential and account.
        public JournalEntry ToEntry() => new(EntityType, EntityId, Sequence, EventJson.Deserialize(Kind, Payload), RecordedAt,
            new Caller(ActorOrganisationId, ActorRole, ActorCredentialId, "", ActorAccountId), Scope, IdempotencyKey, RequestHash, FeedPosition);
    }
}
