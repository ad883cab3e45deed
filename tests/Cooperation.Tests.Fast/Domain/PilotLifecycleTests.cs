using Cooperation.Contracts.Common;
using Cooperation.Contracts.Pilots;

namespace Cooperation.Tests.Domain;

public sealed class PilotLifecycleTests
{
    [Theory]
    [InlineData(PilotStatus.Proposed, PilotStatus.Approved)]
    [InlineData(PilotStatus.Approved, PilotStatus.InProgress)]
    [InlineData(PilotStatus.InProgress, PilotStatus.Completed)]
    [InlineData(PilotStatus.Suspended, PilotStatus.InProgress)]
    [InlineData(PilotStatus.Suspended, PilotStatus.Approved)]
    public void Allowed_moves_pass(PilotStatus from, PilotStatus to) => Assert.Null(PilotLifecycle.Check(from, to, null));

    [Theory]
    [InlineData(PilotStatus.Proposed, PilotStatus.InProgress)]
    [InlineData(PilotStatus.Proposed, PilotStatus.Completed)]
    [InlineData(PilotStatus.Approved, PilotStatus.Completed)]
    [InlineData(PilotStatus.InProgress, PilotStatus.Proposed)]
    [InlineData(PilotStatus.Completed, PilotStatus.InProgress)]
    [InlineData(PilotStatus.Cancelled, PilotStatus.Approved)]
    [InlineData(PilotStatus.Suspended, PilotStatus.Completed)]
    public void Other_moves_are_refused_as_a_failed_precondition(PilotStatus from, PilotStatus to) =>
        Assert.Throws<RuleViolationException>(() => PilotLifecycle.Check(from, to, "because"));

    [Theory]
    [InlineData(PilotStatus.Approved, PilotStatus.Suspended)]
    [InlineData(PilotStatus.InProgress, PilotStatus.Cancelled)]
    public void Suspending_and_cancelling_need_a_reason(PilotStatus from, PilotStatus to)
    {
        var error = Assert.Throws<InvalidFieldException>(() => PilotLifecycle.Check(from, to, "  "));
        Assert.Equal("reason", Assert.Single(error.Violations).Field);
        Assert.Equal("Budget moved to 2027", PilotLifecycle.Check(from, to, " Budget moved to 2027 "));
    }

    [Fact]
    public void Completed_and_cancelled_are_final() =>
        Assert.All(new[] { PilotStatus.Completed, PilotStatus.Cancelled }, status => Assert.Empty(PilotLifecycle.Next(status)));
}
