using Cooperation.Contracts.Common;
using Cooperation.Contracts.Partnerships;
using Cooperation.Tests.Support;

namespace Cooperation.Tests.Grains;

[Collection(TestClusterCollection.Name)]
public sealed class PartnershipGrainTests(TestClusterFixture fixture)
{
    private IPartnershipGrain Partnership(string id) => fixture.Client.GetGrain<IPartnershipGrain>(id);

    [Fact]
    public async Task Creates_and_reads_back()
    {
        var id = Ids.New("partnership");

        var created = await Partnership(id).Create(Sample.Partnership());
        var read = await Partnership(id).Get();

        Assert.Equal(id, read.PartnershipId);
        Assert.Equal(Sample.Partnership(), read.Definition);
        Assert.Empty(read.PilotIds);
        Assert.Equal(created.Definition, read.Definition);
    }

    [Fact]
    public async Task Creating_again_is_harmless_but_other_content_is_refused()
    {
        var id = Ids.New("partnership");
        await Partnership(id).Create(Sample.Partnership());

        await Partnership(id).Create(Sample.Partnership());
        await Assert.ThrowsAsync<EntityExistsException>(() =>
            Partnership(id).Create(Sample.Partnership() with { Relation = RelationKind.Friendship }));
        Assert.Equal(RelationKind.SisterCity, (await Partnership(id).Get()).Definition.Relation);
    }

    [Fact]
    public async Task Refuses_a_city_paired_with_itself_and_stores_nothing()
    {
        var id = Ids.New("partnership");

        var error = await Assert.ThrowsAsync<InvalidFieldException>(() =>
            Partnership(id).Create(Sample.Partnership() with { SecondCityId = "hai-phong" }));

        Assert.Equal("second_city_id", Assert.Single(error.Violations).Field);
        await Assert.ThrowsAsync<EntityNotFoundException>(() => Partnership(id).Get());
    }

    [Fact]
    public async Task Unknown_partnerships_are_not_found() =>
        await Assert.ThrowsAsync<EntityNotFoundException>(() => Partnership(Ids.New("nowhere")).Get());
}
