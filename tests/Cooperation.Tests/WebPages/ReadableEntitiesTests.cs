using Cooperation.Contracts.Access;
using Cooperation.Contracts.Audit;
using Cooperation.Contracts.Common;
using Cooperation.Gateway.Demo;
using Cooperation.Tests.Api;
using Cooperation.Tests.Support;
using Grpc.Core;

namespace Cooperation.Tests.WebPages;

/// <summary>
/// What a home lists of a kind (<see cref="IEntityDirectoryGrain.ReadableIds"/>): for every identity
/// of the access matrix on the demo world, exactly the entities whose single read through the API
/// succeeds; nothing for a caller nobody named.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class ReadableEntitiesTests(ApiFixture api)
{
    private IEntityDirectoryGrain Directory => api.Cluster.Client.GetGrain<IEntityDirectoryGrain>(0);

    [Fact]
    public async Task Each_identity_gets_the_pilots_partnerships_and_mous_it_may_read_alone()
    {
        await DemoScenario.LoadAsync(DemoActorsFor.Api(api));
        var all = await AsAsync(Caller.Platform, async () => (
            Pilots: await Directory.Ids(EntityTypes.Pilot), Partnerships: await Directory.Ids(EntityTypes.Partnership), Mous: await Directory.Ids(EntityTypes.Mou)));
        foreach (var (identity, (organisation, role)) in ScopePropertyTests.Identities)
        {
            var client = api.As(await api.IssueKeyAsync(organisation, role));
            var who = await client.Credentials.WhoAmIAsync(new());
            var caller = new Caller(who.OrganisationId, role, who.CredentialId, who.CityId);

            var pilots = await AsAsync(caller, () => Directory.ReadableIds(EntityTypes.Pilot));
            var partnerships = await AsAsync(caller, () => Directory.ReadableIds(EntityTypes.Partnership));
            var mous = await AsAsync(caller, () => Directory.ReadableIds(EntityTypes.Mou));

            Assert.Equal(await ReadableAsync(all.Pilots, id => client.Pilots.GetPilotAsync(new() { PilotId = id }).ResponseAsync), pilots.Order());
            Assert.Equal(await ReadableAsync(all.Partnerships, id => client.Partnerships.GetPartnershipAsync(new() { PartnershipId = id }).ResponseAsync), partnerships.Order());
            Assert.Equal(await ReadableAsync(all.Mous, id => client.Mous.GetMouAsync(new() { MouId = id }).ResponseAsync), mous.Order());
            if (identity == Identity.DonorIn)
                Assert.Equal(["hp-compost", "hp-rooftop-solar", "jcm-nck-chillers", "nck-eco-industrial-park"], pilots.Order());
        }
    }

    [Fact]
    public async Task A_caller_nobody_named_is_refused_and_a_kind_without_history_is_a_field_error()
    {
        await Assert.ThrowsAsync<AccessDeniedException>(() => AsAsync(Caller.Anonymous, () => Directory.ReadableIds(EntityTypes.Pilot)));
        var wrong = await Assert.ThrowsAsync<InvalidFieldException>(() => AsAsync(Caller.Platform, () => Directory.ReadableIds("kpi_reading")));
        Assert.Equal("entity_type", Assert.Single(wrong.Violations).Field);
    }

    private static async Task<T> AsAsync<T>(Caller caller, Func<Task<T>> read)
    {
        CallerContext.Set(caller);
        return await read();
    }

    private static async Task<IEnumerable<string>> ReadableAsync<T>(IEnumerable<string> ids, Func<string, Task<T>> read)
    {
        var readable = new List<string>();
        foreach (var id in ids)
        {
            try
            {
                await read(id);
                readable.Add(id);
            }
            catch (RpcException error) when (error.StatusCode == StatusCode.PermissionDenied)
            {
                // Outside the identity's scope.
            }
        }
        return readable.Order();
    }
}
