using System.Text.Json.Nodes;
using Cooperation.Silo.Journal;
using Cooperation.Tests.Journal;
using Cooperation.Tests.Support;
using NpgsqlTypes;

namespace Cooperation.Tests.Postgres;

/// <summary>
/// Rows as an existing database holds them (the golden samples, written by the code before
/// events had records of their own, stored as jsonb) read back through the journal as the same
/// events.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class StoredEventRowsTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Every_golden_sample_stored_as_a_row_reads_back_through_the_journal_as_written()
    {
        var id = Ids.New("golden");
        var kinds = EventJson.Kinds.Order(StringComparer.Ordinal).ToArray();
        await using (var insert = postgres.DataSource.CreateCommand(
            """
            INSERT INTO entity_event (entity_type, entity_id, sequence, kind, payload, recorded_at, actor_organisation_id, actor_role, feed_position)
            SELECT 'golden', @id, t.sequence, t.kind, t.payload::jsonb, now(), 'platform', 'System', 0
              FROM unnest(@kinds, @payloads) WITH ORDINALITY AS t(kind, payload, sequence)
            """))
        {
            insert.Parameters.AddWithValue("id", id);
            insert.Parameters.AddWithValue("kinds", NpgsqlDbType.Array | NpgsqlDbType.Text, kinds);
            insert.Parameters.AddWithValue("payloads", NpgsqlDbType.Array | NpgsqlDbType.Text, kinds.Select(k => GoldenSamples.Read(k)).ToArray());
            Assert.Equal(kinds.Length, await insert.ExecuteNonQueryAsync());
        }

        var entries = await StandaloneJournal.Create(postgres.DataSource).ReadAsync("golden", id, afterSequence: 0);

        Assert.Equal(kinds, entries.Select(e => EventJson.KindOf(e.Event)));
        // jsonb keeps its own key order: compare as JSON values.
        Assert.All(entries, entry => Assert.True(
            JsonNode.DeepEquals(JsonNode.Parse(GoldenSamples.Read(EventJson.KindOf(entry.Event))), JsonNode.Parse(EventJson.Serialize(entry.Event))),
            EventJson.KindOf(entry.Event)));
    }
}
