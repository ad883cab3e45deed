using Cooperation.Contracts.Common;
using Cooperation.Contracts.Kpis;
using Cooperation.Silo.Kpis.Readings;
using Cooperation.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Cooperation.Tests.Postgres;

[Collection(PostgresCollection.Name)]
public sealed class ReadingStoreTests(PostgresFixture postgres)
{
    private PostgresKpiReadingStore Store(int writers) => new(postgres.DataSource,
        Options.Create(new ReadingStoreOptions { Writers = writers, MaxBatchReadings = 1000 }),
        NullLogger<PostgresKpiReadingStore>.Instance);

    private static StoredKpiReading Reading(string kpi, string period, double value, long sequence) =>
        new(kpi, ReportingPeriod.Parse(period, "p"), value, null, null, [], null, null, sequence, DateTimeOffset.UtcNow);

    private static string Subject() => "pilots/" + Ids.New("pilot");

    private async Task<long> CountAsync(params string[] subjects) =>
        await postgres.ScalarAsync<long>("SELECT count(*) FROM kpi_reading WHERE subject_id = ANY(@p)", ("p", subjects));

    [Fact]
    public async Task Concurrent_appends_from_many_pilots_are_all_committed_when_they_complete()
    {
        var store = Store(writers: 4);
        await store.StartAsync(CancellationToken.None);
        var pilots = Enumerable.Range(0, 100).Select(_ => Subject()).ToArray();

        await Task.WhenAll(pilots.Select(async pilot =>
        {
            for (var sequence = 1; sequence <= 5; sequence++)
            {
                await store.AppendAsync(pilot, [Reading("k", $"2025-0{sequence}", sequence, sequence)]);
                // Completed means committed: the row is visible to anyone now.
                Assert.Equal(sequence, await CountAsync(pilot));
            }
        }));

        Assert.Equal(500, await CountAsync(pilots));
        await store.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_taken_sequence_fails_alone_while_its_batch_neighbours_commit()
    {
        var contested = Subject();
        var others = Enumerable.Range(0, 40).Select(_ => Subject()).ToArray();
        var first = Store(writers: 1);
        await first.StartAsync(CancellationToken.None);
        await first.AppendAsync(contested, [Reading("k", "2025-01", 1, 1)]);
        await first.StopAsync(CancellationToken.None);

        // Queued before the single writer starts, so all of them land in one batch.
        var store = Store(writers: 1);
        var neighbours = others.Take(20).Select(pilot => store.AppendAsync(pilot, [Reading("k", "2025-01", 1, 1)])).ToList();
        var duplicate = store.AppendAsync(contested, [Reading("k", "2025-02", 2, 2), Reading("k", "2025-03", 3, 1)]);
        neighbours.AddRange(others.Skip(20).Select(pilot => store.AppendAsync(pilot, [Reading("k", "2025-01", 1, 1)])));
        await store.StartAsync(CancellationToken.None);

        await Assert.ThrowsAsync<ConcurrentChangeException>(() => duplicate);
        await Task.WhenAll(neighbours);
        Assert.Equal(40, await CountAsync(others));
        // All or nothing for the failed append: its first reading is not there either.
        Assert.Equal(1, await CountAsync(contested));
        await store.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Ratio_parts_breakdowns_notes_and_submitters_round_trip()
    {
        var store = Store(writers: 1);
        await store.StartAsync(CancellationToken.None);
        var subject = Subject();
        var reading = new StoredKpiReading("share", ReportingPeriod.Parse("2025-Q1", "p"), 25, 5, 20,
            [new BreakdownValue("sector", "Dệt may", 3), new BreakdownValue("sector", "食品", 2)], "Bản ghi thử", "hp-dofa", 1,
            new DateTimeOffset(2025, 4, 2, 3, 4, 5, TimeSpan.Zero));

        await store.AppendAsync(subject, [reading]);
        var loaded = Assert.Single((await store.LoadAsync(subject)).LatestPerPeriod);

        Assert.Equal(reading, loaded);
        await store.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Loading_summarises_latest_values_counts_and_last_sequence()
    {
        var store = Store(writers: 1);
        await store.StartAsync(CancellationToken.None);
        var pilot = Subject();
        await store.AppendAsync(pilot, [Reading("a", "2025-01", 10, 1), Reading("a", "2025-01", 11, 2), Reading("b", "2025-Q1", 5, 3)]);
        await store.AppendAsync(pilot, [Reading("a", "2025-02", 20, 4)]);

        var history = await store.LoadAsync(pilot);

        Assert.Equal(4, history.LastSequence);
        Assert.Equal(3, history.CountPerKpi["a"]);
        Assert.Equal(1, history.CountPerKpi["b"]);
        Assert.Equal(
            ["a 2025-01 11", "a 2025-02 20", "b 2025-Q1 5"],
            history.LatestPerPeriod.Select(r => $"{r.KpiCode} {r.Period} {r.Value}").Order());
        Assert.Equal(0, (await store.LoadAsync(Subject())).LastSequence);
        await store.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Appends_after_shutdown_are_refused_as_unavailable()
    {
        var store = Store(writers: 1);
        await store.StartAsync(CancellationToken.None);
        await store.StopAsync(CancellationToken.None);

        await Assert.ThrowsAsync<StorageUnavailableException>(() => store.AppendAsync(Subject(), [Reading("k", "2025-01", 1, 1)]));
    }
}
