using Cooperation.Contracts.Common;
using Cooperation.Contracts.Kpis;
using Cooperation.Gateway.Common;
using Proto = Cooperation.Contracts.Grpc;

namespace Cooperation.Gateway.Kpis;

/// <summary>KPIs and readings between the wire and the domain.</summary>
internal static class KpiMapping
{
    /// <summary>A wire KPI definition to the domain; measure defaults to number.</summary>
    public static KpiDefinition ToDomain(this Proto.DefineKpiRequest request) => new(
        request.KpiCode,
        request.Name.ToDomain("name"),
        request.Unit.Trim(),
        CommonMapping.ToDomain((int)request.Measure, "measure", KpiMeasure.Number),
        CommonMapping.ToDomain<KpiDirection>((int)request.Direction, "direction"),
        CommonMapping.ToDomain<KpiAggregation>((int)request.Aggregation, "aggregation"),
        request.Baseline?.ToDomain("baseline"),
        request.Target?.ToDomain("target"),
        ValueList.Of(request.Dimensions));

    /// <summary>
    /// A wire KPI definition as a change: what it sets changes, empty fields (and unspecified
    /// enums, absent baseline or target, no dimensions) keep their value; a name changes only the
    /// languages it gives.
    /// </summary>
    public static KpiChange ToChange(this Proto.DefineKpiRequest request) => new(
        request.KpiCode,
        Given(request.Name),
        Given(request.Unit),
        request.Measure == Proto.KpiMeasure.Unspecified ? null : CommonMapping.ToDomain<KpiMeasure>((int)request.Measure, "measure"),
        request.Direction == Proto.KpiDirection.Unspecified ? null : CommonMapping.ToDomain<KpiDirection>((int)request.Direction, "direction"),
        request.Aggregation == Proto.KpiAggregation.Unspecified ? null : CommonMapping.ToDomain<KpiAggregation>((int)request.Aggregation, "aggregation"),
        request.Baseline?.ToDomain("baseline"),
        request.Target?.ToDomain("target"),
        request.Dimensions.Count == 0 ? null : ValueList.Of(request.Dimensions));

    private static string? Given(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static LocalizedText? Given(Proto.LocalizedText? text)
    {
        var given = new LocalizedText(Given(text?.Vi), Given(text?.Ja), Given(text?.En));
        return given is { Vi: null, Ja: null, En: null } ? null : given;
    }

    /// <summary>
    /// Wire readings, refusing every malformed period at once (the grain checks the rest); a
    /// reading without a period takes <paramref name="period"/> when one is given.
    /// </summary>
    public static ValueList<KpiReadingInput> ToDomain(this IReadOnlyList<Proto.KpiReadingInput> readings, ReportingPeriod? period = null)
    {
        var parsed = new KpiReadingInput[readings.Count];
        var violations = new List<FieldViolation>();
        for (var i = 0; i < readings.Count; i++)
        {
            var reading = readings[i];
            try
            {
                parsed[i] = new KpiReadingInput(
                    reading.KpiCode,
                    period is { } shared && reading.Period.Length == 0 ? shared : ReportingPeriod.Parse(reading.Period, $"readings[{i}].period"),
                    reading.HasValue ? reading.Value : null,
                    reading.HasNumerator ? reading.Numerator : null,
                    reading.HasDenominator ? reading.Denominator : null,
                    ValueList.Of(reading.Breakdown.Select(b => new BreakdownValue(b.Dimension, b.Category, b.Value))),
                    reading.Note.OrNull());
            }
            catch (InvalidFieldException error)
            {
                violations.AddRange(error.Violations);
            }
        }
        return violations.Count == 0 ? parsed : throw new InvalidFieldException(violations);
    }

    /// <summary>A KPI with its progress as the API returns it.</summary>
    public static Proto.Kpi ToProto(this KpiView view)
    {
        var (definition, progress) = (view.Definition, view.Progress);
        var wire = new Proto.KpiProgress
        {
            Status = CommonMapping.ToProto<Proto.KpiStatus>(progress.Status),
            LatestPeriod = progress.Latest?.Period.ToString() ?? "",
            PeriodCount = progress.PeriodCount,
            ReadingCount = progress.ReadingCount,
        };
        // Sums of decimal readings carry binary noise (1184.6999999999998): six decimals are plenty.
        if (progress.CurrentValue is { } current)
            wire.CurrentValue = Math.Round(current, 6);
        if (progress.PercentOfTarget is { } percent)
            wire.PercentOfTarget = Math.Round(percent, 2);
        if (progress.Latest is { } latest)
            wire.LatestValue = latest.Value;
        var kpi = definition.ToProto();
        kpi.Progress = wire;
        return kpi;
    }

    /// <summary>A KPI definition (e.g. a template) as the API returns it, without progress.</summary>
    public static Proto.Kpi ToProto(this KpiDefinition definition) => new()
    {
        KpiCode = definition.Code,
        Name = definition.Name.ToProto(),
        Unit = definition.Unit,
        Measure = CommonMapping.ToProto<Proto.KpiMeasure>(definition.Measure),
        Direction = CommonMapping.ToProto<Proto.KpiDirection>(definition.Direction),
        Aggregation = CommonMapping.ToProto<Proto.KpiAggregation>(definition.Aggregation),
        Baseline = definition.Baseline?.ToProto(),
        Target = definition.Target?.ToProto(),
        Dimensions = { definition.Dimensions },
    };

    /// <summary>A stored reading as the API returns it.</summary>
    public static Proto.KpiReading ToProto(this StoredKpiReading reading)
    {
        var wire = new Proto.KpiReading
        {
            KpiCode = reading.KpiCode,
            Period = reading.Period.ToString(),
            Value = reading.Value,
            Breakdown = { reading.Breakdown.Select(b => new Proto.BreakdownValue { Dimension = b.Dimension, Category = b.Category, Value = b.Value }) },
            Note = reading.Note ?? "",
            SubmittedBy = reading.SubmittedBy ?? "",
            Sequence = reading.Sequence,
            RecordedAt = ((DateTimeOffset?)reading.RecordedAt).ToWire(),
        };
        if (reading.Numerator is { } numerator)
            wire.Numerator = numerator;
        if (reading.Denominator is { } denominator)
            wire.Denominator = denominator;
        return wire;
    }

    private static KpiPoint ToDomain(this Proto.KpiPoint point, string field) =>
        new(point.Value, Field.Date(point.Date, $"{field}.date"));

    private static Proto.KpiPoint ToProto(this KpiPoint point) => new() { Value = point.Value, Date = Field.Format(point.Date) };
}
