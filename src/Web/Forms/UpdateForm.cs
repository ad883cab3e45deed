using System.Globalization;
using Cooperation.Contracts.Common;
using Cooperation.Contracts.DonorReports;
using Cooperation.Contracts.Kpis;
using Cooperation.Contracts.Pilots;
using Cooperation.Contracts.Submissions;
using Cooperation.Web.Reading;

namespace Cooperation.Web.Forms;

/// <summary>One KPI of the update form: its definition, and what the partner sees beside its field.</summary>
/// <param name="Kpi">The KPI.</param>
/// <param name="Previous">The value that counts for the period before (the grain's series), or null.</param>
/// <param name="Expected">What the KPI's trajectory expects by the period's end (<see cref="KpiChart"/>'s line), or null.</param>
internal sealed record UpdateKpiRow(KpiDefinition Kpi, double? Previous, double? Expected)
{
    /// <summary>Whether the KPI takes a numerator and a denominator instead of a value.</summary>
    public bool IsRatio => Kpi.Aggregation == KpiAggregation.Ratio;

    /// <summary>The form's name of this KPI's <paramref name="part"/> ("value", "numerator", "denominator").</summary>
    public string Field(string part) => UpdateForm.KpiField(Kpi.Code, part);

    /// <summary>
    /// The rows of <paramref name="pilot"/>'s KPIs for <paramref name="period"/>: the previous period's
    /// value from the grain's series, the expected value from the KPI's chart (one trajectory).
    /// </summary>
    public static IReadOnlyList<UpdateKpiRow> Of(PilotView pilot, IReadOnlyList<KpiSeriesView> series, ReportingPeriod period)
    {
        var byCode = series.ToDictionary(s => s.Definition.Code, StringComparer.Ordinal);
        var before = UpdateForm.PeriodBefore(period);
        return [.. pilot.Kpis.Select(kpi =>
        {
            var periods = byCode.TryGetValue(kpi.Definition.Code, out var s) ? s.Periods : ValueList<StoredKpiReading>.Empty;
            var previous = periods.FirstOrDefault(r => r.Period == before)?.Value;
            var expected = KpiChart.Of(kpi, periods, pilot.Definition.Frequency).Points.FirstOrDefault(p => p.Period == period)?.Expected;
            return new UpdateKpiRow(kpi.Definition, previous, expected);
        })];
    }
}

/// <summary>What the partner sent, read into the domain's update, with what could not be read.</summary>
/// <param name="Update">The update (without the readings or reports that could not be read).</param>
/// <param name="Unreadable">Form field → the word key of why it could not be read (not a number, not a date, no status).</param>
/// <param name="Fields">The domain's field names of <paramref name="Update"/> → the form's, for its refusals.</param>
/// <param name="Warnings">Form field → the plausibility warnings of its KPI's value.</param>
internal sealed record UpdateFormReading(
    PilotUpdate Update,
    IReadOnlyDictionary<string, string> Unreadable,
    IReadOnlyDictionary<string, string> Fields,
    IReadOnlyDictionary<string, IReadOnlyList<PlausibilityWarning>> Warnings);

/// <summary>
/// The partner's update form as plain logic: its field names, and the reading of what it sent into
/// a <see cref="PilotUpdate"/> (numbers as the person's language writes them, <see cref="FormNumber"/>), checked by the
/// domain's rules (<see cref="PilotUpdate.Violations"/>, <see cref="KpiReadingRules.Check"/>) and
/// judged by <see cref="KpiPlausibility.Of"/>, never by copies of them.
/// </summary>
internal static class UpdateForm
{
    /// <summary>The narrative note's field.</summary>
    public const string NoteField = "note";

    /// <summary>The hidden field with the update's idempotency key.</summary>
    public const string KeyField = "idempotency_key";

    /// <summary>The checkbox that confirms values despite their warnings.</summary>
    public const string ConfirmField = "confirm";

    /// <summary>The submit button's field: submit the update, or <see cref="SaveDraft"/>.</summary>
    public const string ActionField = "action";

    /// <summary>The <see cref="ActionField"/> value that keeps the form as a draft.</summary>
    public const string SaveDraft = "draft";

    /// <summary>The fields a draft keeps of what the form sent: the KPIs', the milestones' and the note (not the key or the token).</summary>
    public static ValueList<DraftField> DraftOf(IEnumerable<(string Name, string Value)> sent) => ValueList.Of(sent
        .Where(f => f.Name == NoteField || f.Name.StartsWith("kpi.", StringComparison.Ordinal) || f.Name.StartsWith("milestone.", StringComparison.Ordinal))
        .Select(f => new DraftField(f.Name, f.Value)));

    /// <summary>
    /// The form's fields as the period was submitted (what a correction starts from): each KPI's
    /// figure that counts for <paramref name="period"/> (a ratio's parts), written as the form reads
    /// numbers, and the last submission's note.
    /// </summary>
    public static Dictionary<string, string> Submitted(IReadOnlyList<UpdateKpiRow> kpis, IReadOnlyList<KpiSeriesView> series, ReportingPeriod period, string? note,
        ReportLanguage language)
    {
        var byCode = series.ToDictionary(s => s.Definition.Code, StringComparer.Ordinal);
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var row in kpis)
        {
            if (!byCode.TryGetValue(row.Kpi.Code, out var kpi) || kpi.Periods.FirstOrDefault(r => r.Period == period) is not { } reading)
                continue;
            if (row.IsRatio && reading.Numerator is { } numerator && reading.Denominator is { } denominator)
            {
                fields[row.Field("numerator")] = FormNumber.Write(numerator, language);
                fields[row.Field("denominator")] = FormNumber.Write(denominator, language);
            }
            else
                fields[row.Field("value")] = FormNumber.Write(reading.Value, language);
            foreach (var (field, text) in BreakdownFields.Written(row.Kpi, reading.Breakdown, language))
                fields[field] = text;
        }
        if (note is not null)
            fields[NoteField] = note;
        return fields;
    }

    /// <summary>The form's name of KPI <paramref name="code"/>'s <paramref name="part"/>.</summary>
    public static string KpiField(string code, string part) => $"kpi.{code}.{part}";

    /// <summary>The form's name of milestone <paramref name="id"/>'s <paramref name="part"/> ("status", "actual_date", "evidence_link").</summary>
    public static string MilestoneField(string id, string part) => $"milestone.{id}.{part}";

    /// <summary>The period just before <paramref name="period"/>, on its calendar.</summary>
    public static ReportingPeriod PeriodBefore(ReportingPeriod period) => ReportingPeriod.Containing(period.Start.AddDays(-1), period.Frequency);

    /// <summary>A fresh idempotency key for one update (the form keeps it across its retries).</summary>
    public static string NewKey() => "web-" + Guid.NewGuid().ToString("N");

    /// <summary>
    /// Reads what the form sent (<paramref name="sent"/>: field → text) for <paramref name="period"/>:
    /// a reading for each KPI with a figure, a report for each milestone whose progress differs from
    /// what the pilot shows, and the note.
    /// </summary>
    public static UpdateFormReading Read(ReportingPeriod period, IReadOnlyList<UpdateKpiRow> kpis, IReadOnlyList<MilestoneView> milestones,
        ReportLanguage language, Func<string, string?> sent)
    {
        var unreadable = new Dictionary<string, string>(StringComparer.Ordinal);
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        var readings = new List<(UpdateKpiRow Row, KpiReadingInput Input)>();
        foreach (var row in kpis)
        {
            double? Number(string part)
            {
                var text = sent(row.Field(part))?.Trim();
                if (string.IsNullOrEmpty(text))
                    return null;
                if (FormNumber.TryRead(text, language, out var number))
                    return number;
                unreadable[row.Field(part)] = "update.not-a-number";
                return null;
            }
            var parts = row.IsRatio ? new[] { "numerator", "denominator" } : ["value"];
            var numbers = parts.ToDictionary(p => p, Number);
            if (numbers.Values.All(n => n is null))
                continue;
            var at = $"readings[{readings.Count}]";
            var breakdown = BreakdownFields.Read(row.Kpi, language, sent, at, fields, unreadable);
            var input = row.IsRatio
                ? new KpiReadingInput(row.Kpi.Code, period, null, numbers["numerator"], numbers["denominator"], breakdown)
                : new KpiReadingInput(row.Kpi.Code, period, numbers["value"], Breakdown: breakdown);
            var first = row.Field(parts[0]);
            foreach (var part in new[] { "value", "period", "note", "kpi_code" })
                fields[$"{at}.{part}"] = first;
            fields[at] = first;
            foreach (var part in parts)
                fields[$"{at}.{part}"] = row.Field(part);
            readings.Add((row, input));
        }

        var reports = new List<MilestoneReport>();
        foreach (var milestone in milestones)
        {
            var id = milestone.Definition.MilestoneId;
            if (Progress(id, sent, unreadable) is not { } progress || progress == milestone.Progress)
                continue;
            var at = $"milestones[{reports.Count}]";
            foreach (var part in new[] { "status", "actual_date", "evidence_link" })
                fields[$"{at}.{part}"] = MilestoneField(id, part);
            fields[$"{at}.milestone_id"] = MilestoneField(id, "status");
            reports.Add(new MilestoneReport(id, progress));
        }
        fields["note"] = NoteField;
        fields["readings"] = NoteField;
        fields["milestones"] = NoteField;

        var update = new PilotUpdate(period, ValueList.Of(readings.Select(r => r.Input)), ValueList.Of(reports), sent(NoteField));
        var warnings = new Dictionary<string, IReadOnlyList<PlausibilityWarning>>(StringComparer.Ordinal);
        foreach (var (row, input) in readings)
        {
            // The value the reading would store, as the domain computes it; refused ones are not judged.
            if (KpiReadingRules.Check(row.Kpi, input, "reading", []) is { } value
                && KpiPlausibility.Of(row.Kpi, value, row.Previous) is { Count: > 0 } found)
                warnings[row.Field(row.IsRatio ? "numerator" : "value")] = found;
        }
        return new UpdateFormReading(update, unreadable, fields, warnings);
    }

    /// <summary>
    /// Every field rule the update breaks, as the grain would name them: the update's own
    /// (<see cref="PilotUpdate.Violations"/>) and each reading's for its KPI (<see cref="KpiReadingRules.Check"/>).
    /// </summary>
    public static List<FieldViolation> Violations(UpdateFormReading reading, IReadOnlyList<UpdateKpiRow> kpis)
    {
        var violations = reading.Update.Violations();
        var byCode = kpis.ToDictionary(k => k.Kpi.Code, StringComparer.Ordinal);
        for (var i = 0; i < reading.Update.Readings.Count; i++)
        {
            var input = reading.Update.Readings[i];
            KpiReadingRules.Check(byCode[input.KpiCode].Kpi, input, $"readings[{i}]", violations);
        }
        return violations;
    }

    /// <summary>Milestone <paramref name="id"/>'s progress as its fields were sent; null when no status was chosen or a field could not be read (see <paramref name="unreadable"/>).</summary>
    public static MilestoneProgress? Progress(string id, Func<string, string?> sent, Dictionary<string, string> unreadable)
    {
        var statusText = sent(MilestoneField(id, "status"));
        if (string.IsNullOrWhiteSpace(statusText))
            return null;
        if (!Enum.TryParse<MilestoneStatus>(statusText, out var status) || !Enum.IsDefined(status) || int.TryParse(statusText, out _))
        {
            unreadable[MilestoneField(id, "status")] = "update.not-a-status";
            return null;
        }
        DateOnly? actual = null;
        var dateText = sent(MilestoneField(id, "actual_date"))?.Trim();
        if (!string.IsNullOrEmpty(dateText))
        {
            if (!DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                unreadable[MilestoneField(id, "actual_date")] = "update.not-a-date";
                return null;
            }
            actual = date;
        }
        var link = sent(MilestoneField(id, "evidence_link"))?.Trim();
        return new MilestoneProgress(status, actual, string.IsNullOrEmpty(link) ? null : link);
    }
}
