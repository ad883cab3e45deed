using Cooperation.Contracts.Cities;
using Cooperation.Contracts.Common;
using Cooperation.Contracts.Partnerships;
using Cooperation.Contracts.Pilots;
using Cooperation.Tests.Support;

namespace Cooperation.Tests.Grains;

[Collection(TestClusterCollection.Name)]
public sealed class PartnershipGrainTests(TestClusterFixture fixture)
{
    private IPartnershipGrain Partnership(string id) => fixture.Client.GetGrain<IPartnershipGrain>(id);

    [Fact]
    public async Task A_partnership_joins_two_existing_cities_which_list_it()
    {
        var world = await World.CreateAsync(fixture.Client);
        var partnership = await Partnership(world.PartnershipId).Get();

        Assert.Equal(RelationKind.SisterCity, partnership.Definition.Current.Kind);
        Assert.Equal([world.ProgrammeId], partnership.ProgrammeIds);
        Assert.Contains(world.PartnershipId, (await fixture.Client.GetGrain<ICityGrain>(world.FirstCityId).Get()).PartnershipIds);
        Assert.Contains(world.PartnershipId, (await fixture.Client.GetGrain<ICityGrain>(world.SecondCityId).Get()).PartnershipIds);
    }

    [Fact]
    public async Task Unknown_cities_create_nothing_and_conflicts_are_refused()
    {
        var world = await World.CreateAsync(fixture.Client);
        var id = Ids.New("partnership");

        await Assert.ThrowsAsync<EntityNotFoundException>(() => Partnership(id).Create(Sample.Partnership(world.FirstCityId, Ids.New("nowhere"))));
        await Assert.ThrowsAsync<EntityNotFoundException>(() => Partnership(id).Get());
        await Partnership(world.PartnershipId).Create(Sample.Partnership(world.FirstCityId, world.SecondCityId));
        await Assert.ThrowsAsync<EntityExistsException>(() =>
            Partnership(world.PartnershipId).Create(Sample.Partnership(world.FirstCityId, world.SecondCityId) with { Relations = [new RelationStage(RelationKind.Friendship, 2009)] }));
    }

    [Fact]
    public async Task Members_are_existing_organisations_whose_role_can_change()
    {
        var world = await World.CreateAsync(fixture.Client);
        var partnership = Partnership(world.PartnershipId);

        await partnership.SetMember(new PartnershipMember(world.AgencyId, PartnershipRole.Implementer));
        await partnership.SetMember(new PartnershipMember(world.DonorId, PartnershipRole.Donor));
        var view = await partnership.SetMember(new PartnershipMember(world.AgencyId, PartnershipRole.TechnicalPartner));

        Assert.Equal([new PartnershipMember(world.AgencyId, PartnershipRole.TechnicalPartner), new PartnershipMember(world.DonorId, PartnershipRole.Donor)], view.Members);
        await Assert.ThrowsAsync<EntityNotFoundException>(() => partnership.SetMember(new PartnershipMember(Ids.New("nobody"), PartnershipRole.Other)));
    }

    [Fact]
    public async Task The_roll_up_counts_its_pilots()
    {
        var world = await World.CreateAsync(fixture.Client);
        var first = await world.CreatePilotWithKpiAsync(fixture.Client);
        await world.CreatePilotWithKpiAsync(fixture.Client);
        await fixture.Client.GetGrain<IPilotGrain>(first).ChangeStatus(PilotStatus.Approved, null);

        var progress = await Partnership(world.PartnershipId).GetProgress();

        Assert.Equal(2, progress.Pilots.Count);
        Assert.Equal([new PilotStatusCount(PilotStatus.Proposed, 1), new PilotStatusCount(PilotStatus.Approved, 1)], progress.PilotsByStatus);
        Assert.Equal(2, progress.Kpis.NotJudged);
    }

    [Fact]
    public async Task The_overview_is_the_partnership_its_programmes_mous_and_roll_up_in_one_call()
    {
        var world = await World.CreateAsync(fixture.Client);
        await world.CreatePilotWithKpiAsync(fixture.Client);
        var partnership = Partnership(world.PartnershipId);

        var overview = await partnership.GetOverview();

        Assert.Equal(await partnership.Get(), overview.Partnership);
        Assert.Equal(await partnership.ListMous(), overview.Mous);
        Assert.Equal(await partnership.GetProgress(), overview.Progress);
        Assert.Equal([world.ProgrammeId], overview.Programmes.Select(p => p.ProgrammeId));
        Assert.Equal((await partnership.Get()).Definition, await partnership.GetDefinitionIfReadable());
        await Assert.ThrowsAsync<EntityNotFoundException>(() => Partnership(Ids.New("partnership")).GetOverview());
        Assert.Null(await Partnership(Ids.New("partnership")).GetDefinitionIfReadable());
    }
}
