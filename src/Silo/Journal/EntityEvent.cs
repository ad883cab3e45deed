using Cooperation.Contracts.Access;
using Cooperation.Contracts.Kpis;

namespace Cooperation.Silo.Journal;

/// <summary>
/// A change to an entity, as its grain records it in the journal. Each event type carries an
/// <see cref="EventKindAttribute"/>; its JSON form (<see cref="EventJson"/>) is what is stored,
/// so properties may be added but never renamed. Event types are the silo's own records: they
/// hold no contract type (nested data has its own records, mapped to the contracts in one place
/// per entity), so a change to the API never changes what is stored.
/// </summary>
public interface IEntityEvent;

/// <summary>
/// Names an event type in the journal, e.g. "pilot.status-changed", and the version of its shape.
/// A change that cannot be made by adding properties gets a new type with the next version,
/// stored as "{kind}.v{version}"; the earlier type stays, so history written with it still reads.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
internal sealed class EventKindAttribute(string kind, int version) : Attribute
{
    /// <summary>The event's name, the same for all its versions.</summary>
    public string Kind { get; } = kind;

    /// <summary>The version of the stored shape, from 1.</summary>
    public int Version { get; } = version >= 1 ? version : throw new ArgumentOutOfRangeException(nameof(version), "Versions start at 1.");

    /// <summary>The name stored in the journal: the kind for version 1 (the shapes written before versions), "{kind}.v{n}" after.</summary>
    public string StoredKind => Version == 1 ? Kind : $"{Kind}.v{Version}";
}

/// <summary>
/// A record of data an event holds (a definition, a reading...), the silo's own counterpart of a
/// contract type: it keeps the stored JSON when the contract changes. <see cref="Of"/> and
/// <see cref="ToContract"/> are the one mapping between the two.
/// </summary>
/// <typeparam name="TSelf">The record.</typeparam>
/// <typeparam name="TContract">The contract type it stores.</typeparam>
internal interface IStoredRecord<TSelf, TContract> where TSelf : IStoredRecord<TSelf, TContract>
{
    /// <summary>The record of <paramref name="value"/>.</summary>
    static abstract TSelf Of(TContract value);

    /// <summary>The contract value this record holds.</summary>
    TContract ToContract();
}

/// <summary>An event with what the journal knows about it.</summary>
/// <param name="EntityType">E.g. "pilot".</param>
/// <param name="EntityId">The entity's id.</param>
/// <param name="Sequence">Its place in the entity's history, from 1.</param>
/// <param name="Event">What happened.</param>
/// <param name="RecordedAt">When the grain recorded it (UTC).</param>
/// <param name="Actor">Who caused it.</param>
/// <param name="Scope">The partnership whose watchers see it, if any.</param>
/// <param name="IdempotencyKey">The client's key for the request that caused it, if any.</param>
/// <param name="RequestHash">A hash of that request, to tell a retry from another request under the same key.</param>
/// <param name="FeedPosition">Its place in the scope's feed; assigned by storage, 0 before.</param>
public sealed record JournalEntry(
    string EntityType,
    string EntityId,
    long Sequence,
    IEntityEvent Event,
    DateTimeOffset RecordedAt,
    Caller Actor,
    string? Scope = null,
    string? IdempotencyKey = null,
    string? RequestHash = null,
    long FeedPosition = 0);

/// <summary>A KPI reading of a subject ("pilots/{id}", "programmes/{id}"), stored with the event that records it.</summary>
[GenerateSerializer, Immutable, Alias("coop.SubjectReading")]
public readonly record struct SubjectReading([property: Id(0)] string Subject, [property: Id(1)] StoredKpiReading Reading);

/// <summary>
/// What one append stores atomically: events (of one or several entities) and the KPI readings
/// they record, which also go to the reading history.
/// </summary>
public sealed record JournalAppend(IReadOnlyList<JournalEntry> Events, IReadOnlyList<SubjectReading> Readings)
{
    /// <summary>Rows the append writes.</summary>
    public int RowCount => Events.Count + Readings.Count;
}

/// <summary>
/// The request's idempotency key was already used on the entity (by an earlier activation):
/// nothing was stored. The grain looks the first request up and answers with its result.
/// </summary>
internal sealed class DuplicateRequestException(string entityType, string entityId, string idempotencyKey)
    : Exception($"{entityType} '{entityId}' already holds a request under idempotency key '{idempotencyKey}'.")
{
    /// <summary>The key that was used before.</summary>
    public string IdempotencyKey { get; } = idempotencyKey;
}

/// <summary>Time as storage keeps it.</summary>
internal static class StorageClock
{
    /// <summary>
    /// Now, to the microsecond: PostgreSQL's precision, so a state rebuilt from storage equals the
    /// state the grain built in memory.
    /// </summary>
    public static DateTimeOffset Now(this TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        return now.AddTicks(-(now.Ticks % (TimeSpan.TicksPerMillisecond / 1000)));
    }
}

/// <summary>Journal entries as the audit API shows them.</summary>
internal static class AuditEvents
{
    /// <summary>The entry with its event as stored JSON.</summary>
    public static Contracts.Audit.AuditEvent Of(JournalEntry entry) => new(entry.EntityType, entry.EntityId, entry.Sequence,
        EventJson.KindOf(entry.Event), EventJson.Serialize(entry.Event), entry.RecordedAt, entry.Actor, entry.FeedPosition);
}
