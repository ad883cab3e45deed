using Cooperation.Tests.Support;
using Google.Rpc;
using Grpc.Core;
using Proto = Cooperation.Contracts.Grpc;

namespace Cooperation.Tests.Api;

/// <summary>
/// Every RPC with bad input: the right status, the offending field named (InvalidArgument), no
/// stack trace, and nothing written: the world reads the same before and after each call.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class BadInputTests(ApiFixture api)
{
    private static readonly Dictionary<string, BadInputCase> Cases =
        BadInputCases.Domain.Concat(BadInputCasesForPilots.All).Concat(BadInputCasesForSubmissions.All)
            .Concat(BadInputCasesForReports.All).ToDictionary();

    /// <summary>RPCs that take no input a caller could get wrong.</summary>
    private static readonly string[] WithoutInput = ["ListJcmMethodologies", "WhoAmI"];

    public static TheoryData<string> CaseNames => new(Cases.Keys);

    [Fact]
    public void Every_rpc_has_bad_input_cases()
    {
        var rpcs = ApiSurface.Rpcs.Select(rpc => rpc.Split('/')[1]).Except(WithoutInput);
        Assert.All(rpcs, rpc => Assert.Contains(Cases.Keys, name => name.StartsWith(rpc + ":", StringComparison.Ordinal)));
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task Bad_input_gets_its_status_and_changes_nothing(string name)
    {
        var (call, code, field) = Cases[name];
        var world = await BadInputWorld.CreateAsync(api);
        var before = await world.SnapshotAsync(api);

        var error = await Assert.ThrowsAsync<RpcException>(() => call(api, world));

        Assert.Equal(code, error.StatusCode);
        Assert.DoesNotContain("   at ", error.Status.Detail);
        if (field is not null)
        {
            var violations = error.GetRpcStatus()?.GetDetail<BadRequest>()?.FieldViolations.Select(v => v.Field);
            Assert.Equal(field, Assert.Single(violations ?? []));
        }
        Assert.Equal(before, await world.SnapshotAsync(api));
    }
}
