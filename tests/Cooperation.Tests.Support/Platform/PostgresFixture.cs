using Npgsql;

namespace Cooperation.Tests.Support;

/// <summary>
/// A throw-away database on the repository's local PostgreSQL, started (and installed) through
/// <c>ops/db.sh</c> if it is not running, with the schema applied. Never skipped: if PostgreSQL
/// cannot be brought up, the tests fail and say why.
/// </summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    /// <summary>The database's name, unique to this test run.</summary>
    public string Database { get; } = $"cooperation_test_{Environment.ProcessId}_{Guid.NewGuid().ToString("N")[..6]}";

    /// <summary>Npgsql connection string of the database.</summary>
    public string ConnectionString { get; private set; } = "";

    /// <summary>A data source on the database; disposed with the fixture.</summary>
    public NpgsqlDataSource DataSource { get; private set; } = null!;

    /// <inheritdoc/>
    public async Task InitializeAsync()
    {
        await Ops.DbAsync("up", Database);
        ConnectionString = await Ops.DbAsync("url", Database);
        DataSource = NpgsqlDataSource.Create(ConnectionString);
    }

    /// <inheritdoc/>
    public async Task DisposeAsync()
    {
        await DataSource.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await Ops.DbAsync("drop", Database);
    }

    /// <summary>Runs a scalar query.</summary>
    public async Task<T> ScalarAsync<T>(string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = DataSource.CreateCommand(sql);
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
