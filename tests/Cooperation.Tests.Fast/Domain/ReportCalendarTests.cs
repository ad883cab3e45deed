using Cooperation.Contracts.Common;
using Cooperation.Contracts.DonorReports;
using Cooperation.Gateway.DonorReports;
using Cooperation.Reports;

namespace Cooperation.Tests.Domain;

/// <summary>
/// When reports fall due and are made: after the period's submission window (the longest of the
/// programmes covered) plus the grace, in the subscription's time zone; the default runs daily.
/// </summary>
public sealed class ReportCalendarTests
{
    private static readonly TimeSpan Grace = TimeSpan.FromDays(1);
    private static readonly DateTimeOffset LongAgo = new(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static ReportCalendar Calendar(ReportCadence cadence = ReportCadence.Monthly, int windowDays = 15, string? cron = null, string zone = "Asia/Tokyo") =>
        new(new ReportSchedule(cadence, cron, zone), windowDays, Grace, "0 7 * * *");

    private static DateTimeOffset Tokyo(int year, int month, int day, int hour = 0) => new(year, month, day, hour, 0, 0, TimeSpan.FromHours(9));

    private static ReportingPeriod P(string text) => ReportingPeriod.Parse(text, "period");

    [Fact]
    public void A_month_is_due_the_day_after_its_window_closes_plus_the_grace_in_the_subscriptions_time_zone()
    {
        // November's window: 1–15 December; its last day ends, a day of grace, then the report.
        Assert.Equal(Tokyo(2026, 12, 17), Calendar().DueAt(P("2026-11")));
        Assert.Equal(new DateTimeOffset(2026, 12, 17, 0, 0, 0, TimeSpan.FromHours(7)), Calendar(zone: "Asia/Ho_Chi_Minh").DueAt(P("2026-11")));
        Assert.Equal(Tokyo(2027, 1, 1), Calendar(windowDays: 30).DueAt(P("2026-11")));
    }

    [Fact]
    public void The_first_of_the_month_reports_the_month_before_last_not_the_month_just_ended()
    {
        // The run MOEJ saw at 07:00 on 1 December had no November figures: November is not due until the 17th.
        Assert.Equal(P("2026-10"), Calendar().DuePeriod(Tokyo(2026, 12, 1, 7)));
        Assert.Equal(P("2026-10"), Calendar().DuePeriod(Tokyo(2026, 12, 16, 23)));
        Assert.Equal(P("2026-11"), Calendar().DuePeriod(Tokyo(2026, 12, 17, 0)));
    }

    [Fact]
    public void The_next_run_is_the_first_daily_run_after_the_next_period_falls_due()
    {
        var next = Calendar().NextRun(Tokyo(2026, 12, 1, 7), LongAgo);

        Assert.Equal((Tokyo(2026, 12, 17, 7), P("2026-11")), next);
    }

    [Fact]
    public void A_period_due_but_not_yet_run_is_the_next_run_unless_it_fell_due_before_the_subscription_existed()
    {
        var dueNotRun = Tokyo(2026, 12, 17, 3);

        Assert.Equal((Tokyo(2026, 12, 17, 7), P("2026-11")), Calendar().NextRun(dueNotRun, LongAgo));
        Assert.Equal((Tokyo(2027, 1, 17, 7), P("2026-12")), Calendar().NextRun(dueNotRun, createdAt: Tokyo(2026, 12, 17, 1)));
        Assert.False(Calendar().IsScheduled(P("2026-11"), createdAt: Tokyo(2026, 12, 17, 1)));
        Assert.True(Calendar().IsScheduled(P("2026-12"), createdAt: Tokyo(2026, 12, 17, 1)));
    }

    [Fact]
    public void A_quarter_with_a_long_window_is_due_when_that_window_has_closed()
    {
        var quarterly = Calendar(ReportCadence.Quarterly, windowDays: 45);

        // Q4 ends 31 December; 45 days later is 14 February; then the day after, and a day's grace.
        Assert.Equal(Tokyo(2027, 2, 16), quarterly.DueAt(P("2026-Q4")));
        Assert.Equal(P("2026-Q3"), quarterly.DuePeriod(Tokyo(2027, 2, 15, 12)));
        Assert.Equal((Tokyo(2027, 2, 16, 7), P("2026-Q4")), quarterly.NextRun(Tokyo(2027, 1, 10), LongAgo));
    }

    [Fact]
    public void A_cron_of_the_subscriptions_own_runs_reports_what_is_due_at_each_run()
    {
        var monthlyOnTheFirst = Calendar(cron: "0 7 1 * *");

        Assert.Equal("0 7 1 * *", monthlyOnTheFirst.Cron);
        Assert.Equal("0 7 * * *", Calendar().Cron);
        Assert.Equal((Tokyo(2027, 1, 1, 7), P("2026-11")), monthlyOnTheFirst.NextRun(Tokyo(2026, 12, 2), LongAgo));
    }
}
