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
        var partnershipId = Ids.New("partnership");
        await fixture.Client.GetGrain<IPartnershipGrain>(partnershipId).Create(Sample.Partnership());
        var pilotIds = Enumerable.Range(0, 24).Select(_ => Ids.New("pilot")).ToArray();

        foreach (var pilotId in pilotIds)
        {
            var pilot = fixture.Client.GetGrain<IPilotGrain>(pilotId);
            await pilot.Create(Sample.Pilot(partnershipId));
            await pilot.DefineKpi(Sample.Kpi());
            await pilot.RecordReadings([Sample.Reading("2025-01", 1)]);
        }

        Assert.Equal(pilotIds, (await fixture.Client.GetGrain<IPartnershipGrain>(partnershipId).Get()).PilotIds);
        var silosHostingPilots = (await management.GetDetailedGrainStatistics())
            .Where(s => pilotIds.Contains(s.GrainId.Key.ToString()))
            .Select(s => s.SiloAddress)
            .Distinct()
            .Count();
        Assert.Equal(2, silosHostingPilots);
    }
}
