namespace Cooperation.Tests.Support;

/// <summary>Fresh ids, so tests sharing a cluster or database never meet.</summary>
public static class Ids
{
    private static int _next;

    /// <summary>An id like "pilot-17-3f9a" that is valid under the platform's id rule.</summary>
    public static string New(string prefix) =>
        $"{prefix}-{Interlocked.Increment(ref _next)}-{Guid.NewGuid().ToString("N")[..6]}";
}
