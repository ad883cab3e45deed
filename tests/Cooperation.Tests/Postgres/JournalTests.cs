using Cooperation.Contracts.Common;
using Cooperation.Silo.Journal;
using Cooperation.Tests.Support;
using static Cooperation.Tests.Support.JournalSamples;

namespace Cooperation.Tests.Postgres;

/// <summary>
/// What only the PostgreSQL journal does: group commit over several writers, a failed append
/// isolated from its batch, a feed held back behind older transactions. What every journal
/// does is <see cref="EventJournalContract"/> (<see cref="PostgresJournalContractTests"/>).
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class JournalTests(PostgresFixture postgres)
{
    private PostgresEventJournal Journal(int writers) => StandaloneJournal.Create(postgres.DataSource,
        new JournalOptions { Writers = writers, MaxBatchRows = 1000 });

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
    public async Task The_feed_holds_back_events_an_older_running_transaction_could_still_precede() => await WithJournalAsync(async journal =>
    {
        var scope = Ids.New("partnership");
        var pilot = Ids.New("pilot");
        await journal.AppendAsync(new JournalAppend([Event(pilot, 1, scope)], []));
        // Other tests' transactions (anywhere in the cluster) hold the feed back while they run: wait them out.
        var first = Assert.Single(await FeedAsync(journal, scope, after: 0, count: 1));

        // A writer that started earlier and has not committed yet: what it writes would come first.
        await using var older = await postgres.DataSource.OpenConnectionAsync();
        await using var transaction = await older.BeginTransactionAsync();
        await using (var takeId = new Npgsql.NpgsqlCommand("SELECT pg_current_xact_id()", older, transaction))
            await takeId.ExecuteScalarAsync();
        await journal.AppendAsync(new JournalAppend([Event(pilot, 2, scope)], []));

        Assert.Empty(await journal.ReadFeedAsync(scope, first.FeedPosition, 100));
        await transaction.RollbackAsync();
        var next = Assert.Single(await FeedAsync(journal, scope, first.FeedPosition, count: 1));
        Assert.Equal(2, next.Sequence);
        Assert.Empty(await journal.ReadFeedAsync(Ids.New("partnership"), 0, 100));
        return true;
    });
}
