using Cooperation.Contracts.Audit;
using Cooperation.Contracts.Common;
using Cooperation.Contracts.Submissions;
using Orleans.Concurrency;

namespace Cooperation.Contracts.Kpis;

/// <summary>
/// What carries KPIs: a pilot or a programme. KPIs are defined and changed, and readings
/// recorded, the same way for both.
/// </summary>
[Alias("coop.IKpiSubject")]
public interface IKpiSubject : IHasHistory
{
    /// <summary>
    /// Defines a KPI. Repeating the same definition is harmless; another definition under the
    /// same code throws <see cref="Common.EntityExistsException"/>.
    /// </summary>
    [Alias("DefineKpi")]
    Task<KpiView> DefineKpi(KpiDefinition kpi);

    /// <summary>
    /// Changes what <paramref name="change"/> sets and keeps the rest (<see cref="KpiChange"/>):
    /// names, direction, baseline and target at any time; unit, measure, aggregation and
    /// dimensions only while it has no readings (else FailedPrecondition).
    /// </summary>
    [Alias("UpdateKpi")]
    Task<KpiView> UpdateKpi(KpiChange change);

    /// <summary>
    /// Validates and stores readings together; returns only after they are committed to storage.
    /// Nothing is stored when any reading is refused. On a pilot the readings of each period are
    /// a submission of that period, up for review like a partner's update; with
    /// <paramref name="historical"/> (admins only) they are migrated history, approved on load
    /// with the loader as approver, and say so.
    /// </summary>
    [Alias("RecordReadings")]
    Task<ValueList<StoredKpiReading>> RecordReadings(ValueList<KpiReadingInput> readings, bool historical = false);

    /// <summary>
    /// The reading that counts for each period of a KPI, of all figures or only approved ones;
    /// NotFound when the KPI is unknown.
    /// </summary>
    [Alias("GetKpiSeries"), ReadOnly]
    Task<KpiSeriesView> GetKpiSeries(string kpiCode, FigureBasis basis = FigureBasis.All);

    /// <summary>
    /// Every KPI's series (as <see cref="GetKpiSeries"/> reads one), in the order the KPIs were
    /// defined: what a page showing all of them reads in one call.
    /// </summary>
    [Alias("ListKpiSeries"), ReadOnly]
    Task<ValueList<KpiSeriesView>> ListKpiSeries(FigureBasis basis = FigureBasis.All);

    /// <summary>
    /// Every KPI with its progress and the value that counts per period, as the readings stood at
    /// <paramref name="cutoff"/> (corrections recorded later left out), for periods up to
    /// <paramref name="upTo"/>, and only <paramref name="onlyPeriods"/> when given (e.g. those
    /// approved by then): what a report for a closed period shows, the same each time it is made.
    /// </summary>
    [Alias("GetFiguresAsOf"), ReadOnly]
    Task<ValueList<KpiFigures>> GetFiguresAsOf(DateTimeOffset cutoff, ReportingPeriod upTo, ValueList<ReportingPeriod>? onlyPeriods = null);
}
