using Orleans.Concurrency;

namespace Cooperation.Contracts.Pilots;

/// <summary>
/// A pilot project, keyed by its id: its definition, KPIs and the summary of its readings.
/// Readings are appended to an append-only history, so recording one costs the same
/// however many the pilot already holds.
/// </summary>
[Alias("coop.IPilotGrain")]
public interface IPilotGrain : IGrainWithStringKey
{
    /// <summary>
    /// Creates the pilot in an existing partnership and lists it there. Repeating the same
    /// definition returns the pilot; another definition throws <see cref="Common.EntityExistsException"/>.
    /// </summary>
    [Alias("Create")]
    Task<PilotView> Create(PilotDefinition definition);

    /// <summary>Reads the pilot with its KPI progress; <see cref="Common.EntityNotFoundException"/> when unknown.</summary>
    [Alias("Get"), ReadOnly]
    Task<PilotView> Get();

    /// <summary>
    /// The value that counts for each reported period of a KPI; <see cref="Common.EntityNotFoundException"/>
    /// when the pilot or KPI is unknown.
    /// </summary>
    [Alias("GetKpiSeries"), ReadOnly]
    Task<KpiSeriesView> GetKpiSeries(string kpiCode);

    /// <summary>
    /// Defines a KPI. Repeating the same definition is harmless; another definition under the
    /// same code throws <see cref="Common.EntityExistsException"/>.
    /// </summary>
    [Alias("DefineKpi")]
    Task<KpiView> DefineKpi(KpiDefinition kpi);

    /// <summary>
    /// Validates and stores readings together; returns only after they are committed to storage.
    /// Nothing is stored when any reading is refused.
    /// </summary>
    [Alias("RecordReadings")]
    Task<IReadOnlyList<StoredKpiReading>> RecordReadings(IReadOnlyList<KpiReadingInput> readings);
}
