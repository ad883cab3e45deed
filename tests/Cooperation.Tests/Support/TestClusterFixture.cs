using Cooperation.Contracts.Access;
using Cooperation.Contracts.Hosting;
using Cooperation.Silo.DueDates;
using Cooperation.Silo.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orleans.Configuration;
using Orleans.TestingHost;

namespace Cooperation.Tests.Support;

/// <summary>
/// A two-silo in-process cluster whose journal and snapshots are in a throw-away PostgreSQL
/// database (reminders in memory), shared by the tests of a collection (each test uses its own
/// ids). Due dates are checked every second, so reminder tests do not wait an hour.
/// </summary>
public sealed class TestClusterFixture : IAsyncLifetime
{
    /// <summary>The cluster's database.</summary>
    public PostgresFixture Postgres { get; } = new();

    /// <summary>How often the due-date reminders tick in tests.</summary>
    public static readonly TimeSpan DueDateCheck = TimeSpan.FromSeconds(1);

    /// <summary>The cluster.</summary>
    public InProcessTestCluster Cluster { get; private set; } = null!;

    /// <summary>A client of the cluster.</summary>
    public IClusterClient Client => Cluster.Client;

    /// <inheritdoc/>
    public async Task InitializeAsync()
    {
        await Postgres.InitializeAsync();
        var builder = new InProcessTestClusterBuilder(initialSilosCount: 2);
        builder.Options.ConfigureFileLogging = false;
        builder.ConfigureSilo((_, silo) =>
        {
            silo.Services.AddSingleton(_ => NpgsqlDataSource.Create(Postgres.ConnectionString));
            silo.Services.AddEventJournal();
            silo.AddAdoNetGrainStorage(StorageNames.Domain, options =>
            {
                options.Invariant = ClusterSettings.AdoNetInvariant;
                options.ConnectionString = Postgres.ConnectionString;
            });
            silo.UseOrleansBinaryStateSerializer();
            silo.UseInMemoryReminderService();
            silo.Configure<ReminderOptions>(options => options.MinimumReminderPeriod = TimeSpan.FromMilliseconds(500));
            silo.Configure<DueDateOptions>(options =>
            {
                options.MinimumDelay = DueDateCheck;
                options.Period = DueDateCheck;
            });
            silo.Services.AddSingleton(TimeProvider.System);
            // Both silos share one process, so resource-optimised placement (the default) sees
            // equal load and keeps new grains on the silo that received the call; random placement
            // spreads them, so cross-silo calls are really exercised.
            silo.Services.AddSingleton<PlacementStrategy, RandomPlacement>();
            silo.AddInfrastructureFaultBoundary();
        });
        // Tests that call grains directly act as the platform; calls through the gateway carry
        // their own caller, which this leaves alone.
        builder.ConfigureClient(client => client.AddOutgoingGrainCallFilter(context =>
        {
            if (!CallerContext.IsSet)
                CallerContext.ActAsPlatform();
            return context.Invoke();
        }));
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    /// <inheritdoc/>
    public async Task DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
        await Postgres.DisposeAsync();
    }

    /// <summary>Readings stored for a subject ("pilots/{id}"), superseded ones included.</summary>
    public Task<long> StoredReadingsAsync(string subject) =>
        Postgres.ScalarAsync<long>("SELECT count(*) FROM kpi_reading WHERE subject_id = @subject", ("subject", subject));

    /// <summary>Events journaled for the entities with these ids.</summary>
    public Task<long> EventCountAsync(params string[] entityIds) =>
        Postgres.ScalarAsync<long>("SELECT count(*) FROM entity_event WHERE entity_id = ANY(@ids)", ("ids", entityIds));
}

/// <summary>Tests that share one <see cref="TestClusterFixture"/>.</summary>
[CollectionDefinition(Name)]
public sealed class TestClusterCollection : ICollectionFixture<TestClusterFixture>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "test cluster";
}
