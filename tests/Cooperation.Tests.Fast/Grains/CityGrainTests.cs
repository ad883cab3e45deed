using Cooperation.Contracts.Cities;
using Cooperation.Contracts.Common;
using Cooperation.Contracts.Organisations;
using Cooperation.Tests.Support;

namespace Cooperation.Tests.Grains;

[Collection(TestClusterCollection.Name)]
public sealed class CityGrainTests(TestClusterFixture fixture)
{
    private ICityGrain City(string id) => fixture.Client.GetGrain<ICityGrain>(id);

    [Fact]
    public async Task A_city_needs_a_known_time_zone_and_repeats_harmlessly()
    {
        var id = Ids.New("city");

        await Assert.ThrowsAsync<InvalidFieldException>(() => City(id).Create(Sample.HaiPhong() with { TimeZone = "Mars/Olympus" }));
        await Assert.ThrowsAsync<EntityNotFoundException>(() => City(id).Get());
        await City(id).Create(Sample.HaiPhong());
        await City(id).Create(Sample.HaiPhong());
        await Assert.ThrowsAsync<EntityExistsException>(() => City(id).Create(Sample.Kitakyushu()));
        Assert.Equal("Asia/Ho_Chi_Minh", (await City(id).Get()).Definition.TimeZone);
    }

    [Fact]
    public async Task An_index_of_a_year_is_replaced_and_its_total_computed()
    {
        var id = Ids.New("city");
        await City(id).Create(Sample.HaiPhong());
        IndexComponent Component(string code, double score) => new(code, new LocalizedText(null, null, code), score);
        var pgi = new CompositeIndex("pgi", new LocalizedText(null, null, "PGI"), 2023, [Component("a", 7.41), Component("b", 6.18)]);

        await City(id).RecordIndex(pgi);
        await City(id).RecordIndex(pgi with { Components = [Component("a", 7.41), Component("b", 6.18), Component("c", 6.68), Component("d", 5.73)] });
        await City(id).RecordIndex(pgi with { Year = 2022 });

        var indices = (await City(id).Get()).Indices;
        Assert.Equal([2022, 2023], indices.Select(i => i.Year));
        Assert.Equal(26.0, indices[1].Total, 9);
    }

    [Fact]
    public async Task An_organisation_needs_an_existing_city()
    {
        var organisation = fixture.Client.GetGrain<IOrganisationGrain>(Ids.New("org"));

        await Assert.ThrowsAsync<EntityNotFoundException>(() => organisation.Create(Sample.Organisation(Ids.New("nowhere"))));
        await Assert.ThrowsAsync<EntityNotFoundException>(() => organisation.Get());
    }
}
