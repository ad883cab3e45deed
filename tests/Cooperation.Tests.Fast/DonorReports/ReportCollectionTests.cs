using Cooperation.Contracts.Common;
using Cooperation.Contracts.Organisations;
using Cooperation.Contracts.Pilots;
using Cooperation.Contracts.DonorReports;
using Cooperation.Contracts.Submissions;
using Cooperation.Reports;
using Cooperation.Tests.Support;

namespace Cooperation.Tests.DonorReports;

/// <summary>
/// A donor report's data is collected where it lives: one grain call per pilot in scope, figures
/// from the grains' memory, and only the donor's funding lines.
/// </summary>
[Collection(TestClusterCollection.Name)]
public sealed class ReportCollectionTests(TestClusterFixture fixture)
{
    private static readonly ReportingPeriod March = ReportingPeriod.Parse("2025-03", "period");

    [Fact]
    public async Task A_report_of_n_pilots_makes_one_call_per_pilot_and_reads_no_history()
    {
        var world = await World.CreateAsync(fixture.Client);
        var otherDonor = Ids.New("donor");
        await fixture.Client.GetGrain<IOrganisationGrain>(otherDonor).Create(Sample.Organisation(world.SecondCityId, OrganisationKind.Donor));
        var funded = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var pilotId = await world.CreatePilotWithKpiAsync(fixture.Client);
            var pilot = fixture.Client.GetGrain<IPilotGrain>(pilotId);
            await pilot.SetFundingLine(new FundingLine("line-1", world.DonorId, Currency.Jpy, 1_000_000, 500_000));
            await pilot.RecordReadings([Sample.Reading("2025-01", 40 + i), Sample.Reading("2025-02", 50), Sample.Reading("2025-03", 60)]);
            funded.Add(pilotId);
        }
        // Another donor's line on the first pilot, and a pilot the donor does not fund.
        await fixture.Client.GetGrain<IPilotGrain>(funded[0]).SetFundingLine(new FundingLine("line-2", otherDonor, Currency.Usd, 7_000, 0));
        var unfunded = await world.CreatePilotWithKpiAsync(fixture.Client);
        await fixture.Client.GetGrain<IPilotGrain>(unfunded).SetFundingLine(new FundingLine("line-1", otherDonor, Currency.Usd, 9_000, 0));

        var calls = GrainCalls.Track();
        var report = await new DonorReportBuilder(fixture.Client).BuildAsync(Subscription(world), March, DateTimeOffset.UtcNow);
        GrainCalls.Stop();

        Assert.Equal(funded.Order(StringComparer.Ordinal), report.Pilots.Select(p => p.PilotId));
        // One call per pilot in scope (the partnership holds four), nothing nested: no summaries, no second subscription read.
        Assert.Equal(4, calls.Count(c => c.StartsWith("IPilotGrain.", StringComparison.Ordinal)));
        Assert.All(calls.Where(c => c.StartsWith("IPilotGrain.", StringComparison.Ordinal)), c => Assert.Equal("IPilotGrain.GetReportSectionIfReadable", c));
        Assert.Equal(["IOrganisationGrain.Get", "IPartnershipGrain.Get", "IProgrammeGrain.Get"],
            calls.Where(c => !c.StartsWith("IPilotGrain.", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        // Figures from memory: no pilot's history was read.
        Assert.All(funded.Append(unfunded), id => Assert.Equal(0, fixture.Journal.ReadsAsOf($"pilots/{id}")));
        // The donor sees its own funding only.
        Assert.All(report.Pilots, p => Assert.Equal([new FundingTotal(Currency.Jpy, 1_000_000, 500_000)], p.Funding));
        Assert.Equal([40.0, 41, 42], report.Pilots.Select(p => p.Kpis.Single().Points[0].Value).Order());
    }

    [Fact]
    public async Task Figures_as_of_an_earlier_cutoff_leave_out_a_later_correction_and_read_that_history_once()
    {
        var world = await World.CreateAsync(fixture.Client);
        var pilotId = await world.CreatePilotWithKpiAsync(fixture.Client);
        var pilot = fixture.Client.GetGrain<IPilotGrain>(pilotId);
        await pilot.SetFundingLine(new FundingLine("line-1", world.DonorId, Currency.Jpy, 1_000_000, 0));
        await pilot.RecordReadings([Sample.Reading("2025-03", 60)]);
        var cutoff = DateTimeOffset.UtcNow;
        await Task.Delay(10);
        await pilot.RecordReadings([Sample.Reading("2025-03", 65)]);
        var builder = new DonorReportBuilder(fixture.Client);

        var now = await builder.BuildAsync(Subscription(world), March, DateTimeOffset.UtcNow);
        Assert.Equal(0, fixture.Journal.ReadsAsOf($"pilots/{pilotId}"));
        var then = await builder.BuildAsync(Subscription(world), March, cutoff);

        Assert.Equal(65, now.Pilots.Single().Kpis.Single().Points.Single().Value);
        Assert.Equal(60, then.Pilots.Single().Kpis.Single().Points.Single().Value);
        Assert.Equal(1, fixture.Journal.ReadsAsOf($"pilots/{pilotId}"));
    }

    [Fact]
    public void The_builder_reads_grains_only()
    {
        // No data source, no SQL: everything a report shows comes from the grains.
        Assert.Equal([typeof(IGrainFactory)], typeof(DonorReportBuilder).GetConstructors().Single().GetParameters().Select(p => p.ParameterType));
    }

    private static ReportSubscriptionView Subscription(World world) => new("monthly",
        new ReportSubscriptionDefinition(world.DonorId, "Progress", new ReportScope(ReportScopeKind.Partnership, world.PartnershipId, []),
            new ReportSchedule(ReportCadence.Monthly, null, "Asia/Tokyo"), ReportLanguage.En, ReportFormats.Csv, FigureBasis.All, [], null),
        Paused: false, DateTimeOffset.UtcNow);
}
