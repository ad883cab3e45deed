using Cooperation.Contracts.Common;
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
        await DemoScenario.LoadAsync(DemoActorsFor.Api(api));
        var first = await SnapshotAsync();

        Assert.Equal(0, await DemoScenario.LoadAsync(DemoActorsFor.Api(api)));
        Assert.True(await DemoScenario.LoadAsync(DemoActorsFor.Api(api), replay: true) > 0);
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
        // History from January 2025 (approved on load), the month before last (approved) and last month (awaiting review).
        var today = DemoPeriods.Today();
        var lastMonth = DemoPeriods.Resolve("current-1", Contracts.Common.ReportingFrequency.Monthly, today);
        Assert.All(compost.Kpis, k => Assert.Equal(DemoPeriods.Range(ReportingPeriod.Parse("2025-01", "p"), lastMonth).Count(), k.Progress.PeriodCount));
        Assert.Equal(3, chillers.Periods.Count);
        Assert.Equal(26.0, quangNinh.Indices.Single(i => i.IndexCode == "pgi").Total);
    }

    [Fact]
    public async Task The_demo_shows_the_review_workflow_as_it_is_used()
    {
        await DemoScenario.LoadAsync(DemoActorsFor.Api(api));
        var today = DemoPeriods.Today();
        string Month(int back) => DemoPeriods.Resolve($"current-{back}", Contracts.Common.ReportingFrequency.Monthly, today).ToString();
        string Quarter(int back) => DemoPeriods.Resolve($"current-{back}", Contracts.Common.ReportingFrequency.Quarterly, today).ToString();
        async Task<Proto.ReportingPeriod> PeriodAsync(string pilotId, string period) =>
            (await api.Reviews.ListReportingPeriodsAsync(new() { PilotId = pilotId })).Periods.Single(p => p.Period == period);

        var history = await PeriodAsync(DemoScenario.PilotId, "2025-03");
        var approved = await PeriodAsync(DemoScenario.PilotId, Month(2));
        var awaiting = await PeriodAsync(DemoScenario.PilotId, Month(1));
        var returned = await PeriodAsync("nck-eco-industrial-park", Quarter(1));
        var missing = await PeriodAsync("jcm-nck-chillers", Month(2));
        var late = await PeriodAsync("hp-rooftop-solar", Month(2));
        var compost = await api.Pilots.GetPilotAsync(new() { PilotId = DemoScenario.PilotId });

        Assert.True(history is { Status: Proto.ReviewStatus.Approved, Historical: true, DecidedBy: "platform" });
        Assert.Contains("Historical figures loaded", history.Comment);
        Assert.True(approved is { Status: Proto.ReviewStatus.Approved, Historical: false, LastSubmittedBy: "hp-urenco", DecidedBy: "hp-dofa" });
        Assert.Equal("Checked against the weighbridge slips (demo).", approved.Comment);
        Assert.Equal(Proto.ReviewStatus.Submitted, awaiting.Status);
        Assert.True(returned is { Status: Proto.ReviewStatus.Returned, LastSubmittedBy: "nam-cau-kien-ip", Late: true });
        Assert.Contains("laboratory certificate", returned.Comment);
        Assert.True(missing.Missing);
        Assert.True(late is { Status: Proto.ReviewStatus.Submitted, Late: true, LastSubmittedBy: "kitakyushu-city" });
        // Pilots went in progress in their real past years.
        Assert.Equal("2025-01-01", compost.StatusHistory.Single(c => c.To == Proto.PilotStatus.InProgress).EffectiveOn);
    }

    [Fact]
    public async Task On_the_demo_figures_approved_follow_the_approved_history_and_the_office_cannot_approve_its_own_update()
    {
        await DemoScenario.LoadAsync(DemoActorsFor.Api(api));
        var all = await api.Pilots.GetPilotAsync(new() { PilotId = DemoScenario.PilotId });
        var approved = await api.Pilots.GetPilotAsync(new() { PilotId = DemoScenario.PilotId, Figures = Proto.Figures.Approved });
        var progress = await api.Partnerships.GetPartnershipProgressAsync(new() { PartnershipId = DemoScenario.PartnershipId, Figures = Proto.Figures.Approved });

        // Every month but the last (awaiting review) is approved: the approved figures tell the same story.
        Assert.All(approved.Kpis, k => Assert.Equal(all.Kpis.Single(a => a.KpiCode == k.KpiCode).Progress.PeriodCount - 1, k.Progress.PeriodCount));
        Assert.Equal(all.Kpis.Select(k => k.Progress.Status), approved.Kpis.Select(k => k.Progress.Status));
        Assert.True(progress.Kpis.OnTrack > progress.Kpis.OffTrack, $"{progress.Kpis}");

        var office = await DemoActorsFor.As(api, "HP_DOFA_KEY");
        var period = DemoPeriods.Resolve("current-1", Contracts.Common.ReportingFrequency.Monthly, DemoPeriods.Today()).ToString();
        await office.Submissions.SubmitUpdateAsync(new() { PilotId = DemoScenario.PilotId, Period = period, IdempotencyKey = Ids.New("dofa"), Note = "A correction by the office." });
        var own = await Assert.ThrowsAsync<Grpc.Core.RpcException>(() =>
            office.Reviews.ApprovePeriodAsync(new() { PilotId = DemoScenario.PilotId, Period = period }).ResponseAsync);

        Assert.Equal(Grpc.Core.StatusCode.PermissionDenied, own.StatusCode);
        Assert.Contains("four eyes", own.Status.Detail);
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
