using System.Text.Json;

namespace Cooperation.Reports.Reactions;

/// <summary>An event as the journal committed it, for the reactions: which entity, what kind, its payload.</summary>
/// <param name="EntityType">E.g. "pilot".</param>
/// <param name="EntityId">The entity's id.</param>
/// <param name="Sequence">Its place in the entity's history.</param>
/// <param name="Kind">What happened, e.g. "pilot.period-reviewed".</param>
/// <param name="Payload">The event's stored JSON (property names as stored: camelCase, enums by name).</param>
/// <param name="RecordedAt">When it was recorded.</param>
/// <param name="ActorOrganisationId">Who caused it.</param>
/// <param name="FeedPosition">Its place in the journal's feed order.</param>
public sealed record CommittedEvent(
    string EntityType,
    string EntityId,
    long Sequence,
    string Kind,
    JsonElement Payload,
    DateTimeOffset RecordedAt,
    string ActorOrganisationId,
    long FeedPosition);

/// <summary>
/// What follows from events of some kinds once they are committed (a notice, a schedule). Called
/// at least once per event, in feed order, so it must be idempotent: a reaction repeated after a
/// crash changes nothing more.
/// </summary>
public interface IEventReaction
{
    /// <summary>The event kinds it reacts to.</summary>
    IReadOnlyCollection<string> Kinds { get; }

    /// <summary>Does what follows from <paramref name="e"/>.</summary>
    Task ReactAsync(CommittedEvent e, CancellationToken cancellationToken);
}
