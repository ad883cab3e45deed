using Cooperation.Contracts.Access;
using Cooperation.Tests.Support;
using Grpc.Core;
using Proto = Cooperation.Contracts.Grpc;

namespace Cooperation.Tests.Api;

/// <summary>
/// The gateway keeps the pilot views it has mapped (PilotViewCache): a read right after an
/// acknowledged change still shows the change, and every read is still judged for its caller.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class PilotViewCacheTests(ApiFixture api)
{
    private static Proto.GetPilotRequest Read(string pilotId) => new() { PilotId = pilotId };

    [Fact]
    public async Task A_partner_reading_right_after_its_update_sees_it()
    {
        var world = await api.CreateWorldAsync();
        var pilotId = await api.CreatePilotWithKpiAsync(world);
        var partner = await api.PartnerAsync(world);
        var before = await partner.Pilots.GetPilotAsync(Read(pilotId));
        await partner.Pilots.GetPilotAsync(Read(pilotId));   // kept by now

        await partner.Submissions.SubmitUpdateAsync(new Proto.SubmitUpdateRequest
        {
            PilotId = pilotId, IdempotencyKey = Guid.NewGuid().ToString(), Period = "2025-01",
            Readings = { new Proto.KpiReadingInput { KpiCode = "compost-produced", Value = 40 } },
        });
        var after = await partner.Pilots.GetPilotAsync(Read(pilotId));
        await api.Pilots.ChangePilotStatusAsync(new Proto.ChangePilotStatusRequest { PilotId = pilotId, Status = Proto.PilotStatus.Approved });
        var approved = await partner.Pilots.GetPilotAsync(Read(pilotId));

        Assert.Equal(0, before.ReadingCount);
        Assert.Empty(before.Reporting);
        Assert.Equal(1, after.ReadingCount);
        Assert.Equal(40, Assert.Single(after.Kpis).Progress.CurrentValue);
        Assert.Equal(("2025-01", Proto.ReviewStatus.Submitted), Assert.Single(after.Reporting) is var p ? (p.Period, p.Status) : default);
        Assert.Equal(Proto.PilotStatus.Proposed, after.Status);
        Assert.Equal(Proto.PilotStatus.Approved, approved.Status);
    }

    [Fact]
    public async Task A_kept_view_is_refused_to_a_caller_who_may_not_read_the_pilot()
    {
        var world = await api.CreateWorldAsync();
        var pilotId = await api.CreatePilotWithKpiAsync(world);
        var outsider = api.As(await api.IssueKeyAsync((await api.CreateWorldAsync()).AgencyId, Role.PartnerAgency));
        await api.Pilots.GetPilotAsync(Read(pilotId));
        await api.Pilots.GetPilotAsync(Read(pilotId));

        var refused = await Assert.ThrowsAsync<RpcException>(() => outsider.Pilots.GetPilotAsync(Read(pilotId)).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
    }

    [Fact]
    public async Task Callers_who_see_different_funding_lines_each_get_their_own_in_turn()
    {
        var world = await api.CreateWorldAsync();
        var pilotId = await api.CreatePilotWithKpiAsync(world);
        await api.Pilots.SetFundingLineAsync(new Proto.SetFundingLineRequest
        {
            PilotId = pilotId, LineId = "grant", DonorOrganisationId = world.DonorId, Currency = Proto.Currency.Jpy, Committed = "1000",
        });
        var partner = await api.PartnerAsync(world);

        var reads = new List<(string Who, int Lines)>();
        foreach (var (who, clients) in new[] { ("admin", (ApiClients)api), ("partner", partner), ("admin", api), ("partner", partner) })
            reads.Add((who, (await clients.Pilots.GetPilotAsync(Read(pilotId))).FundingLines.Count));

        Assert.Equal([("admin", 1), ("partner", 0), ("admin", 1), ("partner", 0)], reads);
    }

    [Fact]
    public async Task Approved_figures_and_all_figures_are_kept_apart()
    {
        var world = await api.CreateWorldAsync();
        var pilotId = await api.CreatePilotWithKpiAsync(world);
        await api.Kpis.RecordKpiReadingsAsync(Requests.Reading(pilotId, "2025-01", 42.5));

        var all = await api.Pilots.GetPilotAsync(Read(pilotId));
        var approved = await api.Pilots.GetPilotAsync(new Proto.GetPilotRequest { PilotId = pilotId, Figures = Proto.Figures.Approved });
        var allAgain = await api.Pilots.GetPilotAsync(Read(pilotId));

        Assert.Equal(42.5, Assert.Single(all.Kpis).Progress.CurrentValue);
        Assert.False(Assert.Single(approved.Kpis).Progress.HasCurrentValue);
        Assert.Equal(all, allAgain);
    }
}
