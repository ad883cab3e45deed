using Cooperation.Contracts.Common;
using Cooperation.Contracts.Kpis;
using Cooperation.Silo.Journal;

namespace Cooperation.Silo.Kpis;

/// <summary>A KPI's definition as events store it.</summary>
/// <param name="Code">Its code.</param>
/// <param name="Name">Its name.</param>
/// <param name="Unit">Unit of every value.</param>
/// <param name="Measure">Number, percentage or yes/no.</param>
/// <param name="Direction">Whether it should rise or fall.</param>
/// <param name="Aggregation">How period readings combine.</param>
/// <param name="Baseline">Value before the pilot, if set.</param>
/// <param name="Target">Value to reach, if set.</param>
/// <param name="Dimensions">Disaggregations readings may break their value down by.</param>
internal sealed record StoredKpi(
    string Code,
    StoredText Name,
    string Unit,
    KpiMeasure Measure,
    KpiDirection Direction,
    KpiAggregation Aggregation,
    StoredKpiPoint? Baseline,
    StoredKpiPoint? Target,
    ValueList<string> Dimensions) : IStoredRecord<StoredKpi, KpiDefinition>
{
    /// <inheritdoc/>
    public static StoredKpi Of(KpiDefinition value) => new(value.Code, StoredText.Of(value.Name), value.Unit, value.Measure, value.Direction,
        value.Aggregation, value.Baseline is null ? null : StoredKpiPoint.Of(value.Baseline), value.Target is null ? null : StoredKpiPoint.Of(value.Target),
        value.Dimensions);

    /// <summary>The records of <paramref name="kpis"/>, in order.</summary>
    public static ValueList<StoredKpi> Of(IEnumerable<KpiDefinition> kpis) => ValueList.Of(kpis.Select(Of));

    /// <inheritdoc/>
    public KpiDefinition ToContract() =>
        new(Code, Name.ToContract(), Unit, Measure, Direction, Aggregation, Baseline?.ToContract(), Target?.ToContract(), Dimensions);
}

/// <summary>A stored KPI's baseline or target.</summary>
/// <param name="Value">Number in the KPI's unit.</param>
/// <param name="Date">When it was measured or is due.</param>
internal sealed record StoredKpiPoint(double Value, DateOnly Date) : IStoredRecord<StoredKpiPoint, KpiPoint>
{
    /// <inheritdoc/>
    public static StoredKpiPoint Of(KpiPoint value) => new(value.Value, value.Date);

    /// <inheritdoc/>
    public KpiPoint ToContract() => new(Value, Date);
}

/// <summary>A KPI reading as the event that records it stores it (the reading history holds the same in columns).</summary>
/// <param name="KpiCode">The KPI.</param>
/// <param name="Period">The period it covers.</param>
/// <param name="Value">Value in the KPI's unit.</param>
/// <param name="Numerator">For ratio KPIs.</param>
/// <param name="Denominator">For ratio KPIs.</param>
/// <param name="Breakdown">Disaggregation of the value, possibly empty.</param>
/// <param name="Note">Note, if any.</param>
/// <param name="SubmittedBy">The organisation that recorded it.</param>
/// <param name="Sequence">Position in the subject's reading history.</param>
/// <param name="RecordedAt">When it was stored.</param>
internal sealed record StoredReading(
    string KpiCode,
    ReportingPeriod Period,
    double Value,
    double? Numerator,
    double? Denominator,
    ValueList<StoredBreakdown> Breakdown,
    string? Note,
    string? SubmittedBy,
    long Sequence,
    DateTimeOffset RecordedAt) : IStoredRecord<StoredReading, StoredKpiReading>
{
    /// <inheritdoc/>
    public static StoredReading Of(StoredKpiReading value) => new(value.KpiCode, value.Period, value.Value, value.Numerator, value.Denominator,
        value.Breakdown.Count == 0 ? [] : ValueList.Of(value.Breakdown.Select(StoredBreakdown.Of)), value.Note, value.SubmittedBy, value.Sequence, value.RecordedAt);

    /// <summary>The records of <paramref name="readings"/>, in order.</summary>
    public static ValueList<StoredReading> Of(IEnumerable<StoredKpiReading> readings) => ValueList.Of(readings.Select(Of));

    /// <summary>The readings <paramref name="records"/> hold, in order.</summary>
    public static ValueList<StoredKpiReading> ToContract(IEnumerable<StoredReading> records) => ValueList.Of(records.Select(r => r.ToContract()));

    /// <inheritdoc/>
    public StoredKpiReading ToContract() => new(KpiCode, Period, Value, Numerator, Denominator,
        Breakdown.Count == 0 ? [] : ValueList.Of(Breakdown.Select(b => b.ToContract())), Note, SubmittedBy, Sequence, RecordedAt);
}

/// <summary>A part of a stored reading's value.</summary>
/// <param name="Dimension">A dimension of the KPI.</param>
/// <param name="Category">The category within it.</param>
/// <param name="Value">The category's share.</param>
internal sealed record StoredBreakdown(string Dimension, string Category, double Value) : IStoredRecord<StoredBreakdown, BreakdownValue>
{
    /// <inheritdoc/>
    public static StoredBreakdown Of(BreakdownValue value) => new(value.Dimension, value.Category, value.Value);

    /// <inheritdoc/>
    public BreakdownValue ToContract() => new(Dimension, Category, Value);
}
