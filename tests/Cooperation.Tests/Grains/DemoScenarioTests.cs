using Cooperation.Contracts.Partnerships;
using Cooperation.Contracts.Pilots;
using Cooperation.Gateway.Demo;
using Cooperation.Tests.Support;

namespace Cooperation.Tests.Grains;

[Collection(TestClusterCollection.Name)]
public sealed class DemoScenarioTests(TestClusterFixture fixture)
{
    [Fact]
    public async Task Loading_twice_gives_the_same_demo_data()
    {
        await DemoScenario.LoadAsync(fixture.Client);
        await DemoScenario.LoadAsync(fixture.Client);

        var partnership = await fixture.Client.GetGrain<IPartnershipGrain>(DemoScenario.PartnershipId).Get();
        var pilot = await fixture.Client.GetGrain<IPilotGrain>(DemoScenario.PilotId).Get();
        Assert.Equal([DemoScenario.PilotId], partnership.PilotIds);
        Assert.Equal(2, pilot.Kpis.Count);
        Assert.Equal(12, pilot.ReadingCount);
        Assert.All(pilot.Kpis, kpi => Assert.Equal("2025-06", kpi.Progress.Latest!.Period.ToString()));
        Assert.Equal(278, pilot.Kpis[0].Progress.CurrentValue);   // 38 + 41 + 45 + 47 + 52 + 55
    }
}
