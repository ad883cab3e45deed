using Cooperation.Contracts.Access;
using Cooperation.Contracts.Common;
using Cooperation.Contracts.Submissions;
using Cooperation.Silo.Kpis;
using Cooperation.Silo.Pilots.Reporting;

namespace Cooperation.Silo.Pilots;

/// <summary>A reporting period as its reviewer reads it: the submissions and decisions of the pilot's journal.</summary>
internal sealed partial class PilotGrain
{
    /// <inheritdoc/>
    public async Task<PeriodRecord> GetPeriodRecord(ReportingPeriod period)
    {
        Authorize(Permission.ReadPilot);
        var reporting = ReportingCalendar.Periods(State, Today).FirstOrDefault(p => p.Review.Period == period)
            ?? ReportingCalendar.Of(State, period, Today) with { Missing = false };
        var mayReview = AccessPolicy.Allows(CallerContext.Current, Permission.ReviewPilot, Scope!);
        var standing = reporting.Review.StandingOf(CallerContext.Current, mayReview);
        if (reporting.Review.Submissions == 0)
            return new PeriodRecord(reporting, [], standing);
        // Notes and comments live only in the journal: read the pilot's entries, keep this period's.
        var steps = new List<PeriodStep>();
        foreach (var entry in await Journal.ReadAsync(EntityType, Id, 0))
        {
            switch (entry.Event)
            {
                case UpdateSubmitted submitted when submitted.Period == period:
                    steps.Add(new PeriodStep(null, entry.RecordedAt, entry.Actor.OrganisationId, entry.Actor.AccountId, submitted.Note,
                        StoredReading.ToContract(submitted.Readings), ValueList.Of(submitted.Milestones.Select(m => m.ToContract())), submitted.Late));
                    break;
                case PeriodReviewed reviewed when reviewed.Period == period:
                    steps.Add(new PeriodStep(reviewed.Decision, entry.RecordedAt, entry.Actor.OrganisationId, entry.Actor.AccountId, reviewed.Comment,
                        [], [], Late: false));
                    break;
            }
        }
        return new PeriodRecord(reporting, ValueList.Of(steps), standing);
    }
}
