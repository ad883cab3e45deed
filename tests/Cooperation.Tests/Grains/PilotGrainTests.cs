using Cooperation.Contracts.Common;
using Cooperation.Contracts.Partnerships;
using Cooperation.Contracts.Pilots;
using Cooperation.Tests.Support;

namespace Cooperation.Tests.Grains;

[Collection(TestClusterCollection.Name)]
public sealed class PilotGrainTests(TestClusterFixture fixture)
{
    private IPilotGrain Pilot(string id) => fixture.Client.GetGrain<IPilotGrain>(id);

    /// <summary>A partnership with a pilot that has the sample KPI.</summary>
    private async Task<(string PartnershipId, string PilotId)> PilotWithKpiAsync()
    {
        var partnershipId = Ids.New("partnership");
        var pilotId = Ids.New("pilot");
        await fixture.Client.GetGrain<IPartnershipGrain>(partnershipId).Create(Sample.Partnership());
        await Pilot(pilotId).Create(Sample.Pilot(partnershipId));
        await Pilot(pilotId).DefineKpi(Sample.Kpi());
        return (partnershipId, pilotId);
    }

    [Fact]
    public async Task A_pilot_is_listed_by_its_partnership()
    {
        var (partnershipId, pilotId) = await PilotWithKpiAsync();

        var partnership = await fixture.Client.GetGrain<IPartnershipGrain>(partnershipId).Get();

        Assert.Equal([pilotId], partnership.PilotIds);
    }

    [Fact]
    public async Task A_pilot_needs_an_existing_partnership_and_stores_nothing_otherwise()
    {
        var pilotId = Ids.New("pilot");

        await Assert.ThrowsAsync<EntityNotFoundException>(() => Pilot(pilotId).Create(Sample.Pilot(Ids.New("nowhere"))));
        await Assert.ThrowsAsync<EntityNotFoundException>(() => Pilot(pilotId).Get());
    }

    [Fact]
    public async Task Creating_or_defining_again_is_harmless_but_other_content_is_refused()
    {
        var (partnershipId, pilotId) = await PilotWithKpiAsync();

        await Pilot(pilotId).Create(Sample.Pilot(partnershipId));
        await Pilot(pilotId).DefineKpi(Sample.Kpi());
        await Assert.ThrowsAsync<EntityExistsException>(() =>
            Pilot(pilotId).Create(Sample.Pilot(partnershipId) with { Kind = PilotKind.RooftopSolar }));
        await Assert.ThrowsAsync<EntityExistsException>(() => Pilot(pilotId).DefineKpi(Sample.Kpi() with { Unit = "kg" }));

        var pilot = await Pilot(pilotId).Get();
        Assert.Equal(PilotKind.Compost, pilot.Definition.Kind);
        Assert.Equal("t", Assert.Single(pilot.Kpis).Definition.Unit);
        Assert.Equal([pilotId], (await fixture.Client.GetGrain<IPartnershipGrain>(partnershipId).Get()).PilotIds);
    }

    [Fact]
    public async Task Readings_are_numbered_and_show_in_progress()
    {
        var (_, pilotId) = await PilotWithKpiAsync();

        var first = await Pilot(pilotId).RecordReadings([Sample.Reading("2025-01", 40), Sample.Reading("2025-02", 50)]);
        var second = await Pilot(pilotId).RecordReadings([Sample.Reading("2025-02", 55)]);

        Assert.Equal([1L, 2L, 3L], first.Concat(second).Select(r => r.Sequence));
        var pilot = await Pilot(pilotId).Get();
        var progress = Assert.Single(pilot.Kpis).Progress;
        Assert.Equal(95, progress.CurrentValue);     // 40 + 55: the correction of February counts
        Assert.Equal(2, progress.PeriodCount);
        Assert.Equal(3, progress.ReadingCount);
        Assert.Equal(3, pilot.ReadingCount);
        Assert.Equal(3, InMemoryKpiReadingStore.Shared.Stored(pilotId).Count);
        var series = await Pilot(pilotId).GetKpiSeries("compost-produced");
        Assert.Equal([40.0, 55.0], series.Periods.Select(p => p.Value));
    }

    [Fact]
    public async Task A_request_with_one_bad_reading_stores_none_and_names_every_bad_field()
    {
        var (_, pilotId) = await PilotWithKpiAsync();

        var error = await Assert.ThrowsAsync<InvalidFieldException>(() => Pilot(pilotId).RecordReadings(
        [
            Sample.Reading("2025-01", 40),
            Sample.Reading("2025-02", double.NaN),
            Sample.Reading("2999-01", 1),
            Sample.Reading("2025-Q1", 1),
            Sample.Reading("2025-01", 1, code: "unknown-kpi"),
        ]));

        Assert.Equal(
            ["readings[1].value", "readings[2].period", "readings[3].period", "readings[4].kpi_code"],
            error.Violations.Select(v => v.Field));
        Assert.Empty(InMemoryKpiReadingStore.Shared.Stored(pilotId));
        Assert.Equal(0, (await Pilot(pilotId).Get()).ReadingCount);
    }

    [Fact]
    public async Task Readings_need_at_least_one_and_an_existing_pilot()
    {
        var (_, pilotId) = await PilotWithKpiAsync();

        await Assert.ThrowsAsync<InvalidFieldException>(() => Pilot(pilotId).RecordReadings([]));
        await Assert.ThrowsAsync<EntityNotFoundException>(() => Pilot(Ids.New("nowhere")).RecordReadings([Sample.Reading("2025-01", 1)]));
        await Assert.ThrowsAsync<EntityNotFoundException>(() => Pilot(pilotId).GetKpiSeries("unknown-kpi"));
    }

    [Fact]
    public async Task State_and_readings_survive_deactivation()
    {
        var (_, pilotId) = await PilotWithKpiAsync();
        await Pilot(pilotId).RecordReadings([Sample.Reading("2025-01", 40), Sample.Reading("2025-01", 42), Sample.Reading("2025-02", 50)]);
        var before = await Pilot(pilotId).Get();

        var loadsBefore = InMemoryKpiReadingStore.Shared.LoadCount(pilotId);
        await fixture.Client.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        var after = await Pilot(pilotId).Get();

        // A new activation: it loaded the history again.
        Assert.Equal(loadsBefore + 1, InMemoryKpiReadingStore.Shared.LoadCount(pilotId));
        var next = await Pilot(pilotId).RecordReadings([Sample.Reading("2025-03", 60)]);

        Assert.Equal(before.Kpis.Single().Progress, after.Kpis.Single().Progress);
        Assert.Equal(92, after.Kpis.Single().Progress.CurrentValue);
        Assert.Equal(4, Assert.Single(next).Sequence);
    }
}
