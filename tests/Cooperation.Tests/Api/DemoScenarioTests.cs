using Cooperation.Gateway.Demo;
using Cooperation.Tests.Support;
using Proto = Cooperation.Contracts.Grpc;

namespace Cooperation.Tests.Api;

/// <summary>The seed scenario, loaded through the API twice, reads as the acceptance describes.</summary>
[Collection(ApiCollection.Name)]
public sealed class DemoScenarioTests(ApiFixture api)
{
    [Fact]
    public async Task The_seed_scenario_loads_idempotently_and_is_browsable()
    {
        await DemoScenario.LoadAsync(api.Channel.CreateCallInvoker());
        var before = await api.Pilots.GetPilotAsync(new Proto.GetPilotRequest { PilotId = DemoScenario.PilotId });
        await DemoScenario.LoadAsync(api.Channel.CreateCallInvoker());

        var partnership = await api.Partnerships.GetPartnershipAsync(new Proto.GetPartnershipRequest { PartnershipId = DemoScenario.PartnershipId });
        var mous = await api.Partnerships.ListPartnershipMousAsync(new Proto.ListPartnershipMousRequest { PartnershipId = DemoScenario.PartnershipId });
        var progress = await api.Partnerships.GetPartnershipProgressAsync(new Proto.GetPartnershipProgressRequest { PartnershipId = DemoScenario.PartnershipId });
        var compost = await api.Pilots.GetPilotAsync(new Proto.GetPilotRequest { PilotId = DemoScenario.PilotId });
        var chillers = await api.Jcm.GetJcmMonitoringAsync(new Proto.GetJcmMonitoringRequest { PilotId = "jcm-nck-chillers" });
        var quangNinh = await api.Cities.GetCityAsync(new Proto.GetCityRequest { CityId = "quang-ninh" });

        Assert.Equal(15, partnership.PilotIds.Count);
        Assert.Equal([Proto.RelationKind.Friendship, Proto.RelationKind.SisterCity], partnership.Relations.Select(r => r.Kind));
        var mou = Assert.Single(mous.Mous);
        Assert.Equal("nck-eip-mou", mou.MouId);
        Assert.Equal(Proto.MouStatus.Active, mou.Status);
        Assert.Contains(mou.Commitments, c => c.Overdue);
        Assert.True(progress.OverdueMilestones > 0);
        Assert.Contains(compost.Milestones, m => m.Overdue);
        Assert.All(compost.Kpis, k => Assert.NotEqual(Proto.KpiStatus.Unspecified, k.Progress.Status));
        Assert.Equal(before.ReadingCount, compost.ReadingCount);
        Assert.Equal(3, chillers.Periods.Count);
        Assert.Equal(26.0, quangNinh.Indices.Single(i => i.IndexCode == "pgi").Total);
        Assert.All(compost.Kpis.SelectMany(k => new[] { k.KpiCode }), code => Assert.False(string.IsNullOrEmpty(code)));
    }
}
