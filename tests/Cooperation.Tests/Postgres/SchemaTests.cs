using Cooperation.Tests.Support;
using Npgsql;
using NpgsqlTypes;

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

    /// <summary>
    /// The grain-state queries as the Orleans provider runs them: a write names the version it
    /// read (none for the first), gets the next one back, and gets NULL or no row on a conflict.
    /// </summary>
    [Fact]
    public async Task Grain_state_queries_keep_the_etag_contract()
    {
        var grain = Ids.New("grain");
        async Task<object?> Run(string key, int? version, byte[]? payload = null)
        {
            var text = await postgres.ScalarAsync<string>("SELECT QueryText FROM OrleansQuery WHERE QueryKey = @k", ("k", key));
            await using var command = postgres.DataSource.CreateCommand(text);
            command.Parameters.Add(new NpgsqlParameter("GrainIdHash", NpgsqlDbType.Integer) { Value = 17 });
            command.Parameters.Add(new NpgsqlParameter("GrainIdN0", NpgsqlDbType.Bigint) { Value = 0L });
            command.Parameters.Add(new NpgsqlParameter("GrainIdN1", NpgsqlDbType.Bigint) { Value = 0L });
            command.Parameters.Add(new NpgsqlParameter("GrainTypeHash", NpgsqlDbType.Integer) { Value = 42 });
            command.Parameters.Add(new NpgsqlParameter("GrainTypeString", NpgsqlDbType.Text) { Value = "pilot" });
            command.Parameters.Add(new NpgsqlParameter("GrainIdExtensionString", NpgsqlDbType.Text) { Value = grain });
            command.Parameters.Add(new NpgsqlParameter("ServiceId", NpgsqlDbType.Text) { Value = "schema-test" });
            command.Parameters.Add(new NpgsqlParameter("GrainStateVersion", NpgsqlDbType.Integer) { Value = (object?)version ?? DBNull.Value });
            command.Parameters.Add(new NpgsqlParameter("PayloadBinary", NpgsqlDbType.Bytea) { Value = (object?)payload ?? DBNull.Value });
            await using var reader = await command.ExecuteReaderAsync();
            if (!await reader.ReadAsync())
                return "no row";
            return key == "ReadFromStorageKey"
                ? $"{(reader.IsDBNull(0) ? "null" : reader.GetFieldValue<byte[]>(0)[0])}@{reader.GetInt32(1)}"
                : reader.IsDBNull(0) ? null : reader.GetInt32(0);
        }

        Assert.Equal("no row", await Run("ReadFromStorageKey", null));
        Assert.Equal(1, await Run("WriteToStorageKey", null, [1]));
        Assert.Null(await Run("WriteToStorageKey", null, [2]));       // a second first write conflicts
        Assert.Equal(2, await Run("WriteToStorageKey", 1, [3]));
        Assert.Null(await Run("WriteToStorageKey", 1, [4]));          // stale version
        Assert.Equal("3@2", await Run("ReadFromStorageKey", null));
        Assert.Equal(3, await Run("ClearStorageKey", 2));
        Assert.Equal("null@3", await Run("ReadFromStorageKey", null));
        Assert.Equal("no row", await Run("ClearStorageKey", 2));      // stale version
        Assert.Equal(4, await Run("WriteToStorageKey", 3, [5]));
        Assert.Equal(5, await Run("DeleteStorageKey", 4));
        Assert.Equal("no row", await Run("ReadFromStorageKey", null));
    }

    [Fact]
    public async Task The_reading_history_is_append_only()
    {
        var pilot = "pilots/" + Ids.New("pilot");
        await using var insert = postgres.DataSource.CreateCommand(
            "INSERT INTO kpi_reading (subject_id, sequence, kpi_code, period, value, recorded_at) VALUES (@p, 1, 'k', '2025-01', 1, now())");
        insert.Parameters.AddWithValue("p", pilot);
        await insert.ExecuteNonQueryAsync();

        foreach (var change in new[] { "UPDATE kpi_reading SET value = 2 WHERE subject_id = @p", "DELETE FROM kpi_reading WHERE subject_id = @p", "TRUNCATE kpi_reading" })
        {
            await using var command = postgres.DataSource.CreateCommand(change);
            command.Parameters.AddWithValue("p", pilot);
            await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());
        }
        Assert.Equal(1.0, await postgres.ScalarAsync<double>("SELECT value FROM kpi_reading WHERE subject_id = @p", ("p", pilot)));
    }
}
