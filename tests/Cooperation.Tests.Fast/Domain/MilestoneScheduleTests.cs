using Cooperation.Contracts.Common;
using Cooperation.Contracts.Pilots;
using Cooperation.Silo.DueDates;
using Cooperation.Silo.Pilots.Milestones;
using Cooperation.Tests.Support;

namespace Cooperation.Tests.Domain;

public sealed class MilestoneScheduleTests
{
    private static readonly MilestoneDefinition Plant = new("plant-built", new LocalizedText(null, null, "Plant built"), new DateOnly(2025, 3, 10));

    [Theory]
    // Ho Chi Minh City is UTC+7: 10 March ends at 16:59:59Z.
    [InlineData("Asia/Ho_Chi_Minh", "2025-03-10T16:59:00Z", false)]
    [InlineData("Asia/Ho_Chi_Minh", "2025-03-10T17:00:00Z", true)]
    // Tokyo is UTC+9: the same milestone is overdue two hours earlier there.
    [InlineData("Asia/Tokyo", "2025-03-10T14:59:00Z", false)]
    [InlineData("Asia/Tokyo", "2025-03-10T15:00:00Z", true)]
    public void A_milestone_is_overdue_once_its_day_has_passed_in_the_city(string timeZone, string utc, bool overdue)
    {
        var today = LocalCalendar.Today(FixedClock.At(utc), timeZone);
        var milestones = MilestoneSchedule.Add([], Plant)!;

        Assert.Equal(overdue, Assert.Single(MilestoneSchedule.Views(milestones, today)).Overdue);
        Assert.Equal(overdue, DueItems.MarkOverdue(milestones, today, DateTimeOffset.UnixEpoch) is not null);
    }

    [Fact]
    public void Done_and_cancelled_milestones_are_never_overdue_and_completion_counts_done_over_not_cancelled()
    {
        var today = new DateOnly(2026, 1, 1);
        var milestones = MilestoneSchedule.Add([], Plant)!;
        milestones = MilestoneSchedule.Add(milestones, Plant with { MilestoneId = "survey" })!;
        milestones = MilestoneSchedule.Add(milestones, Plant with { MilestoneId = "dropped" })!;
        milestones = DueItems.MarkOverdue(milestones, today, DateTimeOffset.UnixEpoch)!;
        milestones = MilestoneSchedule.Report(milestones, "plant-built", new MilestoneProgress(MilestoneStatus.Done, new DateOnly(2025, 3, 20), null), today)!;
        milestones = MilestoneSchedule.Report(milestones, "dropped", new MilestoneProgress(MilestoneStatus.Cancelled, null, null), today)!;

        var views = MilestoneSchedule.Views(milestones, today).ToDictionary(v => v.Definition.MilestoneId);
        Assert.False(views["plant-built"].Overdue);
        Assert.Null(views["plant-built"].OverdueSince);
        Assert.False(views["dropped"].Overdue);
        Assert.True(views["survey"].Overdue);
        Assert.Equal(50, MilestoneSchedule.Completion(milestones));
    }

    [Fact]
    public void The_next_check_is_the_start_of_the_day_after_the_earliest_watched_due_day_in_the_city()
    {
        var milestones = MilestoneSchedule.Add([], Plant)!;
        milestones = MilestoneSchedule.Add(milestones, Plant with { MilestoneId = "later", PlannedDate = new DateOnly(2025, 6, 30) })!;

        // 11 March 2025 begins at 10 March 17:00Z in Ho Chi Minh City, at 15:00Z in Tokyo.
        Assert.Equal(DateTimeOffset.Parse("2025-03-10T17:00:00Z"), DueItems.NextCheck(milestones, "Asia/Ho_Chi_Minh"));
        Assert.Equal(DateTimeOffset.Parse("2025-03-10T15:00:00Z"), DueItems.NextCheck(milestones, "Asia/Tokyo"));

        // Once the first is found overdue, the second is the one to watch; then none.
        milestones = DueItems.MarkOverdue(milestones, new DateOnly(2025, 3, 11), DateTimeOffset.UnixEpoch)!;
        Assert.Equal(DateTimeOffset.Parse("2025-06-30T17:00:00Z"), DueItems.NextCheck(milestones, "Asia/Ho_Chi_Minh"));
        milestones = DueItems.MarkOverdue(milestones, new DateOnly(2025, 7, 1), DateTimeOffset.UnixEpoch)!;
        Assert.Null(DueItems.NextCheck(milestones, "Asia/Ho_Chi_Minh"));
    }

    [Fact]
    public void Milestones_of_a_pilot_that_is_over_are_not_overdue()
    {
        var milestones = MilestoneSchedule.Add([], Plant)!;
        Assert.False(Assert.Single(MilestoneSchedule.Views(milestones, new DateOnly(2026, 1, 1), pilotOpen: false)).Overdue);
    }

    [Fact]
    public void Repeats_are_harmless_and_conflicts_refused()
    {
        var milestones = MilestoneSchedule.Add([], Plant)!;
        var today = new DateOnly(2025, 1, 1);

        Assert.Null(MilestoneSchedule.Add(milestones, Plant));
        Assert.Throws<EntityExistsException>(() => MilestoneSchedule.Add(milestones, Plant with { PlannedDate = new DateOnly(2025, 4, 1) }));
        Assert.Null(MilestoneSchedule.Report(milestones, "plant-built", new MilestoneProgress(MilestoneStatus.Planned, null, null), today));
        Assert.Throws<EntityNotFoundException>(() => MilestoneSchedule.Report(milestones, "nope", new MilestoneProgress(MilestoneStatus.Planned, null, null), today));
        Assert.Throws<InvalidFieldException>(() => MilestoneSchedule.Report(milestones, "plant-built", new MilestoneProgress(MilestoneStatus.Done, new DateOnly(2025, 1, 2), null), today));
        Assert.Throws<InvalidFieldException>(() => MilestoneSchedule.Report(milestones, "plant-built", new MilestoneProgress(MilestoneStatus.Done, null, null), today));
        Assert.Throws<InvalidFieldException>(() => MilestoneSchedule.Report(milestones, "plant-built", new MilestoneProgress(MilestoneStatus.InProgress, null, "ftp://x"), today));
    }
}
