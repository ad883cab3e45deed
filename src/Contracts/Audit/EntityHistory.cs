using Cooperation.Contracts.Access;
using Cooperation.Contracts.Common;
using Orleans.Concurrency;

namespace Cooperation.Contracts.Audit;

/// <summary>One change to an entity, as the journal holds it: what, when, by whom.</summary>
/// <param name="EntityType">E.g. "pilot".</param>
/// <param name="EntityId">The entity's id.</param>
/// <param name="Sequence">Its place in the entity's history, from 1.</param>
/// <param name="Kind">What happened, e.g. "pilot.update-submitted".</param>
/// <param name="PayloadJson">The event's content, as stored (JSON).</param>
/// <param name="RecordedAt">When it was recorded (UTC).</param>
/// <param name="Actor">Who caused it: organisation, role, credential.</param>
/// <param name="FeedPosition">Its place in its partnership's feed; 0 outside any feed.</param>
[GenerateSerializer, Immutable, Alias("coop.AuditEvent")]
public sealed record AuditEvent(
    [property: Id(0)] string EntityType,
    [property: Id(1)] string EntityId,
    [property: Id(2)] long Sequence,
    [property: Id(3)] string Kind,
    [property: Id(4)] string PayloadJson,
    [property: Id(5)] DateTimeOffset RecordedAt,
    [property: Id(6)] Caller Actor,
    [property: Id(7)] long FeedPosition);

/// <summary>Which page of an entity's history to read.</summary>
/// <param name="NewestFirst">Newest first (the default), or oldest first.</param>
/// <param name="From">Continue from this sequence, exclusive: older than it newest first, newer than it oldest first; null for the start.</param>
/// <param name="Limit">Most events on the page, 1–200.</param>
[GenerateSerializer, Immutable, Alias("coop.HistoryQuery")]
public sealed record HistoryQuery(
    [property: Id(0)] bool NewestFirst,
    [property: Id(1)] long? From,
    [property: Id(2)] int Limit)
{
    /// <summary>Most events on one page.</summary>
    public const int MaxLimit = 200;

    /// <summary>Refuses a query that breaks a field rule.</summary>
    public void Validate()
    {
        if (Limit is < 1 or > MaxLimit)
            throw new InvalidFieldException("page_size", $"must be 1–{MaxLimit}");
        if (From is < 0)
            throw new InvalidFieldException("page_token", "must be a sequence from an earlier page");
    }
}

/// <summary>A page of an entity's history.</summary>
/// <param name="Events">In the order asked for.</param>
/// <param name="Next">The sequence to continue from, or null when there is no more.</param>
[GenerateSerializer, Immutable, Alias("coop.HistoryPage")]
public sealed record HistoryPage([property: Id(0)] ValueList<AuditEvent> Events, [property: Id(1)] long? Next);

/// <summary>
/// An entity whose every change is an event in the journal: its history can be read by whoever
/// may read the entity.
/// </summary>
[Alias("coop.IHasHistory")]
public interface IHasHistory : IGrainWithStringKey
{
    /// <summary>A page of the entity's history.</summary>
    [Alias("GetHistory"), ReadOnly]
    Task<HistoryPage> GetHistory(HistoryQuery query);

    /// <summary>
    /// Whether the caller may read the entity (false, never an error, when it may not or it does
    /// not exist): the same decision as a single read. Interleaves with anything, so a list that
    /// asks its items never waits on an item that is itself waiting on the list.
    /// </summary>
    [Alias("IsReadable"), AlwaysInterleave]
    Task<bool> IsReadable();

    /// <summary>
    /// Those of <paramref name="events"/> (this entity's, from a feed) the caller may see: none
    /// unless it may read the entity, and of those only the ones within its scope (e.g. a pilot's
    /// funding line only to its donor, the pilot's city offices and admins).
    /// </summary>
    [Alias("Visible"), AlwaysInterleave]
    Task<ValueList<AuditEvent>> Visible(ValueList<AuditEvent> events);
}
