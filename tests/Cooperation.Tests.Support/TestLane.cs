namespace Cooperation.Tests.Support;

/// <summary>
/// Which lane the tests of this process run in. The fast lane (tests/Cooperation.Tests.Fast,
/// <c>ops/test.sh --fast</c>) has no PostgreSQL: a test there that reaches for it fails at once
/// and says where it belongs, rather than starting (or installing) a database behind the lane's back.
/// </summary>
public static class TestLane
{
    /// <summary>Whether this process runs the fast lane; set by the fast test assembly as it loads.</summary>
    public static bool IsFast { get; private set; }

    /// <summary>Marks this process as the fast lane.</summary>
    public static void EnterFast() => IsFast = true;

    /// <summary>Throws in the fast lane; everything that starts or reaches PostgreSQL calls it first.</summary>
    /// <param name="what">What needed PostgreSQL, for the message.</param>
    public static void RequirePostgres(string what)
    {
        if (IsFast)
        {
            throw new InvalidOperationException(
                $"{what}: this test needs PostgreSQL, and the fast lane has none. Move it to tests/Cooperation.Tests, "
                + "which ops/test.sh runs with PostgreSQL, or make it use the in-memory journal (TestClusterFixture).");
        }
    }
}
