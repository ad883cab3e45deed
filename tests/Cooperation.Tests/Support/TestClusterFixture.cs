using Cooperation.Silo.Hosting;
using Cooperation.Silo.Pilots.Readings;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace Cooperation.Tests.Support;

/// <summary>
/// A two-silo in-process cluster with in-memory grain storage and reading history, shared by
/// the tests of a collection (each test uses its own ids).
/// </summary>
public sealed class TestClusterFixture : IAsyncLifetime
{
    /// <summary>The cluster.</summary>
    public InProcessTestCluster Cluster { get; private set; } = null!;

    /// <summary>A client of the cluster.</summary>
    public IClusterClient Client => Cluster.Client;

    /// <inheritdoc/>
    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(initialSilosCount: 2);
        builder.Options.ConfigureFileLogging = false;
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddMemoryGrainStorage(StorageNames.Domain);
            silo.UseInMemoryReminderService();
            silo.Services.AddSingleton(TimeProvider.System);
            silo.Services.AddSingleton<IKpiReadingStore>(InMemoryKpiReadingStore.Shared);
        });
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    /// <inheritdoc/>
    public async Task DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
    }
}

/// <summary>Tests that share one <see cref="TestClusterFixture"/>.</summary>
[CollectionDefinition(Name)]
public sealed class TestClusterCollection : ICollectionFixture<TestClusterFixture>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "test cluster";
}
