using Cooperation.Gateway.Demo;
using Cooperation.Silo.DueDates;
using Cooperation.Tests.Support;
using Google.Protobuf;
using Proto = Cooperation.Contracts.Grpc;

namespace Cooperation.Tests.Api;

/// <summary>The seed scenario, loaded through the API, reads as the acceptance describes.</summary>
[Collection(ApiCollection.Name)]
public sealed class DemoScenarioTests(ApiFixture api)
{
    [Fact]
    public async Task The_seed_scenario_is_browsable_and_loading_it_again_changes_nothing()
    {
        // Another test of the collection may have loaded it already.
        await DemoScenario.LoadAsync(api.Channel.CreateCallInvoker());
        var first = await SnapshotAsync();

        Assert.Equal(0, await DemoScenario.LoadAsync(api.Channel.CreateCallInvoker()));
        Assert.True(await DemoScenario.LoadAsync(api.Channel.CreateCallInvoker(), replay: true) > 0);
        Assert.Equal(first, await SnapshotAsync());

        var partnership = await api.Partnerships.GetPartnershipAsync(new() { PartnershipId = DemoScenario.PartnershipId });
        var mou = Assert.Single((await api.Partnerships.ListPartnershipMousAsync(new() { PartnershipId = DemoScenario.PartnershipId })).Mous);
        var progress = await api.Partnerships.GetPartnershipProgressAsync(new() { PartnershipId = DemoScenario.PartnershipId });
        var compost = await api.Pilots.GetPilotAsync(new() { PilotId = DemoScenario.PilotId });
        var chillers = await api.Jcm.GetJcmMonitoringAsync(new() { PilotId = "jcm-nck-chillers" });
        var quangNinh = await api.Cities.GetCityAsync(new() { CityId = "quang-ninh" });

        Assert.Equal(15, partnership.PilotIds.Count);
        Assert.Equal([Proto.RelationKind.Friendship, Proto.RelationKind.SisterCity], partnership.Relations.Select(r => r.Kind));
        Assert.Equal("nck-eip-mou", mou.MouId);
        // The MoU expires on 2027-01-31; the test stays true after that date.
        var inForce = LocalCalendar.Today(TimeProvider.System, "Asia/Ho_Chi_Minh") <= new DateOnly(2027, 1, 31);
        Assert.Equal(inForce ? Proto.MouStatus.Active : Proto.MouStatus.Expired, mou.Status);
        Assert.Equal(inForce, mou.Commitments.Any(c => c.Overdue));
        Assert.True(progress.OverdueMilestones > 0);
        Assert.Contains(compost.Milestones, m => m.Overdue);
        Assert.All(compost.Kpis, k => Assert.NotEqual(Proto.KpiStatus.Unspecified, k.Progress.Status));
        Assert.All(compost.Kpis, k => Assert.Equal(22, k.Progress.PeriodCount));
        Assert.Equal(3, chillers.Periods.Count);
        Assert.Equal(26.0, quangNinh.Indices.Single(i => i.IndexCode == "pgi").Total);
    }

    /// <summary>
    /// Everything the scenario made, as text; without the times reminders find items overdue,
    /// which they may do at any moment.
    /// </summary>
    private async Task<string> SnapshotAsync()
    {
        var parts = new List<IMessage>
        {
            await api.Partnerships.GetPartnershipAsync(new() { PartnershipId = DemoScenario.PartnershipId }),
            await api.Partnerships.GetPartnershipProgressAsync(new() { PartnershipId = DemoScenario.PartnershipId }),
            await api.Partnerships.ListPartnershipMousAsync(new() { PartnershipId = DemoScenario.PartnershipId }),
        };
        var partnership = (Proto.Partnership)parts[0];
        foreach (var pilotId in partnership.PilotIds)
        {
            var pilot = await api.Pilots.GetPilotAsync(new() { PilotId = pilotId });
            foreach (var milestone in pilot.Milestones)
                milestone.OverdueSince = "";
            parts.Add(pilot);
        }
        foreach (var commitment in ((Proto.ListPartnershipMousResponse)parts[2]).Mous.SelectMany(m => m.Commitments))
            commitment.OverdueSince = "";
        foreach (var cityId in new[] { "hai-phong", "kitakyushu", "quang-ninh", "bac-ninh", "binh-duong" })
            parts.Add(await api.Cities.GetCityAsync(new() { CityId = cityId }));
        foreach (var programmeId in new[] { "hp-ggpp", "qn-environment", "bn-green-growth", "bn-cleaner-production", "bd-net-zero" })
            parts.Add(await api.Programmes.GetProgrammeAsync(new() { ProgrammeId = programmeId }));
        return string.Join("\n", parts.Select(p => JsonFormatter.Default.Format(p)));
    }
}
