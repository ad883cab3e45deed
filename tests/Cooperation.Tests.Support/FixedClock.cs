using System.Globalization;

namespace Cooperation.Tests.Support;

/// <summary>A clock that always shows one instant.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    /// <summary>The instant, given in UTC as "2025-03-10T16:59:00Z".</summary>
    public static FixedClock At(string utc) => new(DateTimeOffset.Parse(utc, CultureInfo.InvariantCulture));

    /// <inheritdoc/>
    public override DateTimeOffset GetUtcNow() => now;
}
