using Cooperation.Tests.Support;

namespace Cooperation.Tests.Journal;

/// <summary>The fast lane has no PostgreSQL, and a test that reaches for it says so instead of starting one.</summary>
public sealed class FastLaneTests
{
    [Fact]
    public async Task A_test_that_needs_postgresql_fails_at_once_and_says_where_it_belongs()
    {
        Assert.True(TestLane.IsFast);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Ops.DbAsync("up", "cooperation_fast_lane"));

        Assert.Contains("needs PostgreSQL", error.Message);
        Assert.Contains("tests/Cooperation.Tests", error.Message);
    }
}
