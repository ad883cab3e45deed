using Cooperation.Contracts.Common;
using Cooperation.Contracts.Notices;
using Cooperation.Contracts.Pilots;
using Cooperation.Contracts.Submissions;
using Cooperation.Silo.DueDates;
using Cooperation.Silo.Pilots;
using Cooperation.Silo.Pilots.Milestones;
using Cooperation.Tests.Support;

namespace Cooperation.Tests.Domain;

/// <summary>What a pilot's lead is reminded of: open milestones due soon or overdue, and reporting windows closing soon with nothing submitted.</summary>
public sealed class OwedItemsTests
{
    private static readonly World World = new("hai-phong", "kitakyushu", "hp-urenco", "moej", "hp-kk", "ggpp");
    private static readonly DateOnly Today = new(2025, 4, 8);

    private static PilotState InProgress(int windowDays, params PeriodReview[] reviews) => new()
    {
        Definition = Sample.Pilot(World),
        Status = PilotStatus.InProgress,
        SubmissionWindowDays = windowDays,
        Reviews = ValueList.Of(reviews),
        Milestones =
        [
            Milestone("late", new DateOnly(2025, 3, 31), MilestoneStatus.InProgress),
            Milestone("done", new DateOnly(2025, 4, 1), MilestoneStatus.Done),
            Milestone("soon", new DateOnly(2025, 4, 12), MilestoneStatus.Planned),
            Milestone("later", new DateOnly(2025, 6, 30), MilestoneStatus.Planned),
        ],
    };

    private static MilestoneRecord Milestone(string id, DateOnly due, MilestoneStatus status) =>
        new(new MilestoneDefinition(id, new LocalizedText(null, null, id), due), new MilestoneProgress(status, status == MilestoneStatus.Done ? due : null, null), null);

    [Fact]
    public void Open_milestones_due_within_the_days_or_overdue_are_owed_by_the_lead()
    {
        var items = OwedItems.OfPilot("p", InProgress(10), Today, withinDays: 7).Where(i => i.Kind == DueItemKind.Milestone).ToList();

        Assert.Equal(["late", "soon"], items.Select(i => i.ItemId));
        Assert.Equal([true, false], items.Select(i => i.Overdue));
        Assert.All(items, i => Assert.Equal("hp-urenco", i.OwnerOrganisationId));
    }

    [Fact]
    public void A_window_closing_within_the_days_with_nothing_submitted_is_owed()
    {
        // March's window: 2025-04-01 to 2025-04-10 (10 days), open on the 8th and closing within 7 days.
        var periods = OwedItems.OfPilot("p", InProgress(10), Today, 7).Where(i => i.Kind == DueItemKind.ReportingPeriod).ToList();
        var march = Assert.Single(periods);
        Assert.Equal("2025-03", march.ItemId);
        Assert.Equal(new DateOnly(2025, 4, 10), march.DueDate);

        // Submitted: nothing owed. A 30-day window closes too late to remind of yet.
        var submitted = PeriodReview.Open(ReportingPeriod.Parse("2025-03", "period")).Submitted(DateTimeOffset.UnixEpoch, "hp-urenco", late: false);
        Assert.DoesNotContain(OwedItems.OfPilot("p", InProgress(10, submitted), Today, 7), i => i.Kind == DueItemKind.ReportingPeriod);
        Assert.DoesNotContain(OwedItems.OfPilot("p", InProgress(30), Today, 7), i => i.Kind == DueItemKind.ReportingPeriod);
    }

    [Fact]
    public void A_completed_pilot_owes_nothing()
    {
        Assert.Empty(OwedItems.OfPilot("p", InProgress(10) with { Status = PilotStatus.Completed }, Today, 7));
    }
}
