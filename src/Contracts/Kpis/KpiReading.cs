using Cooperation.Contracts.Common;

namespace Cooperation.Contracts.Kpis;

/// <summary>A part of a reading's value: one category of one dimension, e.g. enterprise "Công ty A".</summary>
/// <param name="Dimension">A dimension of the KPI.</param>
/// <param name="Category">The category within it.</param>
/// <param name="Value">The category's share of the value.</param>
[GenerateSerializer, Immutable, Alias("coop.BreakdownValue")]
public sealed record BreakdownValue(
    [property: Id(0)] string Dimension,
    [property: Id(1)] string Category,
    [property: Id(2)] double Value);

/// <summary>A reading as a partner submits it.</summary>
/// <param name="KpiCode">A KPI of the pilot or programme.</param>
/// <param name="Period">The reporting period it covers.</param>
/// <param name="Value">The value, for every KPI but ratios.</param>
/// <param name="Numerator">For ratio KPIs: the numerator.</param>
/// <param name="Denominator">For ratio KPIs: the denominator, above zero.</param>
/// <param name="Breakdown">Optional disaggregation of the value.</param>
/// <param name="Note">Optional note, e.g. where the figure comes from.</param>
[GenerateSerializer, Immutable, Alias("coop.KpiReadingInput")]
public sealed record KpiReadingInput(
    [property: Id(0)] string KpiCode,
    [property: Id(1)] ReportingPeriod Period,
    [property: Id(2)] double? Value,
    [property: Id(3)] double? Numerator = null,
    [property: Id(4)] double? Denominator = null,
    [property: Id(5)] ValueList<BreakdownValue>? Breakdown = null,
    [property: Id(6)] string? Note = null)
{
    /// <summary>Most readings one request may carry.</summary>
    public const int MaxPerRequest = 1000;

    /// <summary>Longest note.</summary>
    public const int MaxNoteLength = 500;
}

/// <summary>A reading as stored: the input plus its computed value and its place in the history.</summary>
/// <param name="KpiCode">The KPI.</param>
/// <param name="Period">The reporting period it covers.</param>
/// <param name="Value">Value in the KPI's unit (for ratios, numerator ÷ denominator, × 100 for percentages).</param>
/// <param name="Numerator">For ratio KPIs.</param>
/// <param name="Denominator">For ratio KPIs.</param>
/// <param name="Breakdown">Disaggregation of the value, possibly empty.</param>
/// <param name="Note">Note, if any.</param>
/// <param name="SubmittedBy">The organisation whose credential recorded it ("platform" for the platform's own).</param>
/// <param name="Sequence">Position in the pilot's or programme's reading history, from 1.</param>
/// <param name="RecordedAt">When the platform stored it (UTC).</param>
[GenerateSerializer, Immutable, Alias("coop.StoredKpiReading")]
public sealed record StoredKpiReading(
    [property: Id(0)] string KpiCode,
    [property: Id(1)] ReportingPeriod Period,
    [property: Id(2)] double Value,
    [property: Id(3)] double? Numerator,
    [property: Id(4)] double? Denominator,
    [property: Id(5)] ValueList<BreakdownValue> Breakdown,
    [property: Id(6)] string? Note,
    [property: Id(7)] string? SubmittedBy,
    [property: Id(8)] long Sequence,
    [property: Id(9)] DateTimeOffset RecordedAt);
