using Cooperation.Contracts.Access;
using Cooperation.Contracts.Common;
using Cooperation.Contracts.Pilots;
using Cooperation.Contracts.Submissions;
using Cooperation.Silo.Journal;
using Cooperation.Silo.Pilots;
using Cooperation.Silo.Pilots.Jcm;
using Cooperation.Silo.Pilots.Reporting;

namespace Cooperation.Tests.Journal;

/// <summary>
/// History stored by earlier code rebuilds: a pilot's events as the golden samples hold them
/// (written by the code before events had records of their own) fold into the state they recorded.
/// </summary>
public sealed class StoredHistoryTests
{
    private static readonly Caller Actor = new("hp-dofa", Role.CityOffice, "cred-1", "hai-phong");

    [Fact]
    public void A_pilot_history_stored_by_earlier_code_rebuilds_to_what_it_recorded()
    {
        string[] kinds =
        [
            "pilot.created", "pilot.status-changed", "pilot.funding-line-set", "pilot.milestone-added", "pilot.milestone-reported",
            "pilot.update-submitted", "pilot.period-reviewed", "pilot.jcm-plan-set", "pilot.monitoring-period-recorded",
            "pilot.jcm-verifier-appointed", "pilot.monitoring-period-reviewed",
        ];
        var at = new DateTimeOffset(2025, 4, 10, 2, 0, 0, TimeSpan.Zero);
        var entries = kinds.Select((kind, i) => new JournalEntry(EntityTypes.Pilot, "hp-compost", i + 1,
            EventJson.Deserialize(kind, GoldenSamples.Read(kind)), at.AddMinutes(i), Actor)).ToList();

        var (state, ledger) = PilotEvents.Replay(entries);

        Assert.Equal(EventSamples.Pilot, state.Definition);
        Assert.Equal([EventSamples.Kpi], state.Kpis);
        Assert.Equal("Asia/Ho_Chi_Minh", state.TimeZone);
        Assert.Equal(15, state.SubmissionWindowDays);
        Assert.Equal(PilotStatus.Suspended, state.Status);
        Assert.Equal(new DateOnly(2025, 3, 1), Assert.Single(state.StatusHistory).EffectiveOn);
        Assert.Equal(EventSamples.Line, Assert.Single(state.FundingLines));
        var milestone = Assert.Single(state.Milestones);
        Assert.Equal((EventSamples.Milestone, EventSamples.Progress), (milestone.Definition, milestone.Progress));
        var review = state.ReviewOf(ReportingPeriod.Parse("2025-03", "period"));
        Assert.Equal((ReviewStatus.Approved, true, true), (review.Status, review.Late, review.Historical));
        Assert.Equal([EventSamples.Reading], review.ApprovedReadings);
        Assert.Equal(EventSamples.Plan, state.JcmPlan);
        Assert.Equal(EventSamples.Result, Assert.Single(state.JcmPeriods));
        Assert.Equal("jqa", state.JcmVerifierId);
        Assert.Equal(ReviewStatus.Returned, state.VerificationOf("mp-2024"));
        Assert.Equal(EventSamples.Reading, Assert.Single(ledger.For("compost-produced")!.Periods));
    }
}
