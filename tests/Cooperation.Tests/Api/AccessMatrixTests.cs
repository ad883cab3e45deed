using Cooperation.Tests.Support;
using Grpc.Core;

namespace Cooperation.Tests.Api;

/// <summary>
/// Every RPC called by every kind of caller: allowed ones succeed, the rest are PermissionDenied;
/// without a valid key every RPC is Unauthenticated.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class AccessMatrixTests(ApiFixture api)
{
    // One world for the whole matrix: building it per case would dominate the run.
    private static readonly SemaphoreSlim Gate = new(1);
    private static AccessWorld? _world;

    public static TheoryData<string, Identity> Calls()
    {
        var data = new TheoryData<string, Identity>();
        foreach (var rpc in AccessCases.All.Keys)
        {
            foreach (var identity in Enum.GetValues<Identity>())
                data.Add(rpc, identity);
        }
        return data;
    }

    public static TheoryData<string> Rpcs => new(AccessCases.All.Keys);

    [Fact]
    public void Every_rpc_is_in_the_matrix() => Assert.Equal(ApiSurface.Rpcs, AccessCases.All.Keys.Order());

    [Theory]
    [MemberData(nameof(Calls))]
    public async Task Each_identity_may_call_exactly_what_its_role_and_relations_allow(string rpc, Identity identity)
    {
        var world = await WorldAsync();
        var (call, allowed) = AccessCases.All[rpc];
        var caller = api.As(world.Keys[identity]);

        var outcome = await OutcomeAsync(() => call(caller, api, world, Ids.New("new")));

        Assert.Equal(allowed.Contains(identity) ? StatusCode.OK : StatusCode.PermissionDenied, outcome);
    }

    [Theory]
    [MemberData(nameof(Rpcs))]
    public async Task Without_a_key_every_rpc_is_unauthenticated(string rpc)
    {
        var world = await WorldAsync();

        Assert.Equal(StatusCode.Unauthenticated, await OutcomeAsync(() => AccessCases.All[rpc].Call(api.As(null), api, world, Ids.New("new"))));
    }

    [Fact]
    public async Task A_revoked_or_mistyped_key_is_unauthenticated_and_says_why()
    {
        var world = await WorldAsync();
        var key = await api.IssueKeyAsync(world.World.AgencyId, Contracts.Access.Role.PartnerAgency);
        var partner = api.As(key);
        Assert.Equal(world.World.AgencyId, (await partner.Credentials.WhoAmIAsync(new())).OrganisationId);

        var credentialId = key.Split('.')[1];
        await api.Credentials.RevokeCredentialAsync(new() { CredentialId = credentialId, Reason = "left the agency" });
        var revoked = await Assert.ThrowsAsync<RpcException>(() => partner.Credentials.WhoAmIAsync(new()).ResponseAsync);
        var mistyped = await Assert.ThrowsAsync<RpcException>(() => api.As(key[..^2] + "xx").Credentials.WhoAmIAsync(new()).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, revoked.StatusCode);
        Assert.Contains("not valid", revoked.Status.Detail);
        Assert.Equal(StatusCode.Unauthenticated, mistyped.StatusCode);
        var listed = (await api.Credentials.ListCredentialsAsync(new() { OrganisationId = world.World.AgencyId })).Credentials;
        Assert.Equal("left the agency", listed.Single(c => c.CredentialId == credentialId).RevokedReason);
    }

    [Fact]
    public async Task A_resource_that_does_not_exist_is_not_revealed_to_those_who_could_not_see_it()
    {
        var world = await WorldAsync();
        var partner = api.As(world.Keys[Identity.PartnerOut]);

        var missing = await OutcomeAsync(() => partner.Pilots.GetPilotAsync(new() { PilotId = Ids.New("nowhere") }).ResponseAsync);
        var existing = await OutcomeAsync(() => partner.Pilots.GetPilotAsync(new() { PilotId = world.PilotId }).ResponseAsync);
        var forAdmin = await OutcomeAsync(() => api.Pilots.GetPilotAsync(new() { PilotId = Ids.New("nowhere") }).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, missing);
        Assert.Equal(StatusCode.PermissionDenied, existing);
        Assert.Equal(StatusCode.NotFound, forAdmin);
    }

    private async Task<AccessWorld> WorldAsync()
    {
        await Gate.WaitAsync();
        try
        {
            return _world ??= await AccessWorld.CreateAsync(api);
        }
        finally
        {
            Gate.Release();
        }
    }

    private static async Task<StatusCode> OutcomeAsync(Func<Task> call)
    {
        try
        {
            await call();
            return StatusCode.OK;
        }
        catch (RpcException error)
        {
            return error.StatusCode;
        }
    }
}
