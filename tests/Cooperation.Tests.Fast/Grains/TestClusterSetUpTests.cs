using Cooperation.Silo.Hosting;
using Cooperation.Silo.Journal;
using Cooperation.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Storage;

namespace Cooperation.Tests.Grains;

/// <summary>The test cluster's silos are put together by the production set-up (SiloHosting), standing on memory.</summary>
[Collection(TestClusterCollection.Name)]
public sealed class TestClusterSetUpTests(TestClusterFixture fixture)
{
    [Fact]
    public void Each_silo_has_the_production_set_up_on_the_in_memory_journal()
    {
        Assert.Equal(2, fixture.Cluster.Silos.Count);
        foreach (var silo in fixture.Cluster.Silos)
        {
            var services = silo.ServiceProvider;
            Assert.IsType<InMemoryEventJournal>(services.GetRequiredService<IEventJournal>());
            Assert.Same(fixture.Journal, services.GetRequiredService<InMemoryJournalStore>());
            Assert.IsType<OrleansBinaryStateSerializer>(services.GetRequiredService<IGrainStorageSerializer>());
            Assert.Contains(services.GetServices<IIncomingGrainCallFilter>(), filter => filter is InfrastructureFaultFilter);
            Assert.Contains(services.GetServices<IHostedService>(), service => service is ReadyAnnouncement);
            Assert.NotNull(services.GetKeyedService<IGrainStorage>(StorageNames.Domain));
        }
    }
}
