using Cooperation.Silo.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Cooperation.Tests.Support;

/// <summary>
/// A two-silo test cluster whose journal and snapshots are in a throw-away PostgreSQL database
/// (reminders in memory, so due dates can tick every second): the cluster behind the API tests.
/// </summary>
public sealed class PostgresClusterFixture : ClusterFixture
{
    /// <summary>The cluster's database.</summary>
    public PostgresFixture Postgres { get; } = new();

    /// <inheritdoc/>
    protected override async Task<ISiloInfrastructure> InfrastructureAsync()
    {
        await Postgres.InitializeAsync();
        return new Infrastructure(Postgres.ConnectionString);
    }

    /// <inheritdoc/>
    protected override Task ReleaseAsync() => Postgres.DisposeAsync();

    /// <inheritdoc/>
    public override Task<long> StoredReadingsAsync(string subject) =>
        Postgres.ScalarAsync<long>("SELECT count(*) FROM kpi_reading WHERE subject_id = @subject", ("subject", subject));

    /// <inheritdoc/>
    public override Task<long> EventCountAsync(params string[] entityIds) =>
        Postgres.ScalarAsync<long>("SELECT count(*) FROM entity_event WHERE entity_id = ANY(@ids)", ("ids", entityIds));

    /// <summary>The production journal and grain storage on the test database; membership is the test cluster's.</summary>
    private sealed class Infrastructure(string connectionString) : ISiloInfrastructure
    {
        public void AddJournal(IServiceCollection services) => services.AddPostgresJournal(connectionString);

        public void Configure(ISiloBuilder silo)
        {
            silo.AddPostgresGrainStorage(connectionString);
            silo.UseInMemoryReminderService();
        }
    }
}
