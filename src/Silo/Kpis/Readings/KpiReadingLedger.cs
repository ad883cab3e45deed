using Cooperation.Contracts.Common;
using Cooperation.Contracts.Kpis;

namespace Cooperation.Silo.Kpis.Readings;

/// <summary>
/// What a pilot needs to know about its reading history, kept in memory: per KPI the value that
/// counts for each period (the reading with the highest sequence) and how many readings exist.
/// Its size grows with the number of periods, never with the number of readings.
/// </summary>
internal sealed class KpiReadingLedger
{
    private readonly Dictionary<string, KpiReadingSeries> _series = new(StringComparer.Ordinal);

    /// <summary>Sequence of the newest reading, 0 when there is none.</summary>
    public long LastSequence { get; private set; }

    /// <summary>Readings stored for the pilot, superseded ones included.</summary>
    public long ReadingCount { get; private set; }

    /// <summary>Builds the ledger from a stored history summary.</summary>
    public static KpiReadingLedger From(KpiReadingHistory history)
    {
        var ledger = new KpiReadingLedger { LastSequence = history.LastSequence };
        foreach (var reading in history.LatestPerPeriod)
            ledger.SeriesFor(reading.KpiCode).Supersede(reading);
        foreach (var (code, count) in history.CountPerKpi)
        {
            ledger.SeriesFor(code).ReadingCount = count;
            ledger.ReadingCount += count;
        }
        return ledger;
    }

    /// <summary>A ledger of <paramref name="readings"/> alone, e.g. the approved figures of a pilot.</summary>
    public static KpiReadingLedger Of(IEnumerable<StoredKpiReading> readings)
    {
        var ledger = new KpiReadingLedger();
        ledger.Apply(readings);
        return ledger;
    }

    /// <summary>For each KPI, the reading that counts for <paramref name="period"/>, if any.</summary>
    public IEnumerable<StoredKpiReading> At(ReportingPeriod period) =>
        _series.Values.Select(series => series.At(period)).OfType<StoredKpiReading>().OrderBy(r => r.KpiCode, StringComparer.Ordinal);

    /// <summary>Takes in readings that storage has committed.</summary>
    public void Apply(IEnumerable<StoredKpiReading> readings)
    {
        foreach (var reading in readings)
        {
            var series = SeriesFor(reading.KpiCode);
            series.Supersede(reading);
            series.ReadingCount++;
            ReadingCount++;
            LastSequence = Math.Max(LastSequence, reading.Sequence);
        }
    }

    /// <summary>The KPI's series, or null before its first reading.</summary>
    public KpiReadingSeries? For(string kpiCode) => _series.GetValueOrDefault(kpiCode);

    private KpiReadingSeries SeriesFor(string kpiCode)
    {
        if (!_series.TryGetValue(kpiCode, out var series))
            _series[kpiCode] = series = new KpiReadingSeries();
        return series;
    }
}

/// <summary>The readings of one KPI: the value that counts per period, oldest period first.</summary>
internal sealed class KpiReadingSeries
{
    // A sorted list: periods number in the tens, and the newest one is read on every view.
    private readonly SortedList<ReportingPeriod, StoredKpiReading> _byPeriod = [];

    /// <summary>The reading that counts for each period, oldest period first.</summary>
    public IList<StoredKpiReading> Periods => _byPeriod.Values;

    /// <summary>The reading that counts for the newest period, or null before the first reading.</summary>
    public StoredKpiReading? Latest => _byPeriod.Count > 0 ? _byPeriod.Values[^1] : null;

    /// <summary>Readings stored for the KPI, superseded ones included.</summary>
    public long ReadingCount { get; internal set; }

    /// <summary>The reading that counts for <paramref name="period"/>, or null.</summary>
    public StoredKpiReading? At(ReportingPeriod period) => _byPeriod.GetValueOrDefault(period);

    /// <summary>A later reading of a period supersedes an earlier one; an older one never does.</summary>
    internal void Supersede(StoredKpiReading reading)
    {
        if (!_byPeriod.TryGetValue(reading.Period, out var current) || current.Sequence < reading.Sequence)
            _byPeriod[reading.Period] = reading;
    }
}
