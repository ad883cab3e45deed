using Cooperation.Contracts.Submissions;
using Cooperation.Contracts.Common;
using Cooperation.Contracts.Mous;
using Cooperation.Contracts.Partnerships;
using Cooperation.Contracts.Pilots;
using Cooperation.Silo.Partnerships;

namespace Cooperation.Tests.Domain;

public sealed class PartnershipRollupTests
{
    private static PilotSummary Pilot(PilotStatus status, int done, int counted, int overdue, KpiStatusCounts kpis, ReportingCounts? reporting = null) =>
        new("p", new LocalizedText(null, null, "P"), PilotKind.Other, status, done, counted, overdue, kpis, reporting ?? ReportingCounts.None);

    private static MouView Mou(MouStatus status, bool expiringSoon, params bool[] overdue) => new("m",
        new MouDefinition("x", new LocalizedText(null, null, "M"), ["a", "b"], "s", [], new DateOnly(2024, 1, 1), new DateOnly(2027, 1, 1)),
        status, [], null,
        ValueList.Of(overdue.Select((o, i) => new CommitmentView(new CommitmentDefinition($"c{i}", "t", "a", new DateOnly(2025, 1, 1)), CommitmentStatus.Open, o, null))),
        expiringSoon);

    [Fact]
    public void Rolls_up_pilots_and_mous()
    {
        var progress = PartnershipRollup.Compute("hp-kk",
        [
            Pilot(PilotStatus.InProgress, 1, 4, 2, new KpiStatusCounts(2, 1, 0, 0)),
            Pilot(PilotStatus.InProgress, 3, 4, 0, new KpiStatusCounts(0, 0, 1, 2)),
            Pilot(PilotStatus.Completed, 2, 2, 0, KpiStatusCounts.None),
        ],
        [Mou(MouStatus.Active, true, true, false), Mou(MouStatus.Draft, false)]);

        // Milestones: (1 + 3 + 2) done of (4 + 4 + 2) counted = 60 %.
        Assert.Equal(60, progress.MilestoneCompletion);
        Assert.Equal(2, progress.OverdueMilestones);
        Assert.Equal(new KpiStatusCounts(2, 1, 1, 2), progress.Kpis);
        Assert.Equal([new PilotStatusCount(PilotStatus.InProgress, 2), new PilotStatusCount(PilotStatus.Completed, 1)], progress.PilotsByStatus);
        Assert.Equal((2, 1, 1, 1), (progress.MouCount, progress.ActiveMous, progress.MousExpiringSoon, progress.OverdueCommitments));
    }

    [Fact]
    public void Without_milestones_there_is_no_completion() =>
        Assert.Null(PartnershipRollup.Compute("x", [Pilot(PilotStatus.Proposed, 0, 0, 0, KpiStatusCounts.None)], []).MilestoneCompletion);
}
