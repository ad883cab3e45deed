using Cooperation.Contracts.Common;

namespace Cooperation.Contracts.Pilots;

/// <summary>A reading as a partner submits it.</summary>
/// <param name="KpiCode">A KPI defined on the pilot.</param>
/// <param name="Period">The reporting period it covers.</param>
/// <param name="Value">Finite number in the KPI's unit.</param>
[GenerateSerializer, Immutable, Alias("coop.KpiReadingInput")]
public sealed record KpiReadingInput(
    [property: Id(0)] string KpiCode,
    [property: Id(1)] ReportingPeriod Period,
    [property: Id(2)] double Value)
{
    /// <summary>Most readings one request may carry.</summary>
    public const int MaxPerRequest = 1000;
}

/// <summary>A reading as stored: the input plus its place in the pilot's history.</summary>
/// <param name="KpiCode">The KPI.</param>
/// <param name="Period">The reporting period it covers.</param>
/// <param name="Value">Value in the KPI's unit.</param>
/// <param name="Sequence">Position in the pilot's reading history, from 1.</param>
/// <param name="RecordedAt">When the platform stored it (UTC).</param>
[GenerateSerializer, Immutable, Alias("coop.StoredKpiReading")]
public sealed record StoredKpiReading(
    [property: Id(0)] string KpiCode,
    [property: Id(1)] ReportingPeriod Period,
    [property: Id(2)] double Value,
    [property: Id(3)] long Sequence,
    [property: Id(4)] DateTimeOffset RecordedAt);
