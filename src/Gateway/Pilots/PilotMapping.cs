using System.Globalization;
using Cooperation.Contracts.Common;
using Cooperation.Contracts.Pilots;
using Cooperation.Gateway.Common;
using Proto = Cooperation.Contracts.Grpc;

namespace Cooperation.Gateway.Pilots;

/// <summary>Pilots, KPIs and readings between the wire and the domain.</summary>
public static class PilotMapping
{
    /// <summary>A wire baseline or target; a missing one is refused by name.</summary>
    public static KpiPoint ToDomain(this Proto.KpiPoint? point, string field) => point is null
        ? throw new InvalidFieldException(field, "is required")
        : new KpiPoint(point.Value, Field.Date(point.Date, $"{field}.date"));

    /// <summary>Wire readings, refusing every malformed period at once (the grain checks the rest).</summary>
    public static KpiReadingInput[] ToDomain(this IReadOnlyList<Proto.KpiReadingInput> readings)
    {
        var parsed = new KpiReadingInput[readings.Count];
        var violations = new List<FieldViolation>();
        for (var i = 0; i < readings.Count; i++)
        {
            try
            {
                parsed[i] = new KpiReadingInput(readings[i].KpiCode, ReportingPeriod.Parse(readings[i].Period, $"readings[{i}].period"), readings[i].Value);
            }
            catch (InvalidFieldException error)
            {
                violations.AddRange(error.Violations);
            }
        }
        return violations.Count == 0 ? parsed : throw new InvalidFieldException(violations);
    }

    /// <summary>A pilot as the API returns it.</summary>
    public static Proto.Pilot ToProto(this PilotView view) => new()
    {
        PilotId = view.PilotId,
        PartnershipId = view.Definition.PartnershipId,
        Title = view.Definition.Title.ToProto(),
        Kind = CommonMapping.ToProto<Proto.PilotKind>(view.Definition.Kind),
        ReportingFrequency = CommonMapping.ToProto<Proto.ReportingFrequency>(view.Definition.Frequency),
        Kpis = { view.Kpis.Select(ToProto) },
        ReadingCount = view.ReadingCount,
    };

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
        if (progress.CurrentValue is { } current)
            wire.CurrentValue = current;
        if (progress.PercentOfTarget is { } percent)
            wire.PercentOfTarget = Math.Round(percent, 2);
        if (progress.Latest is { } latest)
            wire.LatestValue = latest.Value;
        return new Proto.Kpi
        {
            KpiCode = definition.Code,
            Name = definition.Name.ToProto(),
            Unit = definition.Unit,
            Baseline = definition.Baseline.ToProto(),
            Target = definition.Target.ToProto(),
            Aggregation = CommonMapping.ToProto<Proto.KpiAggregation>(definition.Aggregation),
            Direction = CommonMapping.ToProto<Proto.KpiDirection>(definition.Direction),
            Progress = wire,
        };
    }

    /// <summary>A KPI's series as the API returns it.</summary>
    public static Proto.KpiSeries ToProto(this KpiSeriesView view, string pilotId) => new()
    {
        PilotId = pilotId,
        KpiCode = view.Definition.Code,
        Unit = view.Definition.Unit,
        Periods = { view.Periods.Select(p => new Proto.KpiPeriodValue { Period = p.Period.ToString(), Value = p.Value }) },
    };

    /// <summary>A stored reading as the API returns it.</summary>
    public static Proto.KpiReading ToProto(this StoredKpiReading reading) => new()
    {
        KpiCode = reading.KpiCode,
        Period = reading.Period.ToString(),
        Value = reading.Value,
        Sequence = reading.Sequence,
        RecordedAt = reading.RecordedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
    };

    private static Proto.KpiPoint ToProto(this KpiPoint point) => new() { Value = point.Value, Date = Field.Format(point.Date) };
}
