using Cooperation.Contracts.Common;
using Cooperation.Contracts.Kpis;
using Cooperation.Silo.Journal;
using Cooperation.Silo.Kpis.Readings;
using Microsoft.Extensions.Hosting;
using static Cooperation.Tests.Support.JournalSamples;

namespace Cooperation.Tests.Support;

/// <summary>
/// What the grains rely on from an <see cref="IEventJournal"/>, run against every journal: the
/// PostgreSQL one (Cooperation.Tests) and the in-memory one the fast lane's grains stand on
/// (Cooperation.Tests.Fast), so the fast lane cannot drift from production. Each test uses fresh
/// ids; several journals on one storage are several silos.
/// </summary>
public abstract class EventJournalContract : IAsyncLifetime
{
    private readonly List<IEventJournal> _running = [];

    /// <summary>A new journal on the storage under test, not started; each is another writer on the same storage.</summary>
    protected abstract IEventJournal NewJournal();

    private async Task<IEventJournal> StartAsync()
    {
        var journal = NewJournal();
        await ((IHostedService)journal).StartAsync(CancellationToken.None);
        _running.Add(journal);
        return journal;
    }

    private async Task StopAsync(IEventJournal journal)
    {
        _running.Remove(journal);
        await ((IHostedService)journal).StopAsync(CancellationToken.None);
    }

    /// <inheritdoc/>
    public Task InitializeAsync() => Task.CompletedTask;

    /// <inheritdoc/>
    public async Task DisposeAsync()
    {
        foreach (var journal in _running.ToArray())
            await StopAsync(journal);
    }

    [Fact]
    public async Task Events_read_back_in_order_with_their_actor_scope_and_request()
    {
        var journal = await StartAsync();
        var pilot = Ids.New("pilot");
        await journal.AppendAsync(new JournalAppend([Event(pilot, 1, "p1", key: "create-1"), Event(pilot, 2, "p1"), Event(pilot, 3, "p1")], []));

        var all = await journal.ReadAsync("pilot", pilot, afterSequence: 0);

        Assert.Equal([1L, 2, 3], all.Select(e => e.Sequence));
        Assert.Equal(Event(pilot, 2).Event, all[1].Event);
        // The actor is kept as organisation, role and credential; its city is not stored.
        Assert.Equal(Actor with { CityId = "" }, all[0].Actor);
        Assert.Equal(At, all[0].RecordedAt);
        Assert.Equal("p1", all[0].Scope);
        Assert.Equal(("create-1", "hash-create-1"), (all[0].IdempotencyKey, all[0].RequestHash));
        Assert.Null(all[1].IdempotencyKey);
        Assert.Equal([2L], (await journal.ReadAsync("pilot", pilot, afterSequence: 1, limit: 1)).Select(e => e.Sequence));
        Assert.Equal([3L, 2], (await journal.ReadBackwardAsync("pilot", pilot, beforeSequence: long.MaxValue, limit: 2)).Select(e => e.Sequence));
        Assert.Equal([2L, 1], (await journal.ReadBackwardAsync("pilot", pilot, beforeSequence: 3, limit: 10)).Select(e => e.Sequence));
        Assert.Empty(await journal.ReadAsync("city", pilot, afterSequence: 0));
    }

    [Fact]
    public async Task A_person_acting_is_kept_as_their_account_beside_organisation_and_role()
    {
        var journal = await StartAsync();
        var (pilot, scope) = (Ids.New("pilot"), Ids.New("partnership"));
        var person = new Contracts.Access.Caller("hp-dofa", Contracts.Access.Role.CityOffice, null, "hai-phong", "acct-lan");
        await journal.AppendAsync(new JournalAppend([Event(pilot, 1, scope) with { Actor = person }, Event(pilot, 2, scope)], []));

        var all = await journal.ReadAsync("pilot", pilot, afterSequence: 0);
        var backward = await journal.ReadBackwardAsync("pilot", pilot, beforeSequence: long.MaxValue, limit: 2);
        // The feed may hold events back while another test's transaction runs (FeedAsync waits).
        var feed = await FeedAsync(journal, scope, after: 0, count: 2);

        Assert.Equal(person with { CityId = "" }, all[0].Actor);
        Assert.Equal("acct-lan", backward[1].Actor.AccountId);
        Assert.Equal("acct-lan", feed.Single(e => e.EntityId == pilot && e.Sequence == 1).Actor.AccountId);
        // A key's change names no person.
        Assert.Null(all[1].Actor.AccountId);
    }

    [Fact]
    public async Task An_append_is_committed_for_every_writer_when_it_completes()
    {
        var writer = await StartAsync();
        var reader = await StartAsync();
        var pilots = Enumerable.Range(0, 30).Select(_ => Ids.New("pilot")).ToArray();

        await Task.WhenAll(pilots.Select(async pilot =>
        {
            for (var sequence = 1; sequence <= 3; sequence++)
            {
                await writer.AppendAsync(Append(pilot, sequence, Reading("k", $"2025-0{sequence}", sequence, sequence)));
                Assert.Equal(sequence, (await reader.ReadAsync("pilot", pilot, afterSequence: 0)).Count);
                Assert.Equal(sequence, (await reader.LoadReadingsAsync("pilots/" + pilot)).LastSequence);
            }
        }));
    }

    [Fact]
    public async Task A_taken_sequence_refuses_the_second_writer_whose_append_stores_nothing()
    {
        var first = await StartAsync();
        var second = await StartAsync();
        var contested = Ids.New("pilot");
        var neighbours = Enumerable.Range(0, 10).Select(_ => Ids.New("pilot")).ToArray();
        await first.AppendAsync(Append(contested, 1, Reading("k", "2025-01", 1, 1)));

        var others = neighbours.Select(pilot => second.AppendAsync(Append(pilot, 1))).ToList();
        var taken = second.AppendAsync(new JournalAppend([Event(contested, 2), Event(contested, 1)],
            [new SubjectReading("pilots/" + contested, Reading("k", "2025-02", 2, 2))]));

        await Assert.ThrowsAsync<ConcurrentChangeException>(() => taken);
        await Task.WhenAll(others);
        foreach (var pilot in neighbours)
            Assert.Single(await first.ReadAsync("pilot", pilot, afterSequence: 0));
        // All or nothing: neither the append's other event nor its reading is there.
        Assert.Equal([1L], (await first.ReadAsync("pilot", contested, afterSequence: 0)).Select(e => e.Sequence));
        Assert.Equal(1, (await first.LoadReadingsAsync("pilots/" + contested)).LastSequence);
    }

    [Fact]
    public async Task A_taken_reading_sequence_refuses_the_whole_append()
    {
        var journal = await StartAsync();
        var pilot = Ids.New("pilot");
        await journal.AppendAsync(Append(pilot, 1, Reading("k", "2025-01", 1, 1)));

        await Assert.ThrowsAsync<ConcurrentChangeException>(() => journal.AppendAsync(Append(pilot, 2, Reading("k", "2025-02", 2, 2), Reading("k", "2025-03", 3, 1))));
        await Assert.ThrowsAsync<ConcurrentChangeException>(() => journal.AppendAsync(Append(pilot, 2, Reading("k", "2025-02", 2, 2), Reading("k", "2025-03", 3, 2))));

        Assert.Single(await journal.ReadAsync("pilot", pilot, afterSequence: 0));
        var history = await journal.LoadReadingsAsync("pilots/" + pilot);
        Assert.Equal((1L, 1L), (history.LastSequence, history.CountPerKpi["k"]));
    }

    [Fact]
    public async Task A_used_idempotency_key_is_refused_as_a_duplicate_and_found_again()
    {
        var journal = await StartAsync();
        var elsewhere = await StartAsync();
        var pilot = Ids.New("pilot");
        await journal.AppendAsync(new JournalAppend([Event(pilot, 1, key: "update-1")], []));

        var duplicate = await Assert.ThrowsAsync<DuplicateRequestException>(() =>
            elsewhere.AppendAsync(new JournalAppend([Event(pilot, 2, key: "update-1")], [])));

        Assert.Equal("update-1", duplicate.IdempotencyKey);
        Assert.Single(await journal.ReadAsync("pilot", pilot, afterSequence: 0));
        var first = await elsewhere.FindAsync("pilot", pilot, "update-1");
        Assert.Equal((1L, "hash-update-1"), (first!.Sequence, first.RequestHash));
        Assert.Null(await journal.FindAsync("pilot", pilot, "update-2"));
        // A key is its entity's own: another entity may use it too.
        await journal.AppendAsync(new JournalAppend([Event(Ids.New("pilot"), 1, key: "update-1")], []));
    }

    [Fact]
    public async Task The_reading_history_summarises_latest_values_counts_and_last_sequence()
    {
        var journal = await StartAsync();
        var pilot = Ids.New("pilot");
        await journal.AppendAsync(Append(pilot, 1, Reading("a", "2025-01", 10, 1), Reading("a", "2025-01", 11, 2), Reading("b", "2025-Q1", 5, 3)));
        await journal.AppendAsync(Append(pilot, 2, Reading("a", "2025-02", 20, 4)));

        var history = await journal.LoadReadingsAsync("pilots/" + pilot);

        Assert.Equal(4, history.LastSequence);
        Assert.Equal(3, history.CountPerKpi["a"]);
        Assert.Equal(1, history.CountPerKpi["b"]);
        Assert.Equal(["a 2025-01 11", "a 2025-02 20", "b 2025-Q1 5"], history.LatestPerPeriod.Select(r => $"{r.KpiCode} {r.Period} {r.Value}"));
        Assert.Equal(0, (await journal.LoadReadingsAsync("pilots/" + Ids.New("pilot"))).LastSequence);
    }

    [Fact]
    public async Task The_reading_history_as_of_an_instant_leaves_out_what_was_recorded_after_it()
    {
        var journal = await StartAsync();
        var pilot = Ids.New("pilot");
        var subject = "pilots/" + pilot;
        await journal.AppendAsync(Append(pilot, 1, Reading("a", "2025-01", 10, 1, At), Reading("b", "2025-01", 5, 2, At)));
        await journal.AppendAsync(Append(pilot, 2, Reading("a", "2025-01", 11, 3, At.AddDays(1)), Reading("a", "2025-02", 20, 4, At.AddDays(1))));
        await journal.AppendAsync(Append(pilot, 3, Reading("a", "2025-01", 12, 5, At.AddDays(2))));

        static string[] Latest(KpiReadingHistory history) => history.LatestPerPeriod.Select(r => $"{r.KpiCode} {r.Period} {r.Value}").ToArray();
        var then = await journal.LoadReadingsAsync(subject, asOf: At.AddDays(1));
        var before = await journal.LoadReadingsAsync(subject, asOf: At.AddSeconds(-1));
        var now = await journal.LoadReadingsAsync(subject);

        // Recorded at the instant itself counts.
        Assert.Equal(["a 2025-01 11", "a 2025-02 20", "b 2025-01 5"], Latest(then));
        Assert.Equal((4L, 3L, 1L), (then.LastSequence, then.CountPerKpi["a"], then.CountPerKpi["b"]));
        Assert.Equal((0L, 0), (before.LastSequence, before.LatestPerPeriod.Count));
        Assert.Equal(["a 2025-01 12", "a 2025-02 20", "b 2025-01 5"], Latest(now));
        Assert.Equal(5, now.LastSequence);
    }

    [Fact]
    public async Task Readings_round_trip_with_ratio_parts_breakdowns_notes_and_submitters()
    {
        var journal = await StartAsync();
        var pilot = Ids.New("pilot");
        var reading = new StoredKpiReading("share", ReportingPeriod.Parse("2025-Q1", "p"), 25, 5, 20,
            [new BreakdownValue("sector", "Dệt may", 3), new BreakdownValue("sector", "食品", 2)], "Bản ghi thử", "hp-dofa", 1,
            new DateTimeOffset(2025, 4, 2, 3, 4, 5, TimeSpan.Zero));

        await journal.AppendAsync(Append(pilot, 1, reading));

        Assert.Equal(reading, Assert.Single((await journal.LoadReadingsAsync("pilots/" + pilot)).LatestPerPeriod));
    }

    [Fact]
    public async Task Times_are_kept_to_the_microsecond()
    {
        var journal = await StartAsync();
        var pilot = Ids.New("pilot");
        var precise = At.AddTicks(1_234_567);
        await journal.AppendAsync(new JournalAppend([Event(pilot, 1) with { RecordedAt = precise }],
            [new SubjectReading("pilots/" + pilot, Reading("k", "2025-01", 1, 1, precise))]));

        Assert.Equal(At.AddTicks(1_234_560), Assert.Single(await journal.ReadAsync("pilot", pilot, afterSequence: 0)).RecordedAt);
        Assert.Equal(At.AddTicks(1_234_560), Assert.Single((await journal.LoadReadingsAsync("pilots/" + pilot)).LatestPerPeriod).RecordedAt);
    }

    [Fact]
    public async Task A_scopes_feed_lists_its_events_in_commit_order()
    {
        var journal = await StartAsync();
        var other = await StartAsync();
        var scope = Ids.New("partnership");
        var elsewhere = Ids.New("partnership");
        var (a, b) = (Ids.New("pilot"), Ids.New("pilot"));
        await journal.AppendAsync(new JournalAppend([Event(a, 1, scope), Event(a, 2, scope)], []));
        await other.AppendAsync(new JournalAppend([Event(b, 1, scope)], []));
        await journal.AppendAsync(new JournalAppend([Event(Ids.New("pilot"), 1, elsewhere)], []));
        await journal.AppendAsync(new JournalAppend([Event(Ids.New("pilot"), 1)], []));
        await other.AppendAsync(new JournalAppend([Event(a, 3, scope)], []));

        var feed = await FeedAsync(journal, scope, after: 0, count: 4);

        Assert.Equal([(a, 1L), (a, 2L), (b, 1L), (a, 3L)], feed.Select(e => (e.EntityId, e.Sequence)));
        Assert.True(feed.Zip(feed.Skip(1)).All(pair => 0 < pair.First.FeedPosition && pair.First.FeedPosition < pair.Second.FeedPosition));
        Assert.Equal(feed[^1].FeedPosition, await other.LastFeedPositionAsync(scope));
        Assert.Equal(feed.Skip(2).Select(e => e.FeedPosition), (await other.ReadFeedAsync(scope, feed[1].FeedPosition, 100)).Select(e => e.FeedPosition));
        Assert.Equal(feed.Take(2).Select(e => e.FeedPosition), (await journal.ReadFeedAsync(scope, 0, limit: 2)).Select(e => e.FeedPosition));
        Assert.Single(await FeedAsync(journal, elsewhere, after: 0, count: 1));
        Assert.Empty(await journal.ReadFeedAsync(Ids.New("partnership"), 0, 100));
        Assert.Equal(0, await journal.LastFeedPositionAsync(Ids.New("partnership")));
    }

    [Fact]
    public async Task An_append_that_breaks_a_storage_rule_stores_nothing_and_fails_as_a_fault()
    {
        var journal = await StartAsync();
        var pilot = Ids.New("pilot");
        JournalAppend[] refused =
        [
            new([Event(pilot, 1) with { EntityType = "Pilot" }], []),
            new([Event(pilot, 0)], []),
            new([Event(pilot, 1) with { RecordedAt = At.ToOffset(TimeSpan.FromHours(7)) }], []),
            Append(pilot, 1, Reading("k", "2025-01", double.NaN, 1)),
            Append(pilot, 1, Reading("k", "2025-01", 1, 0)),
            new([Event(pilot, 1)], [new SubjectReading("pilot/" + pilot, Reading("k", "2025-01", 1, 1))]),
        ];

        foreach (var append in refused)
            await Assert.ThrowsAsync<InternalFaultException>(() => journal.AppendAsync(append));

        Assert.Empty(await journal.ReadAsync("pilot", pilot, afterSequence: 0));
        Assert.Equal(0, (await journal.LoadReadingsAsync("pilots/" + pilot)).LastSequence);
    }

    [Fact]
    public async Task Appends_after_shutdown_are_refused_as_unavailable()
    {
        var journal = await StartAsync();
        await StopAsync(journal);

        await Assert.ThrowsAsync<StorageUnavailableException>(() => journal.AppendAsync(Append(Ids.New("pilot"), 1)));
    }
}
