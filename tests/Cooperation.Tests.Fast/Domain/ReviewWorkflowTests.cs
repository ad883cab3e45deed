using Cooperation.Contracts.Access;
using Cooperation.Contracts.Common;
using Cooperation.Contracts.Pilots;
using Cooperation.Contracts.Submissions;
using Cooperation.Silo.Pilots;
using Cooperation.Silo.Pilots.Reporting;

namespace Cooperation.Tests.Domain;

/// <summary>The review workflow, the submission window and the reporting calendar, as plain logic.</summary>
public sealed class ReviewWorkflowTests
{
    private static readonly ReportingPeriod March = ReportingPeriod.Parse("2025-03", "p");
    private static readonly DateTimeOffset At = new(2025, 4, 3, 1, 0, 0, TimeSpan.Zero);
    private static readonly string[] Cities = ["hai-phong", "kitakyushu"];
    private static readonly Caller Office = new("hp-dofa", Role.CityOffice, "k1", "hai-phong");
    private static readonly Caller OtherOffice = new("kk-office", Role.CityOffice, "k2", "kitakyushu");
    private static readonly Caller Admin = new("platform-ops", Role.Admin, "k3", "");

    [Theory]
    [InlineData(ReviewStatus.Open, ReviewDecision.Approve, false)]
    [InlineData(ReviewStatus.Submitted, ReviewDecision.Approve, true)]
    [InlineData(ReviewStatus.Returned, ReviewDecision.Approve, false)]
    [InlineData(ReviewStatus.Approved, ReviewDecision.Approve, false)]
    [InlineData(ReviewStatus.Submitted, ReviewDecision.Return, true)]
    [InlineData(ReviewStatus.Approved, ReviewDecision.Return, false)]
    [InlineData(ReviewStatus.Approved, ReviewDecision.Reopen, true)]
    [InlineData(ReviewStatus.Submitted, ReviewDecision.Reopen, false)]
    [InlineData(ReviewStatus.Open, ReviewDecision.Reopen, false)]
    public void Only_the_allowed_decisions_are_taken(ReviewStatus status, ReviewDecision decision, bool allowed)
    {
        var review = PeriodReview.Open(March) with { Status = status, LastSubmittedBy = "urenco" };

        var check = () => review.Check(decision, "A reason.", Office, Cities);

        if (allowed)
            check();
        else
            Assert.Throws<RuleViolationException>(check);
    }

    [Fact]
    public void Returning_and_reopening_need_a_comment_and_an_approval_keeps_one_given()
    {
        var submitted = PeriodReview.Open(March) with { Status = ReviewStatus.Submitted, LastSubmittedBy = "urenco" };

        Assert.Equal("comment", Assert.Single(Assert.Throws<InvalidFieldException>(() => submitted.Check(ReviewDecision.Return, " ", Office, Cities)).Violations).Field);
        // The field the caller sent is "comment", whatever it means for the decision.
        Assert.Equal("comment", Assert.Single(Assert.Throws<InvalidFieldException>(() =>
            (submitted with { Status = ReviewStatus.Approved }).Check(ReviewDecision.Reopen, null, Office, Cities)).Violations).Field);
        Assert.Equal("Checked against the weighbridge slips.", submitted.Check(ReviewDecision.Approve, " Checked against the weighbridge slips. ", Office, Cities));
        Assert.Null(submitted.Check(ReviewDecision.Approve, null, Office, Cities));
    }

    [Theory]
    [InlineData(ReviewDecision.Approve)]
    [InlineData(ReviewDecision.Return)]
    public void The_organisation_that_submitted_a_period_may_not_decide_on_it_and_is_told_who_may(ReviewDecision decision)
    {
        var own = PeriodReview.Open(March).Submitted(At, "hp-dofa", late: false);

        var refused = Assert.Throws<AccessDeniedException>(() => own.Check(decision, "Looks right.", Office, Cities));

        Assert.Contains("four eyes", refused.Message);
        Assert.Contains("hai-phong, kitakyushu", refused.Message);
        Assert.Contains("admin", refused.Message);
        Assert.Equal("Looks right.", own.Check(decision, "Looks right.", OtherOffice, Cities));
    }

    [Fact]
    public void An_admin_approving_in_place_of_the_offices_gives_a_reason()
    {
        var submitted = PeriodReview.Open(March).Submitted(At, "hp-dofa", late: false);

        Assert.Equal("comment", Assert.Single(Assert.Throws<InvalidFieldException>(() => submitted.Check(ReviewDecision.Approve, null, Admin, Cities)).Violations).Field);
        Assert.Equal("Kitakyushu's office has no reviewer this month.", submitted.Check(ReviewDecision.Approve, "Kitakyushu's office has no reviewer this month.", Admin, Cities));
    }

    [Fact]
    public void Reopening_is_not_a_decision_on_ones_own_figures()
    {
        var approved = PeriodReview.Open(March).Submitted(At, "hp-dofa", late: false)
            .Decided(ReviewDecision.Approve, null, At, "kk-office", []);

        Assert.Equal("A typo in the tonnage.", approved.Check(ReviewDecision.Reopen, "A typo in the tonnage.", Office, Cities));
    }

    [Fact]
    public void A_period_is_late_once_its_first_submission_came_after_its_window()
    {
        var review = PeriodReview.Open(March).Submitted(At, "kitakyushu-city", late: false)
            .Decided(ReviewDecision.Return, "Recount.", At, "hp-dofa", null)
            .Submitted(At.AddDays(30), "kitakyushu-city", late: true);

        Assert.False(review.Late);
        Assert.Equal(2, review.Submissions);
        Assert.Equal(At, review.FirstSubmittedAt);
        Assert.Equal(ReviewStatus.Submitted, review.Status);
        Assert.Throws<RuleViolationException>(() => (review with { Status = ReviewStatus.Approved }).CheckSubmission());
    }

    [Theory]
    [InlineData("2025-03-31", null)]          // the period is not over: refused
    [InlineData("2025-04-01", false)]         // the window opens the day after the period ends
    [InlineData("2025-04-15", false)]         // its last day, with 15 days
    [InlineData("2025-04-16", true)]          // taken, flagged late
    public void The_window_opens_after_the_period_and_flags_late_updates(string today, bool? late)
    {
        var window = new SubmissionWindow(15);
        var date = DateOnly.Parse(today);

        if (late is null)
            Assert.Throws<RuleViolationException>(() => window.IsLate(March, date));
        else
            Assert.Equal(late, window.IsLate(March, date));
    }

    [Fact]
    public void A_pilot_owes_each_period_from_its_start_and_one_whose_window_closed_unsubmitted_is_missing()
    {
        var state = new PilotState
        {
            Definition = new PilotDefinition("p", "g", new LocalizedText(null, null, "P"), PilotKind.Compost, ReportingFrequency.Monthly,
                "hai-phong", null, "urenco", []),
            TimeZone = "Asia/Ho_Chi_Minh",
            StatusHistory = [new StatusChange(PilotStatus.Approved, PilotStatus.InProgress, null, new DateTimeOffset(2025, 1, 31, 18, 0, 0, TimeSpan.Zero))],
            Reviews = [PeriodReview.Open(March).Submitted(At, "urenco", false)],
        };

        var periods = ReportingCalendar.Periods(state, new DateOnly(2025, 6, 20));

        // In progress from 1 February in Hai Phong (18:00 UTC is 01:00 the next day there).
        Assert.Equal(["2025-02 missing", "2025-03 Submitted", "2025-04 missing", "2025-05 missing"],
            periods.Select(p => $"{p.Review.Period} {(p.Missing ? "missing" : p.Review.Status.ToString())}"));
        Assert.Equal(new ReportingCounts(1, 0, 3), ReportingCounts.Of(periods));
    }
}
