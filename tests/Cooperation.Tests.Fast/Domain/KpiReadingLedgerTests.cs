using Cooperation.Contracts.Common;
using Cooperation.Contracts.Kpis;
using Cooperation.Silo.Kpis.Readings;

namespace Cooperation.Tests.Domain;

public sealed class KpiReadingLedgerTests
{
    private static StoredKpiReading Reading(string kpi, string period, double value, long sequence) =>
        new(kpi, ReportingPeriod.Parse(period, "p"), value, null, null, [], null, null, sequence, DateTimeOffset.UnixEpoch);

    [Fact]
    public void Built_from_a_history_summary_it_knows_counts_and_the_last_sequence()
    {
        var history = new KpiReadingHistory(
            [Reading("a", "2025-01", 1, 7), Reading("a", "2025-02", 2, 9), Reading("b", "2025-01", 3, 8)],
            new Dictionary<string, long> { ["a"] = 6, ["b"] = 3 },
            LastSequence: 9);

        var ledger = KpiReadingLedger.From(history);

        Assert.Equal(9, ledger.LastSequence);
        Assert.Equal(9, ledger.ReadingCount);
        Assert.Equal(6, ledger.For("a")!.ReadingCount);
        Assert.Equal(["2025-01", "2025-02"], ledger.For("a")!.Periods.Select(r => r.Period.ToString()));
        Assert.Null(ledger.For("c"));
    }

    [Fact]
    public void Only_a_higher_sequence_supersedes()
    {
        var ledger = new KpiReadingLedger();
        ledger.Apply([Reading("a", "2025-01", 10, 2), Reading("a", "2025-01", 99, 1)]);

        Assert.Equal(10, ledger.For("a")!.Latest!.Value);
        Assert.Equal(2, ledger.For("a")!.ReadingCount);
        Assert.Equal(2, ledger.LastSequence);
    }
}
