using Cooperation.Contracts.Common;
using Cooperation.Contracts.Mous;
using Cooperation.Silo.DueDates;
using Cooperation.Silo.Mous;

namespace Cooperation.Tests.Domain;

public sealed class MouCalendarTests
{
    private static readonly MouDefinition Mou = new("p", new LocalizedText(null, null, "MoU"), ["a", "b"], "Scope", [],
        new DateOnly(2024, 1, 1), new DateOnly(2027, 1, 31));

    private static MouState State(params string[] signedBy) => new()
    {
        Definition = Mou,
        Signatures = ValueList.Of(signedBy.Select(o => new Signature(o, new DateOnly(2023, 12, 12)))),
    };

    [Theory]
    [InlineData("2025-06-01", MouStatus.Draft, "a")]
    [InlineData("2023-12-20", MouStatus.Signed, "a", "b")]
    [InlineData("2024-01-01", MouStatus.Active, "a", "b")]
    [InlineData("2027-01-31", MouStatus.Active, "a", "b")]
    [InlineData("2027-02-01", MouStatus.Expired, "a", "b")]
    public void Status_follows_signatures_and_dates(string today, MouStatus status, params string[] signedBy) =>
        Assert.Equal(status, MouCalendar.StatusOn(State(signedBy), DateOnly.Parse(today)));

    [Fact]
    public void Termination_overrides_and_expiry_within_90_days_is_flagged()
    {
        Assert.Equal(MouStatus.Terminated, MouCalendar.StatusOn(State("a", "b") with { TerminationReason = "Merged" }, new DateOnly(2025, 1, 1)));
        Assert.False(MouCalendar.View("m", State("a", "b"), new DateOnly(2026, 11, 1)).ExpiringSoon);   // 91 days left
        Assert.True(MouCalendar.View("m", State("a", "b"), new DateOnly(2026, 11, 2)).ExpiringSoon);    // 90 days left
        Assert.False(MouCalendar.View("m", State("a"), new DateOnly(2026, 12, 1)).ExpiringSoon);        // not active
    }

    [Fact]
    public void Open_commitments_past_their_due_day_are_overdue()
    {
        var commitment = new CommitmentDefinition("c", "Study", "a", new DateOnly(2025, 12, 31));
        ValueList<CommitmentRecord> commitments = [new CommitmentRecord(commitment, CommitmentStatus.Open, null),
            new CommitmentRecord(commitment with { CommitmentId = "d" }, CommitmentStatus.Done, null)];

        Assert.Null(DueItems.MarkOverdue(commitments, new DateOnly(2025, 12, 31), DateTimeOffset.UnixEpoch));
        var marked = DueItems.MarkOverdue(commitments, new DateOnly(2026, 1, 1), DateTimeOffset.UnixEpoch)!;
        Assert.Equal([DateTimeOffset.UnixEpoch, (DateTimeOffset?)null], marked.Select(c => c.OverdueSince));
    }

    [Fact]
    public void Commitments_of_a_terminated_or_expired_mou_are_neither_overdue_nor_watched()
    {
        var state = State("a", "b") with { Commitments = [new CommitmentRecord(new CommitmentDefinition("c", "Study", "a", new DateOnly(2025, 12, 31)), CommitmentStatus.Open, null)] };

        Assert.True(Assert.Single(MouCalendar.View("m", state, new DateOnly(2026, 6, 1)).Commitments).Overdue);
        Assert.False(Assert.Single(MouCalendar.View("m", state with { TerminationReason = "Ended" }, new DateOnly(2026, 6, 1)).Commitments).Overdue);
        Assert.Empty(MouCalendar.Watched(state with { TerminationReason = "Ended" }, new DateOnly(2026, 6, 1)));
        Assert.Empty(MouCalendar.Watched(state, new DateOnly(2027, 2, 1)));
    }
}
