using Cooperation.Contracts.Common;
using Cooperation.Contracts.Kpis;
using Cooperation.Silo.Journal;
using Cooperation.Silo.Kpis.Readings;

namespace Cooperation.Silo.Kpis;

/// <summary>A KPI was defined on a pilot or programme.</summary>
[EventKind("kpi.defined", 1)]
internal sealed record KpiDefined(StoredKpi Kpi) : IEntityEvent;

/// <summary>A KPI's definition was changed.</summary>
[EventKind("kpi.updated", 1)]
internal sealed record KpiUpdated(StoredKpi Kpi) : IEntityEvent;

/// <summary>Readings were recorded directly (not as a partner's update), e.g. by a city office.</summary>
[EventKind("kpi.readings-recorded", 1)]
internal sealed record ReadingsRecorded(ValueList<StoredReading> Readings) : IEntityEvent;

/// <summary>The events that change KPIs and readings, the same for every KPI subject.</summary>
internal static class KpiEvents
{
    /// <summary>The state after a KPI event; null when <paramref name="event"/> is not one.</summary>
    public static TState? Apply<TState>(TState state, IEntityEvent @event) where TState : class, IKpiSubjectState<TState> => @event switch
    {
        KpiDefined defined => state.WithKpis(state.Kpis.Add(defined.Kpi.ToContract())),
        KpiUpdated updated => state.WithKpis(state.Kpis.Replace(k => k.Code == updated.Kpi.Code, updated.Kpi.ToContract())),
        // Readings live in the ledger, built from the reading history.
        ReadingsRecorded => state,
        _ => null,
    };

    /// <summary>The readings an event records, if any.</summary>
    public static IReadOnlyList<StoredKpiReading> ReadingsOf(IEntityEvent @event) => @event switch
    {
        ReadingsRecorded recorded => StoredReading.ToContract(recorded.Readings),
        IRecordsReadings records => StoredReading.ToContract(records.Readings),
        _ => [],
    };

    /// <summary>The ledger a subject's events add up to: what rebuilding from the journal yields.</summary>
    public static KpiReadingLedger Ledger(IEnumerable<JournalEntry> entries)
    {
        var ledger = new KpiReadingLedger();
        foreach (var entry in entries)
            ledger.Apply(ReadingsOf(entry.Event));
        return ledger;
    }
}

/// <summary>An event that records readings besides what else it does (e.g. a partner's update).</summary>
internal interface IRecordsReadings
{
    /// <summary>The readings, numbered in the subject's reading history.</summary>
    ValueList<StoredReading> Readings { get; }
}
