using Cooperation.Contracts.Partnerships;
using Cooperation.Contracts.Pilots;
using Cooperation.Tests.Support;

namespace Cooperation.Tests.Grains;

[Collection(TestClusterCollection.Name)]
public sealed class TwoSiloClusterTests(TestClusterFixture fixture)
{
    [Fact]
    public async Task Pilots_spread_over_both_silos_and_one_partnership_lists_them_all()
    {
        var management = fixture.Client.GetGrain<IManagementGrain>(0);
        Assert.Equal(2, (await management.GetHosts(onlyActive: true)).Count);
        var world = await World.CreateAsync(fixture.Client);

        var pilotIds = new List<string>();
        for (var i = 0; i < 24; i++)
        {
            var pilotId = await world.CreatePilotWithKpiAsync(fixture.Client);
            await fixture.Client.GetGrain<IPilotGrain>(pilotId).RecordReadings([Sample.Reading("2025-01", 1)]);
            pilotIds.Add(pilotId);
        }

        Assert.Equal(pilotIds, (await fixture.Client.GetGrain<IPartnershipGrain>(world.PartnershipId).Get()).PilotIds);
        // Random placement: all 24 on one silo has a chance of 2 in 16 million.
        var silosHostingPilots = (await management.GetDetailedGrainStatistics())
            .Where(s => pilotIds.Contains(s.GrainId.Key.ToString()))
            .Select(s => s.SiloAddress)
            .Distinct()
            .Count();
        Assert.Equal(2, silosHostingPilots);
    }
}
