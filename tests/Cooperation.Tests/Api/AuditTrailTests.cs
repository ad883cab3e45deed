using Cooperation.Gateway.Demo;
using Cooperation.Tests.Support;
using Grpc.Core;
using Proto = Cooperation.Contracts.Grpc;

namespace Cooperation.Tests.Api;

/// <summary>
/// Entities' histories over gRPC, paged both ways and with who did what, and live partnership
/// feeds that resume after a reconnect without a gap or a repeat.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class AuditTrailTests(ApiFixture api)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    private static async Task<List<Proto.AuditEvent>> AllPagesAsync(ApiClients client, string entity, bool oldestFirst, int pageSize)
    {
        var events = new List<Proto.AuditEvent>();
        var request = new Proto.GetHistoryRequest { Entity = entity, OldestFirst = oldestFirst, PageSize = pageSize };
        do
        {
            var page = await client.Audit.GetHistoryAsync(request);
            Assert.InRange(page.Events.Count, 1, pageSize);
            events.AddRange(page.Events);
            request.PageToken = page.NextPageToken;
        }
        while (request.PageToken != 0);
        return events;
    }

    [Fact]
    public async Task The_history_of_a_demo_pilot_holds_every_event_with_its_actor_in_pages_both_ways()
    {
        await DemoScenario.LoadAsync(DemoActorsFor.Api(api));
        var entity = $"pilots/{DemoScenario.PilotId}";

        var newestFirst = await AllPagesAsync(api, entity, oldestFirst: false, pageSize: 7);
        var oldestFirst = await AllPagesAsync(api, entity, oldestFirst: true, pageSize: 200);

        Assert.Equal(await api.Cluster.EventCountAsync(DemoScenario.PilotId), newestFirst.Count);
        Assert.Equal(Enumerable.Range(1, newestFirst.Count).Reverse().Select(s => (long)s), newestFirst.Select(e => e.Sequence));
        Assert.Equal(newestFirst.AsEnumerable().Reverse().Select(e => e.ToString()), oldestFirst.Select(e => e.ToString()));
        Assert.All(newestFirst, e =>
        {
            Assert.Equal(entity, e.Entity);
            Assert.NotEmpty(e.Actor.OrganisationId);
            Assert.NotEqual(Proto.Role.Unspecified, e.Actor.Role);
            Assert.NotEmpty(e.Kind);
            Assert.NotEmpty(e.RecordedAt);
        });
        Assert.Equal("pilot.created", oldestFirst[0].Kind);
        Assert.Equal(DemoScenario.PartnershipId, oldestFirst[0].Payload.Fields["definition"].StructValue.Fields["partnershipId"].StringValue);
    }

    [Fact]
    public async Task Each_change_names_the_organisation_role_and_credential_that_made_it()
    {
        var w = await AccessWorld.CreateAsync(api);
        var partner = api.As(w.Keys[Identity.PartnerIn]);
        var office = api.As(w.Keys[Identity.OfficeIn]);
        var update = await partner.Submissions.SubmitUpdateAsync(new()
        {
            PilotId = w.PilotId, IdempotencyKey = Guid.NewGuid().ToString(), Period = "2025-02",
            Readings = { new Proto.KpiReadingInput { KpiCode = "compost-produced", Value = 12 } },
        });
        await office.Reviews.ApprovePeriodAsync(new() { PilotId = w.PilotId, Period = update.Period });

        var history = await office.Audit.GetHistoryAsync(new() { Entity = $"pilots/{w.PilotId}", PageSize = 2 });
        var (approval, submission) = (history.Events[0], history.Events[1]);

        Assert.Equal((w.Organisations[Identity.OfficeIn], Proto.Role.CityOffice), (approval.Actor.OrganisationId, approval.Actor.Role));
        Assert.Equal((w.Organisations[Identity.PartnerIn], Proto.Role.PartnerAgency), (submission.Actor.OrganisationId, submission.Actor.Role));
        Assert.Equal(w.Keys[Identity.PartnerIn].Split('.')[1], submission.Actor.CredentialId);
        Assert.NotEqual(approval.Actor.CredentialId, submission.Actor.CredentialId);
        Assert.NotEqual(0, history.NextPageToken);
    }

    [Fact]
    public async Task A_watch_receives_new_events_and_resumes_after_a_reconnect_without_gap_or_repeat()
    {
        var w = await AccessWorld.CreateAsync(api);
        var office = api.As(w.Keys[Identity.OfficeIn]);
        var partner = api.As(w.Keys[Identity.PartnerIn]);
        Task ChangeAsync(Proto.MilestoneStatus status) =>
            partner.Pilots.UpdateMilestoneAsync(new() { PilotId = w.PilotId, MilestoneId = "m1", Status = status }).ResponseAsync;

        Proto.AuditEvent seen;
        using (var watch = office.Audit.WatchPartnership(new() { PartnershipId = w.World.PartnershipId, FromNow = true }))
        {
            await watch.ResponseHeadersAsync;
            var next = NextAsync(watch);
            await ChangeAsync(Proto.MilestoneStatus.InProgress);
            seen = await next;
        }
        Assert.Equal($"pilots/{w.PilotId}", seen.Entity);

        // Changes made while nobody watches arrive after the reconnect, in order, and only those.
        await ChangeAsync(Proto.MilestoneStatus.Planned);
        await ChangeAsync(Proto.MilestoneStatus.InProgress);
        using var resumed = office.Audit.WatchPartnership(new() { PartnershipId = w.World.PartnershipId, AfterPosition = seen.Position });
        var missed = new[] { await NextAsync(resumed), await NextAsync(resumed) };
        var live = NextAsync(resumed);
        await ChangeAsync(Proto.MilestoneStatus.Planned);

        Assert.Equal([seen.Sequence + 1, seen.Sequence + 2], missed.Select(e => e.Sequence));
        Assert.True(seen.Position < missed[0].Position && missed[0].Position < missed[1].Position);
        Assert.Equal(seen.Sequence + 3, (await live).Sequence);
    }

    [Fact]
    public async Task A_donor_watching_sees_the_pilots_it_funds_and_not_the_others()
    {
        var w = await AccessWorld.CreateAsync(api);
        var unfunded = await api.CreatePilotWithKpiAsync(w.World);
        var donor = api.As(w.Keys[Identity.DonorIn]);
        var office = api.As(w.Keys[Identity.OfficeIn]);

        using var donorWatch = donor.Audit.WatchPartnership(new() { PartnershipId = w.World.PartnershipId, FromNow = true });
        using var officeWatch = office.Audit.WatchPartnership(new() { PartnershipId = w.World.PartnershipId, FromNow = true });
        // Headers come once a watch knows where it starts: the changes below are after that.
        await Task.WhenAll(donorWatch.ResponseHeadersAsync, officeWatch.ResponseHeadersAsync);
        var (donorSees, officeSees) = (NextAsync(donorWatch), NextAsync(officeWatch));
        await api.Pilots.AddMilestoneAsync(new() { PilotId = unfunded, MilestoneId = "m9", Title = new() { En = "Hidden" }, PlannedDate = "2026-06-30" });
        await api.Pilots.AddMilestoneAsync(new() { PilotId = w.PilotId, MilestoneId = "m9", Title = new() { En = "Seen" }, PlannedDate = "2026-06-30" });

        Assert.Equal($"pilots/{unfunded}", (await officeSees).Entity);
        Assert.Equal($"pilots/{w.PilotId}", (await donorSees).Entity);
        await Assert.ThrowsAsync<RpcException>(() => api.As(w.Keys[Identity.DonorOut]).Audit
            .GetHistoryAsync(new() { Entity = $"pilots/{w.PilotId}" }).ResponseAsync);
    }

    private static async Task<Proto.AuditEvent> NextAsync(AsyncServerStreamingCall<Proto.AuditEvent> watch)
    {
        using var timeout = new CancellationTokenSource(Patience);
        Assert.True(await watch.ResponseStream.MoveNext(timeout.Token), "the watch ended");
        return watch.ResponseStream.Current;
    }
}
