using Cooperation.Contracts.Kpis;

namespace Cooperation.Silo.Kpis.Readings;

/// <summary>A summary of a subject's stored readings.</summary>
/// <param name="LatestPerPeriod">For each KPI and period, the reading with the highest sequence.</param>
/// <param name="CountPerKpi">Readings stored per KPI code, superseded ones included.</param>
/// <param name="LastSequence">Highest sequence stored, 0 when none.</param>
public sealed record KpiReadingHistory(
    IReadOnlyList<StoredKpiReading> LatestPerPeriod,
    IReadOnlyDictionary<string, long> CountPerKpi,
    long LastSequence)
{
    /// <summary>A subject without readings.</summary>
    public static KpiReadingHistory Empty { get; } = new([], new Dictionary<string, long>(), 0);
}
