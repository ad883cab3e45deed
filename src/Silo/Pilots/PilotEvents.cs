using Cooperation.Contracts.Common;
using Cooperation.Contracts.Pilots;
using Cooperation.Silo.DueDates;
using Cooperation.Silo.Journal;
using Cooperation.Silo.Kpis;
using Cooperation.Silo.Pilots.Jcm;
using Cooperation.Silo.Pilots.Milestones;
using Cooperation.Silo.Pilots.Reporting;

namespace Cooperation.Silo.Pilots;

/// <summary>A pilot was created.</summary>
/// <param name="Definition">As stated.</param>
/// <param name="TimeZone">Its city's time zone, in which its dates pass.</param>
/// <param name="Kpis">The KPIs it starts with (its kind's templates, or none).</param>
/// <param name="PartnershipCityIds">Its partnership's cities, whose offices manage it (a partnership's cities never change).</param>
/// <param name="SubmissionWindowDays">Its programme's submission window (programmes do not change).</param>
[EventKind("pilot.created", 1)]
internal sealed record PilotCreated(
    StoredPilotDefinition Definition,
    string TimeZone,
    ValueList<StoredKpi> Kpis,
    ValueList<string> PartnershipCityIds,
    int SubmissionWindowDays) : IEntityEvent;

/// <summary>The pilot moved in its lifecycle.</summary>
[EventKind("pilot.status-changed", 1)]
internal sealed record PilotStatusChanged(PilotStatus From, PilotStatus To, string? Reason, DateOnly? EffectiveOn = null) : IEntityEvent;

/// <summary>A funding line was added or replaced.</summary>
[EventKind("pilot.funding-line-set", 1)]
internal sealed record FundingLineSet(StoredFundingLine Line) : IEntityEvent;

/// <summary>A milestone was planned.</summary>
[EventKind("pilot.milestone-added", 1)]
internal sealed record MilestoneAdded(StoredMilestone Milestone) : IEntityEvent;

/// <summary>Progress on a milestone was reported.</summary>
[EventKind("pilot.milestone-reported", 1)]
internal sealed record MilestoneReported(string MilestoneId, StoredMilestoneProgress Progress) : IEntityEvent;

/// <summary>The due-date check found milestones overdue.</summary>
[EventKind("pilot.milestones-overdue", 1)]
internal sealed record MilestonesFoundOverdue(ValueList<string> MilestoneIds) : IEntityEvent;

/// <summary>How a pilot's events change its state: the one fold that activation and rebuilding share.</summary>
internal static class PilotEvents
{
    /// <summary>The state after <paramref name="entry"/>.</summary>
    public static PilotState Apply(PilotState state, JournalEntry entry) =>
        KpiEvents.Apply(state, entry.Event) ?? ReportingEvents.Apply(state, entry) ?? JcmEvents.Apply(state, entry) ?? entry.Event switch
    {
        PilotCreated created => new PilotState
        {
            Definition = created.Definition.ToContract(),
            CreatedAt = entry.RecordedAt,
            TimeZone = created.TimeZone,
            Kpis = ValueList.Of(created.Kpis.Select(k => k.ToContract())),
            PartnershipCityIds = created.PartnershipCityIds,
            SubmissionWindowDays = created.SubmissionWindowDays,
        },
        PilotStatusChanged changed => state with
        {
            Status = changed.To,
            StatusHistory = state.StatusHistory.Add(new StatusChange(changed.From, changed.To, changed.Reason, entry.RecordedAt, changed.EffectiveOn)),
        },
        FundingLineSet set => state with { FundingLines = WithLine(state.FundingLines, set.Line.ToContract()) },
        MilestoneAdded added => state with { Milestones = MilestoneSchedule.WithAdded(state.Milestones, added.Milestone.ToContract()) },
        MilestoneReported reported => state with
        {
            Milestones = MilestoneSchedule.WithReport(state.Milestones, reported.MilestoneId, reported.Progress.ToContract()),
        },
        MilestonesFoundOverdue overdue => state with { Milestones = DueItems.MarkOverdue(state.Milestones, overdue.MilestoneIds, entry.RecordedAt) },
        var other => throw new InvalidOperationException($"A pilot does not take {other.GetType().Name} events."),
    };

    /// <summary>The funding lines with <paramref name="line"/> added, or replacing the line of its id.</summary>
    private static ValueList<FundingLine> WithLine(ValueList<FundingLine> lines, FundingLine line) =>
        lines.Any(l => l.LineId == line.LineId) ? lines.Replace(l => l.LineId == line.LineId, line) : lines.Add(line);

    /// <summary>A pilot rebuilt from all its events: state and reading ledger.</summary>
    public static (PilotState State, Kpis.Readings.KpiReadingLedger Ledger) Replay(IReadOnlyList<JournalEntry> entries) =>
        (entries.Aggregate(new PilotState(), Apply), KpiEvents.Ledger(entries));
}
