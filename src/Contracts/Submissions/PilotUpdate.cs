using Cooperation.Contracts.Common;
using Cooperation.Contracts.Kpis;
using Cooperation.Contracts.Pilots;

namespace Cooperation.Contracts.Submissions;

/// <summary>Progress reported on one milestone in an update.</summary>
/// <param name="MilestoneId">The milestone.</param>
/// <param name="Progress">Its status, actual date and evidence.</param>
[GenerateSerializer, Immutable, Alias("coop.MilestoneReport")]
public sealed record MilestoneReport([property: Id(0)] string MilestoneId, [property: Id(1)] MilestoneProgress Progress);

/// <summary>
/// A partner's update to a pilot for one reporting period: KPI readings of that period, progress
/// on milestones, and a narrative note; at least one of them. Submitting it puts the period up
/// for review.
/// </summary>
/// <param name="Period">The reporting period it reports on.</param>
/// <param name="Readings">Readings, all of <paramref name="Period"/>.</param>
/// <param name="Milestones">Milestone progress.</param>
/// <param name="Note">What happened, in the partner's words.</param>
[GenerateSerializer, Immutable, Alias("coop.PilotUpdate")]
public sealed record PilotUpdate(
    [property: Id(0)] ReportingPeriod Period,
    [property: Id(1)] ValueList<KpiReadingInput> Readings,
    [property: Id(2)] ValueList<MilestoneReport> Milestones,
    [property: Id(3)] string? Note)
{
    /// <summary>Longest note.</summary>
    public const int MaxNoteLength = 4000;

    /// <summary>Most milestones one update reports on (a pilot has at most as many).</summary>
    public const int MaxMilestoneReports = 200;

    /// <summary>Longest idempotency key.</summary>
    public const int MaxKeyLength = 100;

    /// <summary>
    /// The update with its note trimmed; refuses one that breaks a field rule, naming every field
    /// at fault. Runs before anything else reads the update (its idempotency hash serialises it,
    /// which a non-finite number would break); the rules that need the pilot's KPIs come after.
    /// </summary>
    public PilotUpdate Validated()
    {
        var violations = Violations();
        if (violations.Count > 0)
            throw new InvalidFieldException(violations);
        return this with { Note = Note?.Trim() is { Length: > 0 } note ? note : null };
    }

    /// <summary>The refusal of an update that reports nothing.</summary>
    public static readonly FieldViolation NothingToReport = new("readings", "an update needs readings, milestone progress or a note");

    /// <summary>Every field rule the update breaks (see <see cref="Validated"/>); empty when none.</summary>
    public List<FieldViolation> Violations()
    {
        var violations = new List<FieldViolation>();
        for (var i = 0; i < Readings.Count; i++)
        {
            if (Readings[i].Period != Period)
                violations.Add(new($"readings[{i}].period", $"must be the update's period, {Period}"));
            CheckNumbers(Readings[i], $"readings[{i}]", violations);
        }
        if (Readings.Count > KpiReadingInput.MaxPerRequest)
            violations.Add(new("readings", $"must hold at most {KpiReadingInput.MaxPerRequest} readings"));
        if (Milestones.Count > MaxMilestoneReports)
            violations.Add(new("milestones", $"must hold at most {MaxMilestoneReports} reports"));
        if (Milestones.Select(m => m.MilestoneId).Distinct().Count() != Milestones.Count)
            violations.Add(new("milestones", "must report on each milestone once"));
        var note = string.IsNullOrWhiteSpace(Note) ? null : Note.Trim();
        if (note is { Length: > MaxNoteLength })
            violations.Add(new("note", $"must be at most {MaxNoteLength} characters"));
        if (Readings.Count == 0 && Milestones.Count == 0 && note is null)
            violations.Add(NothingToReport);
        return violations;
    }

    /// <summary>Every number of a reading must be one (finite and within bounds), whatever its KPI.</summary>
    private static void CheckNumbers(KpiReadingInput reading, string field, List<FieldViolation> violations)
    {
        foreach (var (value, name) in new[] { (reading.Value, "value"), (reading.Numerator, "numerator"), (reading.Denominator, "denominator") })
        {
            if (value is { } number && !Field.IsNumber(number))
                violations.Add(new($"{field}.{name}", Field.NumberRule));
        }
        var breakdown = reading.Breakdown ?? ValueList<BreakdownValue>.Empty;
        for (var j = 0; j < breakdown.Count; j++)
        {
            if (!Field.IsNumber(breakdown[j].Value))
                violations.Add(new($"{field}.breakdown[{j}].value", Field.NumberRule));
        }
    }

    /// <summary>Refuses an idempotency key that is missing, too long or not printable.</summary>
    public static string CheckKey(string? key)
    {
        if (string.IsNullOrEmpty(key))
            throw new InvalidFieldException("idempotency_key", "is required: choose one per update (e.g. a UUID) and send it again with every retry");
        if (key.Length > MaxKeyLength || key.Any(c => c is < '!' or > '~'))
            throw new InvalidFieldException("idempotency_key", $"must be 1–{MaxKeyLength} printable ASCII characters without spaces");
        return key;
    }
}

/// <summary>What an update stored, and what a retry of it gets back.</summary>
/// <param name="PilotId">The pilot.</param>
/// <param name="Sequence">The update's place in the pilot's history.</param>
/// <param name="Period">The period it reported on.</param>
/// <param name="Readings">The readings as stored, numbered.</param>
/// <param name="Milestones">The milestone progress it reported.</param>
/// <param name="Note">Its note.</param>
/// <param name="Late">Whether it came after the period's submission window closed.</param>
/// <param name="SubmittedAt">When it was stored.</param>
/// <param name="SubmittedBy">Who submitted it.</param>
/// <param name="Replayed">True when this answers a retry: the update was stored once, earlier.</param>
[GenerateSerializer, Immutable, Alias("coop.UpdateReceipt")]
public sealed record UpdateReceipt(
    [property: Id(0)] string PilotId,
    [property: Id(1)] long Sequence,
    [property: Id(2)] ReportingPeriod Period,
    [property: Id(3)] ValueList<StoredKpiReading> Readings,
    [property: Id(4)] ValueList<MilestoneReport> Milestones,
    [property: Id(5)] string? Note,
    [property: Id(6)] bool Late,
    [property: Id(7)] DateTimeOffset SubmittedAt,
    [property: Id(8)] string SubmittedBy,
    [property: Id(9)] bool Replayed);

/// <summary>Which figures a view is built from.</summary>
[GenerateSerializer, Alias("coop.FigureBasis")]
public enum FigureBasis
{
    /// <summary>Everything recorded, approved or not.</summary>
    All = 1,

    /// <summary>Only the figures of approved periods, as approved (the last approval of a reopened period).</summary>
    Approved = 2,
}
