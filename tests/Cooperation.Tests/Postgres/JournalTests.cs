using Cooperation.Contracts.Access;
using Cooperation.Contracts.Common;
using Cooperation.Contracts.Kpis;
using Cooperation.Contracts.Pilots;
using Cooperation.Silo.Journal;
using Cooperation.Silo.Pilots;
using Cooperation.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Cooperation.Tests.Postgres;

[Collection(PostgresCollection.Name)]
public sealed class JournalTests(PostgresFixture postgres)
{
    private static readonly Caller Actor = new("hp-dofa", Role.CityOffice, "cred-test", "hai-phong");

    private PostgresEventJournal Journal(int writers) => StandaloneJournal.Create(postgres.DataSource,
        new JournalOptions { Writers = writers, MaxBatchRows = 1000 });

    private static JournalEntry Event(string pilot, long sequence, string? scope = null, string? key = null) =>
        new("pilot", pilot, sequence, new PilotStatusChanged(PilotStatus.Proposed, PilotStatus.Approved, $"step {sequence}"),
            new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero), Actor, scope, key, key is null ? null : "hash-" + key);

    private static StoredKpiReading Reading(string kpi, string period, double value, long sequence) =>
        new(kpi, ReportingPeriod.Parse(period, "p"), value, null, null, [], null, null, sequence, DateTimeOffset.UtcNow);

    private static JournalAppend Append(string pilot, long sequence, params StoredKpiReading[] readings) =>
        new([Event(pilot, sequence)], readings.Select(r => new SubjectReading("pilots/" + pilot, r)).ToArray());

    private async Task<long> CountAsync(string table, string column, params string[] ids) =>
        await postgres.ScalarAsync<long>($"SELECT count(*) FROM {table} WHERE {column} = ANY(@p)", ("p", ids));

    private Task<long> EventsAsync(params string[] pilots) => CountAsync("entity_event", "entity_id", pilots);

    private Task<long> ReadingsAsync(params string[] pilots) =>
        CountAsync("kpi_reading", "subject_id", pilots.Select(p => "pilots/" + p).ToArray());

    private async Task<T> WithJournalAsync<T>(Func<PostgresEventJournal, Task<T>> use, int writers = 1)
    {
        var journal = Journal(writers);
        await journal.StartAsync(CancellationToken.None);
        try
        {
            return await use(journal);
        }
        finally
        {
            await journal.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task Concurrent_appends_from_many_entities_are_all_committed_when_they_complete() => await WithJournalAsync(async journal =>
    {
        var pilots = Enumerable.Range(0, 100).Select(_ => Ids.New("pilot")).ToArray();

        await Task.WhenAll(pilots.Select(async pilot =>
        {
            for (var sequence = 1; sequence <= 5; sequence++)
            {
                await journal.AppendAsync(Append(pilot, sequence, Reading("k", $"2025-0{sequence}", sequence, sequence)));
                // Completed means committed: the rows are visible to anyone now.
                Assert.Equal(sequence, await EventsAsync(pilot));
                Assert.Equal(sequence, await ReadingsAsync(pilot));
            }
        }));

        Assert.Equal(500, await EventsAsync(pilots));
        return true;
    }, writers: 4);

    [Fact]
    public async Task A_taken_sequence_fails_alone_and_whole_while_its_batch_neighbours_commit()
    {
        var contested = Ids.New("pilot");
        var others = Enumerable.Range(0, 40).Select(_ => Ids.New("pilot")).ToArray();
        await WithJournalAsync(journal => journal.AppendAsync(Append(contested, 1, Reading("k", "2025-01", 1, 1))).ContinueWith(_ => true));

        // Queued before the single writer starts, so all of them land in one batch.
        var journal = Journal(writers: 1);
        var neighbours = others.Take(20).Select(pilot => journal.AppendAsync(Append(pilot, 1))).ToList();
        var taken = journal.AppendAsync(new JournalAppend([Event(contested, 2), Event(contested, 1)],
            [new SubjectReading("pilots/" + contested, Reading("k", "2025-02", 2, 2))]));
        neighbours.AddRange(others.Skip(20).Select(pilot => journal.AppendAsync(Append(pilot, 1))));
        await journal.StartAsync(CancellationToken.None);

        await Assert.ThrowsAsync<ConcurrentChangeException>(() => taken);
        await Task.WhenAll(neighbours);
        Assert.Equal(40, await EventsAsync(others));
        // All or nothing for the failed append: neither its other event nor its reading is there.
        Assert.Equal(1, await EventsAsync(contested));
        Assert.Equal(1, await ReadingsAsync(contested));
        await journal.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_used_idempotency_key_is_refused_as_a_duplicate_and_found_again() => await WithJournalAsync(async journal =>
    {
        var pilot = Ids.New("pilot");
        await journal.AppendAsync(new JournalAppend([Event(pilot, 1, key: "update-1")], []));

        var duplicate = await Assert.ThrowsAsync<DuplicateRequestException>(() =>
            journal.AppendAsync(new JournalAppend([Event(pilot, 2, key: "update-1")], [])));

        Assert.Equal("update-1", duplicate.IdempotencyKey);
        Assert.Equal(1, await EventsAsync(pilot));
        var first = await journal.FindAsync("pilot", pilot, "update-1");
        Assert.Equal(1, first!.Sequence);
        Assert.Equal("hash-update-1", first.RequestHash);
        Assert.Null(await journal.FindAsync("pilot", pilot, "update-2"));
        return true;
    });

    [Fact]
    public async Task Events_round_trip_with_their_actor_scope_and_order() => await WithJournalAsync(async journal =>
    {
        var pilot = Ids.New("pilot");
        await journal.AppendAsync(new JournalAppend([Event(pilot, 1, "p1"), Event(pilot, 2, "p1"), Event(pilot, 3, "p1")], []));

        var all = await journal.ReadAsync("pilot", pilot, afterSequence: 0);
        var tail = await journal.ReadAsync("pilot", pilot, afterSequence: 1, limit: 1);
        var newest = await journal.ReadBackwardAsync("pilot", pilot, beforeSequence: long.MaxValue, limit: 2);

        Assert.Equal([1L, 2, 3], all.Select(e => e.Sequence));
        Assert.Equal(Event(pilot, 2, "p1").Event, all[1].Event);
        Assert.Equal((Actor.OrganisationId, Actor.Role, Actor.CredentialId), (all[0].Actor.OrganisationId, all[0].Actor.Role, all[0].Actor.CredentialId));
        Assert.Equal(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero), all[0].RecordedAt);
        Assert.Equal("p1", all[0].Scope);
        Assert.Equal([2L], tail.Select(e => e.Sequence));
        Assert.Equal([3L, 2], newest.Select(e => e.Sequence));
        Assert.True(all[0].FeedPosition < all[1].FeedPosition);
        return true;
    });

    [Fact]
    public async Task Readings_round_trip_with_ratio_parts_breakdowns_notes_and_submitters() => await WithJournalAsync(async journal =>
    {
        var pilot = Ids.New("pilot");
        var reading = new StoredKpiReading("share", ReportingPeriod.Parse("2025-Q1", "p"), 25, 5, 20,
            [new BreakdownValue("sector", "Dệt may", 3), new BreakdownValue("sector", "食品", 2)], "Bản ghi thử", "hp-dofa", 1,
            new DateTimeOffset(2025, 4, 2, 3, 4, 5, TimeSpan.Zero));

        await journal.AppendAsync(Append(pilot, 1, reading));

        Assert.Equal(reading, Assert.Single((await journal.LoadReadingsAsync("pilots/" + pilot)).LatestPerPeriod));
        return true;
    });

    [Fact]
    public async Task Loading_readings_summarises_latest_values_counts_and_last_sequence() => await WithJournalAsync(async journal =>
    {
        var pilot = Ids.New("pilot");
        await journal.AppendAsync(Append(pilot, 1, Reading("a", "2025-01", 10, 1), Reading("a", "2025-01", 11, 2), Reading("b", "2025-Q1", 5, 3)));
        await journal.AppendAsync(Append(pilot, 2, Reading("a", "2025-02", 20, 4)));

        var history = await journal.LoadReadingsAsync("pilots/" + pilot);

        Assert.Equal(4, history.LastSequence);
        Assert.Equal(3, history.CountPerKpi["a"]);
        Assert.Equal(1, history.CountPerKpi["b"]);
        Assert.Equal(["a 2025-01 11", "a 2025-02 20", "b 2025-Q1 5"],
            history.LatestPerPeriod.Select(r => $"{r.KpiCode} {r.Period} {r.Value}").Order());
        Assert.Equal(0, (await journal.LoadReadingsAsync("pilots/" + Ids.New("pilot"))).LastSequence);
        return true;
    });

    [Fact]
    public async Task The_feed_holds_back_events_an_older_running_transaction_could_still_precede() => await WithJournalAsync(async journal =>
    {
        var scope = Ids.New("partnership");
        var pilot = Ids.New("pilot");
        await journal.AppendAsync(new JournalAppend([Event(pilot, 1, scope)], []));
        // Other tests' transactions (anywhere in the cluster) hold the feed back while they run: wait them out.
        var first = Assert.Single(await FeedAsync(journal, scope, 0));

        // A writer that started earlier and has not committed yet: what it writes would come first.
        await using var older = await postgres.DataSource.OpenConnectionAsync();
        await using var transaction = await older.BeginTransactionAsync();
        await using (var takeId = new Npgsql.NpgsqlCommand("SELECT pg_current_xact_id()", older, transaction))
            await takeId.ExecuteScalarAsync();
        await journal.AppendAsync(new JournalAppend([Event(pilot, 2, scope)], []));

        Assert.Empty(await journal.ReadFeedAsync(scope, first.FeedPosition, 100));
        await transaction.RollbackAsync();
        var next = Assert.Single(await FeedAsync(journal, scope, first.FeedPosition));
        Assert.Equal(2, next.Sequence);
        Assert.Empty(await journal.ReadFeedAsync(Ids.New("partnership"), 0, 100));
        return true;
    });

    /// <summary>The feed after <paramref name="after"/> once it holds something (or after 10 s).</summary>
    private static async Task<IReadOnlyList<JournalEntry>> FeedAsync(PostgresEventJournal journal, string scope, long after)
    {
        var until = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var entries = await journal.ReadFeedAsync(scope, after, 100);
            if (entries.Count > 0 || DateTime.UtcNow > until)
                return entries;
            await Task.Delay(50);
        }
    }

    [Fact]
    public async Task Appends_after_shutdown_are_refused_as_unavailable()
    {
        var journal = Journal(writers: 1);
        await journal.StartAsync(CancellationToken.None);
        await journal.StopAsync(CancellationToken.None);

        await Assert.ThrowsAsync<StorageUnavailableException>(() => journal.AppendAsync(Append(Ids.New("pilot"), 1)));
    }
}
