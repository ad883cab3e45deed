using Cooperation.Contracts.Common;
using Cooperation.Contracts.DonorReports;
using Cooperation.Contracts.Submissions;
using Cronos;

namespace Cooperation.Reports;

/// <summary>
/// When a subscription's reports are due and when they are made, in its time zone. A period's
/// report is due once the period's submission window (<see cref="SubmissionWindow"/>, the longest
/// of the programmes it covers) has closed, plus a grace: from the start of the day after the
/// window's last day. Runs happen on the schedule's cron (by default daily); each run reports the
/// latest period due by then, so a report goes out at the first run after it falls due.
/// </summary>
public sealed class ReportCalendar
{
    private readonly SubmissionWindow _window;
    private readonly TimeSpan _grace;
    private readonly ReportingFrequency _frequency;
    private readonly CronExpression _cron;

    /// <summary>The calendar of <paramref name="schedule"/> for a scope whose longest window is <paramref name="windowDays"/>.</summary>
    /// <param name="schedule">The subscription's schedule.</param>
    /// <param name="windowDays">The longest submission window of the programmes covered.</param>
    /// <param name="grace">How long after a window closes the report waits (late figures, other time zones).</param>
    /// <param name="defaultCron">The runs of a schedule that names no cron.</param>
    public ReportCalendar(ReportSchedule schedule, int windowDays, TimeSpan grace, string defaultCron)
    {
        _window = new SubmissionWindow(windowDays > 0 ? windowDays : SubmissionWindow.DefaultDays);
        _grace = grace;
        _frequency = schedule.Frequency;
        Cron = schedule.Cron ?? defaultCron;
        _cron = CronExpression.Parse(Cron, CronFormat.Standard);
        TimeZone = TimeZoneInfo.FindSystemTimeZoneById(schedule.TimeZone);
    }

    /// <summary>The calendar of <paramref name="subscription"/> under the platform's <paramref name="options"/> (grace, default runs).</summary>
    public static ReportCalendar Of(ReportSubscriptionView subscription, DonorReportOptions options) =>
        new(subscription.Definition.Schedule, subscription.WindowDays, options.ScheduleGrace, options.DefaultCron);

    /// <summary>
    /// The next run of <paramref name="subscription"/> (this calendar's) after <paramref name="now"/>
    /// and the period it reports; none while it is paused (<see cref="NextRun"/> otherwise).
    /// </summary>
    public (DateTimeOffset At, ReportingPeriod Period)? NextRunOf(ReportSubscriptionView subscription, DateTimeOffset now) =>
        subscription.Paused ? null : NextRun(now, subscription.CreatedAt);

    /// <summary>The cron expression runs happen on.</summary>
    public string Cron { get; }

    /// <summary>The time zone of the schedule and its periods.</summary>
    public TimeZoneInfo TimeZone { get; }

    /// <summary>When <paramref name="period"/>'s report falls due: the day after its window closes, at its start, plus the grace.</summary>
    public DateTimeOffset DueAt(ReportingPeriod period)
    {
        var midnight = _window.ClosesOn(period).AddDays(1).ToDateTime(TimeOnly.MinValue);
        // A clock change at midnight skips it in a few zones: the day then starts an hour later.
        if (TimeZone.IsInvalidTime(midnight))
            midnight = midnight.AddHours(1);
        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(midnight, TimeZone), TimeSpan.Zero) + _grace;
    }

    /// <summary>The latest period whose report is due at <paramref name="at"/>: what a run at that moment reports.</summary>
    public ReportingPeriod DuePeriod(DateTimeOffset at)
    {
        var period = ReportingPeriod.Containing(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, TimeZone).DateTime), _frequency);
        while (DueAt(period) > at)
            period = ReportingPeriod.Containing(period.Start.AddDays(-1), _frequency);
        return period;
    }

    /// <summary>
    /// The next scheduled run after <paramref name="now"/> that has a report to make, and the period it
    /// reports; null when the cron never fires. Periods due before <paramref name="createdAt"/> are not
    /// scheduled (the subscription did not exist yet).
    /// </summary>
    public (DateTimeOffset At, ReportingPeriod Period)? NextRun(DateTimeOffset now, DateTimeOffset createdAt)
    {
        var due = DuePeriod(now);
        var period = IsScheduled(due, createdAt) && RunOf(due) > now ? due : due.Next();
        return RunOf(period) is { } at ? (at, DuePeriod(at)) : null;
    }

    /// <summary>
    /// Whether the schedule of a subscription made at <paramref name="createdAt"/> reports
    /// <paramref name="period"/>: not when it fell due before (that is what "send now" is for).
    /// </summary>
    public bool IsScheduled(ReportingPeriod period, DateTimeOffset createdAt) => DueAt(period) >= createdAt;

    /// <summary>The first run at or after <paramref name="period"/>'s report falls due.</summary>
    private DateTimeOffset? RunOf(ReportingPeriod period) =>
        _cron.GetNextOccurrence(DueAt(period).UtcDateTime, TimeZone, inclusive: true) is { } at ? new DateTimeOffset(at, TimeSpan.Zero) : null;
}
