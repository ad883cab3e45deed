using Cooperation.Contracts.Common;
using Cooperation.Contracts.Pilots;
using Cooperation.Contracts.Submissions;
using Cooperation.Silo.DueDates;

namespace Cooperation.Silo.Pilots.Milestones;

/// <summary>A milestone as a pilot holds it: as planned, as last reported, and when it was found overdue.</summary>
/// <param name="Definition">As planned.</param>
/// <param name="Progress">As last reported.</param>
/// <param name="OverdueSince">When the due-date check found it overdue; cleared once done or cancelled.</param>
[GenerateSerializer, Immutable, Alias("coop.MilestoneRecord")]
internal sealed record MilestoneRecord(
    [property: Id(0)] MilestoneDefinition Definition,
    [property: Id(1)] MilestoneProgress Progress,
    [property: Id(2)] DateTimeOffset? OverdueSince) : IDueItem<MilestoneRecord>
{
    /// <inheritdoc/>
    public string ItemId => Definition.MilestoneId;

    /// <inheritdoc/>
    public DateOnly DueDate => Definition.PlannedDate;

    /// <summary>Still to be reached: neither done nor cancelled.</summary>
    public bool IsOpen => Progress.Status is MilestoneStatus.Planned or MilestoneStatus.InProgress;

    /// <inheritdoc/>
    public MilestoneRecord MarkedOverdue(DateTimeOffset at) => this with { OverdueSince = at };
}

/// <summary>
/// The rules of a pilot's milestones, as plain logic: adding and reporting, what is overdue on a
/// given local date, and completion.
/// </summary>
internal static class MilestoneSchedule
{
    /// <summary>Most milestones a pilot may have.</summary>
    public const int MaxMilestones = 200;

    /// <summary>
    /// The milestones with <paramref name="milestone"/> added; null when it is already there
    /// unchanged (a repeat), <see cref="EntityExistsException"/> when its id is taken by another.
    /// </summary>
    public static ValueList<MilestoneRecord>? Add(ValueList<MilestoneRecord> milestones, MilestoneDefinition milestone)
    {
        milestone.Validate();
        if (milestones.FirstOrDefault(m => m.Definition.MilestoneId == milestone.MilestoneId) is { } existing)
            return existing.Definition == milestone ? null : throw new EntityExistsException("milestone", milestone.MilestoneId);
        if (milestones.Count >= MaxMilestones)
            throw new RuleViolationException($"A pilot has at most {MaxMilestones} milestones.");
        return WithAdded(milestones, milestone);
    }

    /// <summary>The milestones with <paramref name="milestone"/> added, planned and not started.</summary>
    public static ValueList<MilestoneRecord> WithAdded(ValueList<MilestoneRecord> milestones, MilestoneDefinition milestone) =>
        milestones.Add(new MilestoneRecord(milestone, new MilestoneProgress(MilestoneStatus.Planned, null, null), null));

    /// <summary>
    /// The milestones with <paramref name="progress"/> reported on one of them; null when nothing
    /// changes. A done or cancelled milestone is no longer overdue.
    /// </summary>
    public static ValueList<MilestoneRecord>? Report(ValueList<MilestoneRecord> milestones, string milestoneId, MilestoneProgress progress, DateOnly today)
    {
        progress.Validate();
        if (progress.ActualDate > today)
            throw new InvalidFieldException("actual_date", "must not be in the future");
        var existing = milestones.FirstOrDefault(m => m.Definition.MilestoneId == milestoneId)
            ?? throw new EntityNotFoundException("milestone", milestoneId);
        return existing.Progress == progress ? null : WithReport(milestones, milestoneId, progress);
    }

    /// <summary>Refuses reports in an update that break a rule, naming <c>milestones[i].…</c>.</summary>
    public static void CheckReports(ValueList<MilestoneRecord> milestones, IReadOnlyList<MilestoneReport> reports, DateOnly today)
    {
        var violations = new List<FieldViolation>();
        for (var i = 0; i < reports.Count; i++)
        {
            try
            {
                Report(milestones, reports[i].MilestoneId, reports[i].Progress, today);
            }
            catch (InvalidFieldException invalid)
            {
                violations.AddRange(invalid.Violations.Select(v => v with { Field = $"milestones[{i}].{v.Field}" }));
            }
            catch (EntityNotFoundException)
            {
                violations.Add(new($"milestones[{i}].milestone_id", $"no milestone '{reports[i].MilestoneId}' on this pilot"));
            }
        }
        if (violations.Count > 0)
            throw new InvalidFieldException(violations);
    }

    /// <summary>The milestones with <paramref name="progress"/> reported on one; a done or cancelled one is no longer overdue.</summary>
    public static ValueList<MilestoneRecord> WithReport(ValueList<MilestoneRecord> milestones, string milestoneId, MilestoneProgress progress)
    {
        var updated = milestones.First(m => m.Definition.MilestoneId == milestoneId) with { Progress = progress };
        return milestones.Replace(m => m.Definition.MilestoneId == milestoneId, updated.IsOpen ? updated : updated with { OverdueSince = null });
    }

    /// <summary>
    /// The milestones as read on <paramref name="today"/>, in planned-date order. Those of a pilot
    /// that is over (<paramref name="pilotOpen"/> false) are never overdue.
    /// </summary>
    public static ValueList<MilestoneView> Views(IEnumerable<MilestoneRecord> milestones, DateOnly today, bool pilotOpen = true) =>
        ValueList.Of(milestones
            .OrderBy(m => m.Definition.PlannedDate)
            .Select(m => new MilestoneView(m.Definition, m.Progress, pilotOpen && DueItems.IsOverdue(m, today), m.OverdueSince)));

    /// <summary>Done ÷ (all − cancelled), in percent; null when none counts.</summary>
    public static double? Completion(IReadOnlyCollection<MilestoneRecord> milestones)
    {
        var counted = milestones.Count(m => m.Progress.Status != MilestoneStatus.Cancelled);
        return counted == 0 ? null : 100.0 * milestones.Count(m => m.Progress.Status == MilestoneStatus.Done) / counted;
    }
}
