using Cooperation.Contracts.Access;
using Cooperation.Contracts.Common;

namespace Cooperation.Silo.Journal;

/// <summary>
/// A journal entry on its way between grains: decided by its entity's grain, appended by
/// another together with other entities' entries. The event travels as its stored JSON, the
/// form the journal keeps anyway.
/// </summary>
[GenerateSerializer, Immutable, Alias("coop.StagedEntry")]
internal sealed record StagedEntry(
    [property: Id(0)] string EntityType,
    [property: Id(1)] string EntityId,
    [property: Id(2)] long Sequence,
    [property: Id(3)] string Kind,
    [property: Id(4)] string Json,
    [property: Id(5)] DateTimeOffset RecordedAt,
    [property: Id(6)] Caller Actor,
    [property: Id(7)] string? Scope)
{
    /// <summary>The staged form of <paramref name="entry"/>.</summary>
    public static StagedEntry Of(JournalEntry entry) => new(entry.EntityType, entry.EntityId, entry.Sequence,
        EventJson.KindOf(entry.Event), EventJson.Serialize(entry.Event), entry.RecordedAt, entry.Actor, entry.Scope);

    /// <summary>The entry again.</summary>
    public JournalEntry ToEntry() => new(EntityType, EntityId, Sequence, EventJson.Deserialize(Kind, Json), RecordedAt, Actor, Scope);
}

/// <summary>One entity's share of an append made elsewhere: its entries and the readings they record.</summary>
/// <param name="Entries">Numbered after the entity's version when they were decided.</param>
/// <param name="Readings">The readings they record.</param>
[GenerateSerializer, Immutable, Alias("coop.StagedAppend")]
internal sealed record StagedAppend([property: Id(0)] ValueList<StagedEntry> Entries, [property: Id(1)] ValueList<SubjectReading> Readings)
{
    /// <summary>The staged form of entries and readings.</summary>
    public static StagedAppend Of(IEnumerable<JournalEntry> entries, IEnumerable<SubjectReading> readings) =>
        new(ValueList.Of(entries.Select(StagedEntry.Of)), ValueList.Of(readings));

    /// <summary>The entries again.</summary>
    public IReadOnlyList<JournalEntry> ToEntries() => Entries.Select(e => e.ToEntry()).ToArray();
}
