using Cooperation.Tests.Support;
using Npgsql;

namespace Cooperation.Tests.Postgres;

[Collection(PostgresCollection.Name)]
public sealed class SchemaTests(PostgresFixture postgres)
{
    /// <summary>Every query key the three Orleans ADO.NET providers look up.</summary>
    private static readonly string[] OrleansQueryKeys =
    [
        "GatewaysQueryKey", "MembershipReadRowKey", "MembershipReadAllKey", "InsertMembershipVersionKey",
        "UpdateIAmAlivetimeKey", "InsertMembershipKey", "UpdateMembershipKey", "DeleteMembershipTableEntriesKey",
        "CleanupDefunctSiloEntriesKey",
        "ReadReminderRowsKey", "ReadRangeRows1Key", "ReadRangeRows2Key", "ReadReminderRowKey", "UpsertReminderRowKey",
        "DeleteReminderRowKey", "DeleteReminderRowsKey",
        "WriteToStorageKey", "ReadFromStorageKey", "ClearStorageKey", "DeleteStorageKey",
    ];

    [Fact]
    public async Task The_schema_applies_twice_and_every_file_is_rerunnable()
    {
        var files = Directory.GetFiles(Path.Combine(Ops.Root, "ops", "sql"), "*.sql").Order().ToArray();

        // The migration runner twice (the second finds everything recorded)...
        await Ops.DbAsync("migrate", postgres.Database);
        // ...and every file run again by hand, as a second apply without the record would.
        await using (var connection = await postgres.DataSource.OpenConnectionAsync())
        {
            foreach (var file in files)
            {
                await using var command = new NpgsqlCommand(await File.ReadAllTextAsync(file), connection);
                await command.ExecuteNonQueryAsync();
            }
        }

        Assert.Equal(files.Length, await postgres.ScalarAsync<long>("SELECT count(*) FROM schema_migration"));
        Assert.Equal(files.Length, await postgres.ScalarAsync<int>("SELECT max(version) FROM schema_migration"));
        var keys = await postgres.ScalarAsync<string[]>("SELECT array_agg(QueryKey) FROM OrleansQuery");
        Assert.Empty(OrleansQueryKeys.Except(keys));
    }

    [Fact]
    public async Task The_reading_history_is_append_only()
    {
        var pilot = Ids.New("pilot");
        await using var insert = postgres.DataSource.CreateCommand(
            "INSERT INTO kpi_reading VALUES (@p, 1, 'k', '2025-01', 1, now())");
        insert.Parameters.AddWithValue("p", pilot);
        await insert.ExecuteNonQueryAsync();

        foreach (var change in new[] { "UPDATE kpi_reading SET value = 2 WHERE pilot_id = @p", "DELETE FROM kpi_reading WHERE pilot_id = @p" })
        {
            await using var command = postgres.DataSource.CreateCommand(change);
            command.Parameters.AddWithValue("p", pilot);
            await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());
        }
        Assert.Equal(1.0, await postgres.ScalarAsync<double>("SELECT value FROM kpi_reading WHERE pilot_id = @p", ("p", pilot)));
    }
}
