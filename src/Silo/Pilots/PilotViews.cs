using Cooperation.Contracts.Common;
using Cooperation.Contracts.Jcm;
using Cooperation.Contracts.Kpis;
using Cooperation.Contracts.Pilots;
using Cooperation.Contracts.Submissions;
using Cooperation.Silo.Pilots.Jcm;
using Cooperation.Silo.Pilots.Milestones;
using Cooperation.Silo.Pilots.Reporting;
using Cooperation.Contracts.Pilots.Kinds;

namespace Cooperation.Silo.Pilots;

/// <summary>How a pilot's state reads: the full view and the summary roll-ups use.</summary>
internal static class PilotViews
{
    /// <summary>
    /// The full progress view of a pilot as of <paramref name="today"/> in its city, its KPIs
    /// counted on <paramref name="basis"/>.
    /// </summary>
    public static PilotView Build(string pilotId, PilotState state, ValueList<KpiView> kpis, long readingCount, DateOnly today,
        FigureBasis basis = FigureBasis.All)
    {
        var definition = state.Definition!;
        return new PilotView(pilotId, definition, state.Status, state.StatusHistory, state.FundingLines,
            FundingTotal.PerCurrency(state.FundingLines),
            MilestoneSchedule.Views(state.Milestones, today, state.Status is not (PilotStatus.Completed or PilotStatus.Cancelled)),
            MilestoneSchedule.Completion(state.Milestones),
            kpis, readingCount,
            PilotKinds.Of(definition.Kind).JcmMonitored ? Jcm(state) : null,
            ReportingCalendar.Periods(state, today),
            basis);
    }

    /// <summary>What a partnership's roll-up needs of the pilot.</summary>
    public static PilotSummary Summarise(PilotView view) => new(
        view.PilotId, view.Definition.Title, view.Definition.Kind, view.Status,
        view.Milestones.Count(m => m.Progress.Status == MilestoneStatus.Done),
        view.Milestones.Count(m => m.Progress.Status != MilestoneStatus.Cancelled),
        view.Milestones.Count(m => m.Overdue),
        KpiStatusCounts.Of(view.Kpis),
        ReportingCounts.Of(view.Reporting));

    /// <summary>A JCM pilot's monitoring: plan, periods, verification, totals.</summary>
    public static JcmView Jcm(PilotState state)
    {
        var verified = state.JcmPeriods.Where(p => state.VerificationOf(p.Input.PeriodId) == ReviewStatus.Approved).ToArray();
        return new JcmView(state.JcmPlan, state.JcmPeriods,
            state.JcmPeriods.Sum(p => p.EmissionReductions), state.JcmPeriods.Sum(p => p.Credits),
            state.JcmVerifierId, state.JcmVerifications,
            verified.Sum(p => p.EmissionReductions), verified.Sum(p => p.Credits));
    }

    /// <summary><paramref name="view"/> with only <paramref name="lines"/> as its funding, totals counted from them.</summary>
    public static PilotView WithFunding(PilotView view, ValueList<FundingLine> lines) =>
        view with { FundingLines = lines, FundingTotals = FundingTotal.PerCurrency(lines) };
}
