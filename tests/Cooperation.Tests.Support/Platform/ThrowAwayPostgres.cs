using Npgsql;

namespace Cooperation.Tests.Support;

/// <summary>
/// A PostgreSQL server of its own (its own cluster under .data, on a free port, set up by
/// <c>ops/db.sh</c> with the schema applied), for tests that stop and start PostgreSQL without
/// disturbing the server every other test uses.
/// </summary>
public sealed class ThrowAwayPostgres : IAsyncDisposable
{
    private readonly Dictionary<string, string> _environment;
    private readonly string _state;

    private ThrowAwayPostgres(string state, int port)
    {
        _state = state;
        _environment = new()
        {
            ["COOPERATION_PG_STATE"] = state,
            ["COOPERATION_PG_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
    }

    /// <summary>Npgsql connection string of its database.</summary>
    public string ConnectionString { get; private set; } = "";

    /// <summary>Creates, starts and migrates a new server.</summary>
    public static async Task<ThrowAwayPostgres> StartAsync()
    {
        var server = new ThrowAwayPostgres(Path.Combine(Ops.Root, ".data", $"pg-throwaway-{Environment.ProcessId}-{Guid.NewGuid():N}"[..40]), Ports.Free());
        await Ops.DbAsync(server._environment, "up", "cooperation");
        server.ConnectionString = await Ops.DbAsync(server._environment, "url", "cooperation");
        return server;
    }

    /// <summary>Stops the server (fast shutdown: running statements are cancelled, as in an outage).</summary>
    public Task StopAsync() => Ops.DbAsync(_environment, "stop");

    /// <summary>Starts it again.</summary>
    public Task StartAgainAsync() => Ops.DbAsync(_environment, "start");

    /// <summary>Runs a scalar query.</summary>
    public async Task<T> ScalarAsync<T>(string sql, params (string Name, object Value)[] parameters)
    {
        await using var source = NpgsqlDataSource.Create(ConnectionString);
        await using var command = source.CreateCommand(sql);
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await Ops.DbAsync(_environment, "stop");
        Directory.Delete(_state, recursive: true);
    }
}
