using Cooperation.Contracts.Common;
using Cooperation.Contracts.Notices;
using Cooperation.Contracts.Pilots;
using Cooperation.Contracts.Submissions;
using Cooperation.Silo.Mous;
using Cooperation.Silo.Pilots;
using Cooperation.Silo.Pilots.Reporting;

namespace Cooperation.Silo.DueDates;

/// <summary>
/// What a pilot's lead or a commitment's owner owes within some days, as plain logic: what the
/// daily reminders list. Overdue items stay listed until they are done (or cancelled).
/// </summary>
internal static class OwedItems
{
    /// <summary>A pilot's open milestones due by then, and its periods whose window is open, closes by then and has nothing submitted.</summary>
    public static IEnumerable<DueItem> OfPilot(string pilotId, PilotState state, DateOnly today, int withinDays)
    {
        if (state.Definition is not { } definition || state.Status is PilotStatus.Completed or PilotStatus.Cancelled)
            yield break;
        var until = today.AddDays(withinDays);
        var lead = definition.LeadOrganisationId;
        foreach (var milestone in state.Milestones.Where(m => m.IsOpen && m.DueDate <= until))
        {
            yield return new DueItem(DueItemKind.Milestone, pilotId, definition.Title, milestone.ItemId, milestone.Definition.Title,
                milestone.DueDate, DueItems.IsOverdue(milestone, today), lead);
        }
        if (state.Status != PilotStatus.InProgress)
            yield break;
        // Windows open the day after a period ends and may last longer than a period: look back until one has closed.
        var window = new SubmissionWindow(state.SubmissionWindowDays);
        var period = ReportingPeriod.Containing(today, definition.Frequency);
        for (period = Previous(period); window.ClosesOn(period) >= today; period = Previous(period))
        {
            if (window.ClosesOn(period) <= until && state.ReviewOf(period).Submissions == 0)
            {
                var name = period.ToString();
                yield return new DueItem(DueItemKind.ReportingPeriod, pilotId, definition.Title, name, new LocalizedText(name, name, name),
                    window.ClosesOn(period), Overdue: false, lead);
            }
        }
    }

    /// <summary>An MoU's open commitments due by then.</summary>
    public static IEnumerable<DueItem> OfMou(string mouId, MouState state, DateOnly today, int withinDays)
    {
        if (state.Definition is not { } definition)
            yield break;
        var until = today.AddDays(withinDays);
        foreach (var commitment in MouCalendar.Watched(state, today).Where(c => c.IsOpen && c.DueDate <= until))
        {
            var text = commitment.Definition.Text;
            yield return new DueItem(DueItemKind.Commitment, mouId, definition.Title, commitment.ItemId, new LocalizedText(null, null, text),
                commitment.DueDate, DueItems.IsOverdue(commitment, today), commitment.Definition.OwnerOrganisationId);
        }
    }

    private static ReportingPeriod Previous(ReportingPeriod period) => ReportingPeriod.Containing(period.Start.AddDays(-1), period.Frequency);
}
