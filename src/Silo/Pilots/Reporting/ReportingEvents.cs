using Cooperation.Contracts.Common;
using Cooperation.Contracts.Submissions;
using Cooperation.Silo.Journal;
using Cooperation.Silo.Kpis;
using Cooperation.Silo.Pilots.Milestones;

namespace Cooperation.Silo.Pilots.Reporting;

/// <summary>A partner submitted an update for a reporting period; the period is up for review.</summary>
/// <param name="Period">The period reported on.</param>
/// <param name="Readings">Its readings as stored.</param>
/// <param name="Milestones">Milestone progress it reported.</param>
/// <param name="Note">Its narrative note.</param>
/// <param name="Late">It came after the period's submission window closed.</param>
/// <param name="Historical">Migrated history an admin loaded (approved in the same append), not a partner's submission.</param>
[EventKind("pilot.update-submitted", 1)]
internal sealed record UpdateSubmitted(
    ReportingPeriod Period,
    ValueList<StoredReading> Readings,
    ValueList<StoredMilestoneReport> Milestones,
    string? Note,
    bool Late,
    bool Historical = false) : IEntityEvent, IRecordsReadings;

/// <summary>A reviewer returned, approved or reopened a reporting period.</summary>
/// <param name="Period">The period.</param>
/// <param name="Decision">What was decided.</param>
/// <param name="Comment">The return comment, the reopen reason, or the approval's remark.</param>
/// <param name="ApprovedReadings">On approval: the readings that counted then, now the period's verified figures.</param>
/// <param name="Historical">An approval on load of migrated history: nobody to notice.</param>
[EventKind("pilot.period-reviewed", 1)]
internal sealed record PeriodReviewed(
    ReportingPeriod Period,
    ReviewDecision Decision,
    string? Comment,
    ValueList<StoredReading>? ApprovedReadings,
    bool Historical = false) : IEntityEvent;

/// <summary>How reporting events change a pilot.</summary>
internal static class ReportingEvents
{
    /// <summary>The state after a reporting event; null when <paramref name="entry"/> holds none.</summary>
    public static PilotState? Apply(PilotState state, JournalEntry entry) => entry.Event switch
    {
        UpdateSubmitted submitted => state with
        {
            Milestones = submitted.Milestones.Aggregate(state.Milestones,
                (milestones, report) => MilestoneSchedule.WithReport(milestones, report.MilestoneId, report.Progress.ToContract())),
            Reviews = WithReview(state.Reviews, submitted.Period,
                review => review.Submitted(entry.RecordedAt, entry.Actor.OrganisationId, submitted.Late, submitted.Historical)),
        },
        PeriodReviewed reviewed => state with
        {
            Reviews = WithReview(state.Reviews, reviewed.Period, review =>
                review.Decided(reviewed.Decision, reviewed.Comment, entry.RecordedAt, entry.Actor.OrganisationId,
                    reviewed.ApprovedReadings is null ? null : StoredReading.ToContract(reviewed.ApprovedReadings))),
        },
        _ => null,
    };

    /// <summary>The review of <paramref name="period"/>; an open one when nothing happened to it yet.</summary>
    public static PeriodReview ReviewOf(this PilotState state, ReportingPeriod period) =>
        state.Reviews.FirstOrDefault(r => r.Period == period) ?? PeriodReview.Open(period);

    private static ValueList<PeriodReview> WithReview(ValueList<PeriodReview> reviews, ReportingPeriod period, Func<PeriodReview, PeriodReview> change)
    {
        // Reviews stay in period order: replace in place or insert at the right place (no sort per event).
        var items = reviews.ToList();
        var at = items.FindIndex(r => r.Period.CompareTo(period) >= 0);
        if (at < 0)
            at = items.Count;
        if (at < items.Count && items[at].Period == period)
            items[at] = change(items[at]);
        else
            items.Insert(at, change(PeriodReview.Open(period)));
        return ValueList.Of(items);
    }
}
