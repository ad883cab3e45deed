using Cooperation.Contracts.Pilots;
using Cooperation.Contracts.Submissions;

namespace Cooperation.Web.Reading;

/// <summary>A pilot's reporting period in a review inbox.</summary>
/// <param name="Pilot">The pilot, as lists show it.</param>
/// <param name="Period">The period, with its review and window.</param>
internal sealed record InboxRow(PilotSummary Pilot, ReportingPeriodView Period);

/// <summary>
/// What a city office has to do about its pilots' reporting, as plain logic: periods submitted and
/// awaiting review (oldest submission first), periods returned and waiting on the partner, and
/// periods missing (window closed, nothing submitted; oldest first).
/// </summary>
/// <param name="Awaiting">Submitted, awaiting a decision; the late ones are flagged in their review.</param>
/// <param name="Returned">Returned with a comment, waiting on the partner's correction.</param>
/// <param name="Missing">Owed and not submitted after the window closed.</param>
internal sealed record ReviewInbox(IReadOnlyList<InboxRow> Awaiting, IReadOnlyList<InboxRow> Returned, IReadOnlyList<InboxRow> Missing)
{
    /// <summary>The inbox of <paramref name="pilots"/>, each with its reporting periods.</summary>
    public static ReviewInbox Of(IEnumerable<(PilotSummary Pilot, IReadOnlyList<ReportingPeriodView> Periods)> pilots)
    {
        var rows = pilots.SelectMany(p => p.Periods.Select(period => new InboxRow(p.Pilot, period))).ToList();
        return new(
            [.. rows.Where(r => r.Period.Review.Status == ReviewStatus.Submitted).OrderBy(r => r.Period.Review.LastSubmittedAt).ThenBy(r => r.Pilot.PilotId, StringComparer.Ordinal)],
            [.. rows.Where(r => r.Period.Review.Status == ReviewStatus.Returned).OrderBy(r => r.Period.Review.DecidedAt).ThenBy(r => r.Pilot.PilotId, StringComparer.Ordinal)],
            [.. rows.Where(r => r.Period.Missing).OrderBy(r => r.Period.WindowClosesOn).ThenBy(r => r.Pilot.PilotId, StringComparer.Ordinal)]);
    }

    /// <summary>The periods returned to <paramref name="organisationId"/>: those it submitted last, waiting on its correction.</summary>
    public IReadOnlyList<InboxRow> ReturnedTo(string organisationId) =>
        [.. Returned.Where(r => r.Period.Review.LastSubmittedBy == organisationId)];
}
