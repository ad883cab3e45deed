using Cooperation.Contracts.Common;
using Cooperation.Contracts.Pilots;
using Cooperation.Contracts.Submissions;
using Cooperation.Silo.DueDates;

namespace Cooperation.Silo.Pilots.Reporting;

/// <summary>
/// A pilot's reporting periods as its views show them, as plain logic: every period submitted or
/// reviewed, and every period it owed an update for whose window has closed. A pilot owes updates
/// from the period in which it first went in progress until the one in which it was completed or
/// cancelled; a period it owed whose window closed with nothing submitted is missing.
/// </summary>
internal static class ReportingCalendar
{
    /// <summary>The periods on <paramref name="today"/> in the pilot's city, oldest first.</summary>
    public static ValueList<ReportingPeriodView> Periods(PilotState state, DateOnly today)
    {
        var window = new SubmissionWindow(state.SubmissionWindowDays);
        var periods = state.Reviews.Select(r => r.Period).Union(Owed(state, window, today)).Order();
        return ValueList.Of(periods.Select(period => Of(state, period, today)));
    }

    /// <summary><paramref name="period"/> as the views show it on <paramref name="today"/>, whether the pilot owes it or not.</summary>
    public static ReportingPeriodView Of(PilotState state, ReportingPeriod period, DateOnly today)
    {
        var window = new SubmissionWindow(state.SubmissionWindowDays);
        var review = state.ReviewOf(period);
        return new ReportingPeriodView(review, SubmissionWindow.OpensOn(period), window.ClosesOn(period),
            Missing: review.Submissions == 0 && window.ClosesOn(period) < today);
    }

    private static IEnumerable<ReportingPeriod> Owed(PilotState state, SubmissionWindow window, DateOnly today)
    {
        if (state.StatusHistory.FirstOrDefault(c => c.To == PilotStatus.InProgress) is not { } started)
            yield break;
        var frequency = state.Definition!.Frequency;
        var ended = state.StatusHistory.LastOrDefault(c => c.To is PilotStatus.Completed or PilotStatus.Cancelled);
        var last = ended is null ? ReportingPeriod.Containing(today, frequency)
            : ReportingPeriod.Containing(EffectiveDay(ended, state.TimeZone), frequency);
        for (var period = ReportingPeriod.Containing(EffectiveDay(started, state.TimeZone), frequency);
             period.CompareTo(last) <= 0 && window.ClosesOn(period) < today;
             period = period.Next())
        {
            yield return period;
        }
    }

    /// <summary>The day a status move took effect in the pilot's city: as stated, or as recorded.</summary>
    public static DateOnly EffectiveDay(StatusChange change, string timeZone) => change.EffectiveOn ?? LocalCalendar.DateOf(change.At, timeZone);
}
