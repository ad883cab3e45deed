using Cooperation.Contracts.Common;
using Cooperation.Contracts.Mous;
using Cooperation.Contracts.Partnerships;
using Cooperation.Contracts.Pilots;
using Cooperation.Contracts.Submissions;

namespace Cooperation.Silo.Partnerships;

/// <summary>The roll-up of a partnership's pilots and MoUs, as plain arithmetic.</summary>
internal static class PartnershipRollup
{
    /// <summary>
    /// Counts pilots by status, KPIs by status, overdue milestones and commitments, and the
    /// overall milestone completion: all done milestones ÷ all milestones not cancelled (a pilot
    /// with many milestones weighs more than one with few, as in the field).
    /// </summary>
    public static PartnershipProgress Compute(string partnershipId, IReadOnlyList<PilotSummary> pilots, IReadOnlyList<MouView> mous,
        FigureBasis basis = FigureBasis.All)
    {
        var counted = pilots.Sum(p => p.MilestonesCounted);
        return new PartnershipProgress(
            partnershipId,
            ValueList.Of(pilots),
            ValueList.Of(pilots.GroupBy(p => p.Status).OrderBy(g => g.Key).Select(g => new PilotStatusCount(g.Key, g.Count()))),
            counted == 0 ? null : 100.0 * pilots.Sum(p => p.MilestonesDone) / counted,
            pilots.Sum(p => p.OverdueMilestones),
            pilots.Aggregate(KpiStatusCounts.None, (sum, p) => sum.Add(p.Kpis)),
            mous.Count,
            mous.Count(m => m.Status == MouStatus.Active),
            mous.Count(m => m.ExpiringSoon),
            mous.Sum(m => m.Commitments.Count(c => c.Overdue)),
            pilots.Aggregate(ReportingCounts.None, (sum, p) => sum.Add(p.Reporting)),
            basis);
    }
}
