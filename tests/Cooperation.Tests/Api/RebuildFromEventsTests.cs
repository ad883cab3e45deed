using Cooperation.Contracts.Cities;
using Cooperation.Contracts.Common;
using Cooperation.Contracts.Kpis;
using Cooperation.Contracts.Mous;
using Cooperation.Contracts.Partnerships;
using Cooperation.Contracts.Pilots;
using Cooperation.Gateway.Demo;
using Cooperation.Silo.Cities;
using Cooperation.Silo.DueDates;
using Cooperation.Silo.Journal;
using Cooperation.Silo.Kpis;
using Cooperation.Silo.Mous;
using Cooperation.Silo.Partnerships;
using Cooperation.Silo.Pilots;
using Cooperation.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Cooperation.Tests.Api;

/// <summary>
/// The journal is the source of truth: every entity of the seed scenario, rebuilt from nothing
/// but its events, reads exactly as the live grain does.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class RebuildFromEventsTests(ApiFixture api)
{
    private readonly PostgresEventJournal _journal = StandaloneJournal.Create(api.Cluster.Postgres.DataSource);

    private IClusterClient Grains => api.Cluster.Client;

    private Task<IReadOnlyList<JournalEntry>> EventsAsync(string type, string id) => _journal.ReadAsync(type, id, afterSequence: 0);

    [Fact]
    public async Task Every_seed_pilot_mou_partnership_and_city_rebuilt_from_its_events_equals_the_live_one()
    {
        await DemoScenario.LoadAsync(DemoActorsFor.Api(api));
        var partnership = await Grains.GetGrain<IPartnershipGrain>(DemoScenario.PartnershipId).Get();

        foreach (var pilotId in partnership.PilotIds)
            Assert.Equal(await Grains.GetGrain<IPilotGrain>(pilotId).Get(), await RebuildPilotAsync(pilotId));
        foreach (var mouId in partnership.MouIds)
            Assert.Equal(await Grains.GetGrain<IMouGrain>(mouId).Get(), await RebuildMouAsync(mouId));
        Assert.Equal(partnership, await RebuildPartnershipAsync(DemoScenario.PartnershipId));
        foreach (var cityId in partnership.Definition.CityIds.Append("quang-ninh"))
            Assert.Equal(await Grains.GetGrain<ICityGrain>(cityId).Get(), await RebuildCityAsync(cityId));
    }

    [Fact]
    public async Task A_pilot_with_more_events_than_a_snapshot_holds_back_reads_the_same_after_reactivation()
    {
        var world = await api.CreateWorldAsync();
        var pilotId = await api.CreatePilotWithKpiAsync(world);
        for (var i = 0; i < EventSourcedGrain<PilotState>.SnapshotEvery + 10; i++)
            await api.Kpis.RecordKpiReadingsAsync(Requests.Reading(pilotId, "2025-01", i));
        var live = await Grains.GetGrain<IPilotGrain>(pilotId).Get();

        await Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);

        Assert.Equal(1, await api.Cluster.Postgres.ScalarAsync<long>(
            "SELECT count(*) FROM OrleansStorage WHERE GrainTypeString = 'pilot' AND GrainIdExtensionString = @id", ("id", pilotId)));
        Assert.Equal(live, await Grains.GetGrain<IPilotGrain>(pilotId).Get());
        Assert.Equal(live, await RebuildPilotAsync(pilotId));
    }

    private async Task<PilotView> RebuildPilotAsync(string pilotId)
    {
        var (state, ledger) = PilotEvents.Replay(await EventsAsync("pilot", pilotId));
        var kpis = ValueList.Of(state.Kpis.Select(k => new KpiView(k, KpiProgressCalculator.Calculate(k, ledger.For(k.Code)))));
        return PilotViews.Build(pilotId, state, kpis, ledger.ReadingCount, LocalCalendar.Today(TimeProvider.System, state.TimeZone));
    }

    private async Task<MouView> RebuildMouAsync(string mouId)
    {
        var state = (await EventsAsync("mou", mouId)).Aggregate(new MouState(), MouEvents.Apply);
        return MouCalendar.View(mouId, state, LocalCalendar.Today(TimeProvider.System, state.TimeZone));
    }

    private async Task<PartnershipView> RebuildPartnershipAsync(string partnershipId)
    {
        var state = (await EventsAsync("partnership", partnershipId)).Aggregate(new PartnershipState(), PartnershipEvents.Apply);
        return new PartnershipView(partnershipId, state.Definition!, state.Members, state.ProgrammeIds, state.PilotIds, state.MouIds);
    }

    private async Task<CityView> RebuildCityAsync(string cityId)
    {
        var state = (await EventsAsync("city", cityId)).Aggregate(new CityState(), CityEvents.Apply);
        return new CityView(cityId, state.Definition!, state.PartnershipIds, state.ProgrammeIds, state.Indices);
    }
}
