using Cooperation.Contracts.Common;

namespace Cooperation.Contracts.Pilots;

/// <summary>Where a pilot is in its life.</summary>
[GenerateSerializer, Alias("coop.PilotStatus")]
public enum PilotStatus
{
    /// <summary>Proposed, not yet approved.</summary>
    Proposed = 1,

    /// <summary>Approved, not started.</summary>
    Approved = 2,

    /// <summary>Running.</summary>
    InProgress = 3,

    /// <summary>Finished; final.</summary>
    Completed = 4,

    /// <summary>On hold, with a reason; it may resume.</summary>
    Suspended = 5,

    /// <summary>Stopped for good, with a reason; final.</summary>
    Cancelled = 6,
}

/// <summary>One move of a pilot's status.</summary>
/// <param name="From">The status before.</param>
/// <param name="To">The status after.</param>
/// <param name="Reason">Why; required for Suspended and Cancelled.</param>
/// <param name="At">When it was recorded.</param>
/// <param name="EffectiveOn">The day it took effect in the pilot's city when that was before it was recorded (a pilot's past entered later); null when it took effect as recorded.</param>
[GenerateSerializer, Immutable, Alias("coop.StatusChange")]
public sealed record StatusChange(
    [property: Id(0)] PilotStatus From,
    [property: Id(1)] PilotStatus To,
    [property: Id(2)] string? Reason,
    [property: Id(3)] DateTimeOffset At,
    [property: Id(4)] DateOnly? EffectiveOn = null);

/// <summary>
/// The allowed moves: Proposed → Approved → InProgress → Completed; Approved or InProgress may be
/// Suspended and resumed (to Approved or InProgress); anything not final may be Cancelled.
/// Completed and Cancelled are final. Suspending and cancelling need a reason.
/// </summary>
public static class PilotLifecycle
{
    /// <summary>Longest reason text.</summary>
    public const int MaxReasonLength = 500;

    private static readonly Dictionary<PilotStatus, PilotStatus[]> Allowed = new()
    {
        [PilotStatus.Proposed] = [PilotStatus.Approved, PilotStatus.Cancelled],
        [PilotStatus.Approved] = [PilotStatus.InProgress, PilotStatus.Suspended, PilotStatus.Cancelled],
        [PilotStatus.InProgress] = [PilotStatus.Completed, PilotStatus.Suspended, PilotStatus.Cancelled],
        [PilotStatus.Suspended] = [PilotStatus.Approved, PilotStatus.InProgress, PilotStatus.Cancelled],
        [PilotStatus.Completed] = [],
        [PilotStatus.Cancelled] = [],
    };

    /// <summary>Statuses <paramref name="from"/> may move to.</summary>
    public static IReadOnlyList<PilotStatus> Next(PilotStatus from) => Allowed[from];

    /// <summary>
    /// Checks the day a move took effect, when it is given: not after <paramref name="today"/> in
    /// the pilot's city, and not before the day the previous move took effect (a history keeps
    /// its order). Null means today, as recorded.
    /// </summary>
    public static DateOnly? CheckEffectiveOn(DateOnly? effectiveOn, DateOnly today, DateOnly? previous)
    {
        if (effectiveOn is not { } day)
            return null;
        if (day > today)
            throw new InvalidFieldException("effective_on", $"must not be after today ({Field.Format(today)}) in the pilot's city");
        if (previous is { } before && day < before)
            throw new InvalidFieldException("effective_on", $"must not be before the previous status change took effect ({Field.Format(before)})");
        return day == today ? null : day;
    }

    /// <summary>
    /// Checks a move: the target must be a status (InvalidArgument), the reason present where
    /// needed (InvalidArgument), and the move allowed from <paramref name="from"/> (FailedPrecondition).
    /// Returns the trimmed reason.
    /// </summary>
    public static string? Check(PilotStatus from, PilotStatus to, string? reason)
    {
        Field.Choice(to, "status");
        var trimmed = Field.OptionalText(reason, "reason", MaxReasonLength);
        if (to is PilotStatus.Suspended or PilotStatus.Cancelled && trimmed is null)
            throw new InvalidFieldException("reason", $"is required to move a pilot to {to}");
        if (!Allowed[from].Contains(to))
            throw new RuleViolationException(Allowed[from].Length == 0
                ? $"The pilot is {from}, which is final."
                : $"A pilot that is {from} can move to {string.Join(", ", Allowed[from])}, not to {to}.");
        return trimmed;
    }
}
