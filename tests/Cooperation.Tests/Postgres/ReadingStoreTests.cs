using Cooperation.Contracts.Common;
using Cooperation.Contracts.Pilots;
using Cooperation.Silo.Pilots.Readings;
using Cooperation.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Cooperation.Tests.Postgres;

[Collection(PostgresCollection.Name)]
public sealed class ReadingStoreTests(PostgresFixture postgres) : IAsyncLifetime
{
    private PostgresKpiReadingStore _store = null!;

    public async Task InitializeAsync()
    {
        _store = new PostgresKpiReadingStore(postgres.DataSource,
            Options.Create(new ReadingJournalOptions { Writers = 2, MaxBatchReadings = 100 }),
            NullLogger<PostgresKpiReadingStore>.Instance);
        await _store.StartAsync(CancellationToken.None);
    }

    public async Task DisposeAsync() => await _store.StopAsync(CancellationToken.None);

    private static StoredKpiReading Reading(string kpi, string period, double value, long sequence) =>
        new(kpi, ReportingPeriod.Parse(period, "p"), value, sequence, DateTimeOffset.UtcNow);

    [Fact]
    public async Task Concurrent_appends_from_many_pilots_are_all_committed_when_they_complete()
    {
        var pilots = Enumerable.Range(0, 100).Select(_ => Ids.New("pilot")).ToArray();

        await Task.WhenAll(pilots.Select(async pilot =>
        {
            for (var sequence = 1; sequence <= 5; sequence++)
                await _store.AppendAsync(pilot, [Reading("k", $"2025-0{sequence}", sequence, sequence)]);
        }));

        Assert.Equal(500, await postgres.ScalarAsync<long>(
            "SELECT count(*) FROM kpi_reading WHERE pilot_id = ANY(@pilots)", ("pilots", pilots)));
    }

    [Fact]
    public async Task A_taken_sequence_fails_alone_while_its_batch_neighbours_commit()
    {
        var contested = Ids.New("pilot");
        await _store.AppendAsync(contested, [Reading("k", "2025-01", 1, 1)]);
        var others = Enumerable.Range(0, 40).Select(_ => Ids.New("pilot")).ToArray();

        var duplicate = _store.AppendAsync(contested, [Reading("k", "2025-02", 2, 2), Reading("k", "2025-03", 3, 1)]);
        var neighbours = others.Select(pilot => _store.AppendAsync(pilot, [Reading("k", "2025-01", 1, 1)])).ToArray();

        await Assert.ThrowsAsync<ConcurrentChangeException>(() => duplicate);
        await Task.WhenAll(neighbours);
        Assert.Equal(40, await postgres.ScalarAsync<long>("SELECT count(*) FROM kpi_reading WHERE pilot_id = ANY(@p)", ("p", others)));
        // All or nothing for the failed append: its first reading is not there either.
        Assert.Equal(1, await postgres.ScalarAsync<long>("SELECT count(*) FROM kpi_reading WHERE pilot_id = @p", ("p", contested)));
    }

    [Fact]
    public async Task Loading_summarises_latest_values_counts_and_last_sequence()
    {
        var pilot = Ids.New("pilot");
        await _store.AppendAsync(pilot, [Reading("a", "2025-01", 10, 1), Reading("a", "2025-01", 11, 2), Reading("b", "2025-Q1", 5, 3)]);
        await _store.AppendAsync(pilot, [Reading("a", "2025-02", 20, 4)]);

        var history = await _store.LoadAsync(pilot);

        Assert.Equal(4, history.LastSequence);
        Assert.Equal(3, history.CountPerKpi["a"]);
        Assert.Equal(1, history.CountPerKpi["b"]);
        Assert.Equal(
            ["a 2025-01 11", "a 2025-02 20", "b 2025-Q1 5"],
            history.LatestPerPeriod.Select(r => $"{r.KpiCode} {r.Period} {r.Value}").Order());
        Assert.Equal(KpiReadingHistory.Empty.LastSequence, (await _store.LoadAsync(Ids.New("pilot"))).LastSequence);
    }
}
