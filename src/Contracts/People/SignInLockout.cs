namespace Cooperation.Contracts.People;

/// <summary>
/// Repeated wrong passwords lock an account for a while: after <see cref="Failures"/> failures
/// within <see cref="Window"/>, sign-in is refused until <see cref="Lock"/> has passed since the
/// last failure, whatever password is given. A success clears the count.
/// </summary>
public static class SignInLockout
{
    /// <summary>Failures that lock.</summary>
    public const int Failures = 5;

    /// <summary>How far back failures count.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    /// <summary>How long the lock lasts after the last failure.</summary>
    public static readonly TimeSpan Lock = TimeSpan.FromMinutes(15);

    /// <summary>Until when sign-in is locked at <paramref name="now"/>, given the failures since the last success; null when open.</summary>
    public static DateTimeOffset? LockedUntil(IReadOnlyList<DateTimeOffset> failuresSinceSuccess, DateTimeOffset now)
    {
        var recent = failuresSinceSuccess.Where(f => f > now - Window - Lock).OrderBy(f => f).ToList();
        for (var i = 0; i + Failures - 1 < recent.Count; i++)
        {
            if (recent[i + Failures - 1] - recent[i] <= Window)
            {
                var until = recent[^1] + Lock;
                return until > now ? until : null;
            }
        }
        return null;
    }
}
