using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Cooperation.ServiceDefaults;

/// <summary>
/// Ready only while the platform's database answers a query within a few seconds: every host
/// needs it (silos for state and the journal, clients for the membership table that finds silos).
/// </summary>
internal sealed class DatabaseHealthCheck : IHealthCheck, IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;

    /// <summary>A check of the database at <paramref name="connectionString"/>.</summary>
    public DatabaseHealthCheck(string connectionString) =>
        // A pool of its own, small, that gives up quickly: a probe must answer before the balancer's timeout.
        _dataSource = new NpgsqlDataSourceBuilder(connectionString)
        {
            ConnectionStringBuilder = { Timeout = 3, CommandTimeout = 3, MaxPoolSize = 2, ApplicationName = "health" },
        }.Build();

    /// <inheritdoc/>
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var command = _dataSource.CreateCommand("SELECT 1");
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy("database answers");
        }
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Only the kind of failure: the message of a driver's error may name hosts and users.
            return new HealthCheckResult(context.Registration.FailureStatus, $"database unreachable ({error.GetType().Name})");
        }
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}
