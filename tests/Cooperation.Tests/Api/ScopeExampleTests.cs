using Cooperation.Gateway.Demo;
using Cooperation.Tests.Support;
using Grpc.Core;
using Proto = Cooperation.Contracts.Grpc;

namespace Cooperation.Tests.Api;

/// <summary>The scope leaks seen on the demo, each as it was reported: a list shows only what a single read would.</summary>
[Collection(ApiCollection.Name)]
public sealed class ScopeExampleTests(ApiFixture api)
{
    private const string Mou = "nck-eip-mou";

    private async Task<ApiClients> AsAsync(string identity)
    {
        await DemoScenario.LoadAsync(DemoActorsFor.Api(api));
        return await DemoActorsFor.As(api, identity);
    }

    [Theory]
    [InlineData("MOEJ_KEY")]
    [InlineData("HP_URENCO_KEY")]
    public async Task The_partnerships_mou_list_leaves_out_an_mou_the_caller_may_not_read(string identity)
    {
        var caller = await AsAsync(identity);

        var listed = await caller.Partnerships.ListPartnershipMousAsync(new() { PartnershipId = DemoScenario.PartnershipId });
        var read = await Assert.ThrowsAsync<RpcException>(() => caller.Mous.GetMouAsync(new() { MouId = Mou }).ResponseAsync);
        var partnership = await caller.Partnerships.GetPartnershipAsync(new() { PartnershipId = DemoScenario.PartnershipId });

        Assert.Empty(listed.Mous);
        Assert.Empty(partnership.MouIds);
        Assert.Equal(StatusCode.PermissionDenied, read.StatusCode);
        // A party reads it, in the list as alone.
        var party = await AsAsync("NAM_CAU_KIEN_KEY");
        Assert.Equal(Mou, Assert.Single((await party.Partnerships.ListPartnershipMousAsync(new() { PartnershipId = DemoScenario.PartnershipId })).Mous).MouId);
    }

    [Fact]
    public async Task A_member_who_takes_part_in_some_pilots_gets_only_those_and_a_roll_up_marked_partial()
    {
        var urenco = await AsAsync("HP_URENCO_KEY");
        var office = await AsAsync("HP_DOFA_KEY");

        var pilots = await urenco.Partnerships.ListPartnershipPilotsAsync(new() { PartnershipId = DemoScenario.PartnershipId });
        var progress = await urenco.Partnerships.GetPartnershipProgressAsync(new() { PartnershipId = DemoScenario.PartnershipId });
        var whole = await office.Partnerships.GetPartnershipProgressAsync(new() { PartnershipId = DemoScenario.PartnershipId });

        Assert.Equal(["hp-compost", "hp-waste-separation", "hp-waste-to-energy", "hp-construction-waste"], pilots.Pilots.Select(p => p.PilotId));
        Assert.True(progress.Partial);
        Assert.Equal(4, progress.PilotsByStatus.Sum(s => s.Count));
        Assert.Equal(0, progress.MouCount);
        Assert.False(whole.Partial);
        Assert.Equal(15, whole.PilotsByStatus.Sum(s => s.Count));
    }

    [Fact]
    public async Task A_donor_sees_its_own_funding_lines_and_the_city_office_all_of_them()
    {
        var moej = await (await AsAsync("MOEJ_KEY")).Pilots.GetPilotAsync(new() { PilotId = DemoScenario.PilotId });
        var jica = await (await AsAsync("JICA_KEY")).Pilots.GetPilotAsync(new() { PilotId = DemoScenario.PilotId });
        var office = await (await AsAsync("HP_DOFA_KEY")).Pilots.GetPilotAsync(new() { PilotId = DemoScenario.PilotId });
        var partner = await (await AsAsync("HP_URENCO_KEY")).Pilots.GetPilotAsync(new() { PilotId = DemoScenario.PilotId });

        Assert.Equal(["moej-2025"], moej.FundingLines.Select(l => l.LineId));
        Assert.Equal([Proto.Currency.Jpy], moej.FundingTotals.Select(t => t.Currency));
        Assert.Equal(["jica-2025"], jica.FundingLines.Select(l => l.LineId));
        Assert.Equal(2, office.FundingLines.Count);
        Assert.Empty(partner.FundingLines);
        Assert.Empty(partner.FundingTotals);
    }

    [Fact]
    public async Task Forbidden_and_unknown_read_the_same_to_a_caller_who_could_not_see_the_item()
    {
        var outsider = await AsAsync("JICA_KEY");
        const string unknown = "hp-nowhere";

        async Task<string> DeniedAsync(Func<Task> call) => (await Assert.ThrowsAsync<RpcException>(call)) is { StatusCode: StatusCode.PermissionDenied } e
            ? e.Status.Detail : throw new InvalidOperationException("not denied");

        var existing = await DeniedAsync(() => outsider.Pilots.GetPilotAsync(new() { PilotId = "nck-eco-industrial-park" }).ResponseAsync);
        var missing = await DeniedAsync(() => outsider.Pilots.GetPilotAsync(new() { PilotId = unknown }).ResponseAsync);
        var changeExisting = await DeniedAsync(() => outsider.Pilots.AddMilestoneAsync(new()
        {
            PilotId = "nck-eco-industrial-park", MilestoneId = "x", Title = new() { En = "X" }, PlannedDate = "2027-01-01",
        }).ResponseAsync);
        var mou = await DeniedAsync(() => outsider.Mous.GetMouAsync(new() { MouId = Mou }).ResponseAsync);
        var unknownMou = await DeniedAsync(() => outsider.Mous.GetMouAsync(new() { MouId = "no-such-mou" }).ResponseAsync);

        Assert.Equal(existing.Replace("nck-eco-industrial-park", unknown), missing);
        Assert.Equal(existing, changeExisting);
        Assert.Equal(mou.Replace(Mou, "no-such-mou"), unknownMou);
        Assert.DoesNotContain("moej", existing + mou);
    }
}
