using Cooperation.Contracts.Access;
using Cooperation.Silo.DueDates;
using Cooperation.Silo.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.TestingHost;

namespace Cooperation.Tests.Support;

/// <summary>
/// A two-silo in-process cluster set up by the production code (<see cref="SiloHosting"/>) on
/// the infrastructure a subclass provides, with the tests' overrides: due dates checked every
/// second and reminders allowed that often, and random placement. Shared by the tests of a
/// collection, each using its own ids.
/// </summary>
public abstract class ClusterFixture : IAsyncLifetime
{
    /// <summary>How often the due-date reminders tick in tests.</summary>
    public static readonly TimeSpan DueDateCheck = TimeSpan.FromSeconds(1);

    /// <summary>The cluster.</summary>
    public InProcessTestCluster Cluster { get; private set; } = null!;

    /// <summary>A client of the cluster.</summary>
    public IClusterClient Client => Cluster.Client;

    /// <summary>What the silos stand on; made once, before they start.</summary>
    protected abstract Task<ISiloInfrastructure> InfrastructureAsync();

    /// <summary>Releases the infrastructure once the silos have stopped.</summary>
    protected virtual Task ReleaseAsync() => Task.CompletedTask;

    /// <summary>Readings stored for a subject ("pilots/{id}"), superseded ones included.</summary>
    public abstract Task<long> StoredReadingsAsync(string subject);

    /// <summary>Events journaled for the entities with these ids.</summary>
    public abstract Task<long> EventCountAsync(params string[] entityIds);

    /// <inheritdoc/>
    public async Task InitializeAsync()
    {
        var infrastructure = await InfrastructureAsync();
        var builder = new InProcessTestClusterBuilder(initialSilosCount: 2);
        builder.Options.ConfigureFileLogging = false;
        builder.ConfigureSiloHost((_, host) => host.AddCooperationSilo(infrastructure));
        builder.ConfigureSilo((_, silo) =>
        {
            silo.Configure<ReminderOptions>(options => options.MinimumReminderPeriod = TimeSpan.FromMilliseconds(500));
            silo.Configure<DueDateOptions>(options =>
            {
                options.MinimumDelay = DueDateCheck;
                options.Period = DueDateCheck;
            });
            // Both silos share one process, so resource-optimised placement (the default) sees
            // equal load and keeps new grains on the silo that received the call; random placement
            // spreads them, so cross-silo calls are really exercised.
            silo.Services.AddSingleton<PlacementStrategy, RandomPlacement>();
            silo.AddIncomingGrainCallFilter(GrainCalls.RecordAsync);
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
        await ReleaseAsync();
    }
}
