using Cooperation.Contracts.Cities;
using Cooperation.Contracts.Common;
using Cooperation.Contracts.Kpis;
using Cooperation.Contracts.Programmes;
using Cooperation.Tests.Support;

namespace Cooperation.Tests.Grains;

[Collection(TestClusterCollection.Name)]
public sealed class ProgrammeGrainTests(TestClusterFixture fixture)
{
    [Fact]
    public async Task A_city_programme_carries_its_own_ratio_kpi()
    {
        var world = await World.CreateAsync(fixture.Client);
        var id = Ids.New("programme");
        var programme = fixture.Client.GetGrain<IProgrammeGrain>(id);
        await programme.Create(new ProgrammeDefinition(ProgrammeOwnerKind.City, world.FirstCityId,
            new LocalizedText(null, null, "Environmental protection"), new DateOnly(2022, 1, 1), new DateOnly(2030, 12, 31), ReportingFrequency.Quarterly));
        await programme.DefineKpi(Sample.Kpi("environment-budget-share") with
        {
            Unit = "%",
            Measure = KpiMeasure.Percentage,
            Aggregation = KpiAggregation.Ratio,
            Baseline = new KpiPoint(1, new DateOnly(2022, 1, 1)),
            Target = new KpiPoint(3.5, new DateOnly(2030, 12, 31)),
        });

        var stored = await programme.RecordReadings(
        [
            new KpiReadingInput("environment-budget-share", ReportingPeriod.Parse("2025-Q1", "p"), null, 360, 12000),
            new KpiReadingInput("environment-budget-share", ReportingPeriod.Parse("2025-Q2", "p"), null, 420, 10000),
        ]);

        Assert.Equal([3.0, 4.2], stored.Select(r => Math.Round(r.Value, 9)));
        var kpi = Assert.Single((await programme.Get()).Kpis);
        Assert.Equal(780.0 / 22000 * 100, kpi.Progress.CurrentValue!.Value, 9);   // not (3.0 + 4.2) / 2
        Assert.Contains(id, (await fixture.Client.GetGrain<ICityGrain>(world.FirstCityId).Get()).ProgrammeIds);
        Assert.Equal(await programme.Get(), await programme.GetIfReadable());
        await Assert.ThrowsAsync<InvalidFieldException>(() =>
            programme.RecordReadings([new KpiReadingInput("environment-budget-share", ReportingPeriod.Parse("2025-03", "p"), null, 1, 2)]));
    }

    [Fact]
    public async Task A_programme_needs_an_existing_owner()
    {
        var programme = fixture.Client.GetGrain<IProgrammeGrain>(Ids.New("programme"));
        await Assert.ThrowsAsync<EntityNotFoundException>(() => programme.Create(Sample.Programme(Ids.New("nowhere"))));
        await Assert.ThrowsAsync<EntityNotFoundException>(() => programme.Get());
        Assert.Null(await programme.GetIfReadable());
    }
}
