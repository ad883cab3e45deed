using Cooperation.Reports.Reactions;
using Cooperation.Worker.Reactions;
using Cooperation.Silo.Journal;
using Cooperation.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Proto = Cooperation.Contracts.Grpc;

namespace Cooperation.Tests.Api;

/// <summary>
/// Side effects follow committed events: a review decision committed while no worker reacts is
/// noticed once one does, even if a silo was killed in between, and a worker that crashed after
/// reacting but before moving its checkpoint reacts again without sending anything twice.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class ReactionTests(ApiFixture api)
{
    [Fact]
    public async Task A_decision_committed_while_the_worker_was_down_is_noticed_once_it_is_back_and_never_twice()
    {
        var (pilotId, address, reviewer) = await PeriodAwaitingReviewAsync();
        await using var mailbox = await SmtpSink.StartAsync(api.SmtpPort);
        var before = await PositionAsync();

        await WhileTheWorkerIsDownAsync(async () =>
        {
            await reviewer.Reviews.ApprovePeriodAsync(new() { PilotId = pilotId, Period = "2025-03", Comment = "Matches the weighbridge log." });
            Assert.Empty(await mailbox.MessagesToAsync(address, 1, TimeSpan.FromSeconds(2)));
        });

        // Back up: the notice goes out.
        var approved = Assert.Single(await mailbox.MessagesToAsync(address, 1));
        Assert.StartsWith("Approved:", approved.Subject);
        Assert.Contains("Matches the weighbridge log.", approved.TextBody);

        // A crash after reacting but before the checkpoint moved: the events are read again.
        await api.Cluster.Postgres.ScalarAsync<int>(
            "UPDATE event_reaction_checkpoint SET position = @position WHERE reactor = @reactor RETURNING 1",
            ("position", before), ("reactor", EventReactor.Name));
        await WaitUntilReactedAsync(pilotId);
        Assert.Single(await mailbox.MessagesToAsync(address, 2, TimeSpan.FromSeconds(3)));
    }

    [Fact]
    public async Task A_silo_killed_between_a_decisions_commit_and_its_notice_costs_nothing_and_doubles_nothing()
    {
        var (pilotId, address, reviewer) = await PeriodAwaitingReviewAsync();
        await using var mailbox = await SmtpSink.StartAsync(api.SmtpPort);

        await WhileTheWorkerIsDownAsync(async () =>
        {
            await reviewer.Reviews.ReturnPeriodAsync(new() { PilotId = pilotId, Period = "2025-03", Comment = "The April weighbridge log is missing." });
            // Killed, not stopped: the silo that may hold the pilot goes without a word; one takes its place.
            var cluster = api.Cluster.Cluster;
            await cluster.KillSiloAsync(cluster.Silos[^1]);
            await cluster.StartAdditionalSiloAsync();
        });

        var returned = Assert.Single(await mailbox.MessagesToAsync(address, 1));
        Assert.StartsWith("Returned:", returned.Subject);
        Assert.Contains("The April weighbridge log is missing.", returned.TextBody);
        Assert.Single(await mailbox.MessagesToAsync(address, 2, TimeSpan.FromSeconds(3)));
    }

    /// <summary>A pilot of a new world whose partner submitted 2025-03, its contact address and a reviewer of another organisation.</summary>
    private async Task<(string PilotId, string Address, ApiClients Reviewer)> PeriodAwaitingReviewAsync()
    {
        var world = await api.CreateWorldAsync();
        var pilotId = await api.CreatePilotWithKpiAsync(world);
        var address = $"{world.AgencyId}@example.org";
        await api.Organisations.SetOrganisationContactsAsync(new() { OrganisationId = world.AgencyId, Contacts = { address } });
        var partner = await api.PartnerAsync(world);
        await partner.Submissions.SubmitUpdateAsync(BadInputWorld.Update(pilotId, "2025-03"));
        return (pilotId, address, await api.ReviewerAsync(world));
    }

    /// <summary>Runs <paramref name="step"/> with the worker's reactions stopped, then starts them again.</summary>
    private async Task WhileTheWorkerIsDownAsync(Func<Task> step)
    {
        var reactor = api.Services.GetRequiredService<EventReactor>();
        await reactor.StopAsync(CancellationToken.None);
        try
        {
            await step();
        }
        finally
        {
            await reactor.StartAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task The_checkpoint_passes_events_no_reaction_wants_so_a_poll_does_not_read_them_again()
    {
        var world = await api.CreateWorldAsync();
        var pilotId = await api.CreatePilotWithKpiAsync(world);
        var partner = await api.PartnerAsync(world);
        await partner.Submissions.SubmitUpdateAsync(BadInputWorld.Update(pilotId, "2025-03"));
        var update = await api.Cluster.Postgres.ScalarAsync<long>(
            "SELECT max(feed_position) FROM entity_event WHERE entity_id = @pilot AND kind = 'pilot.update-submitted'", ("pilot", pilotId));
        using (var scope = api.Services.CreateScope())
            Assert.DoesNotContain("pilot.update-submitted", scope.ServiceProvider.GetServices<IEventReaction>().SelectMany(r => r.Kinds));

        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (await api.Cluster.Postgres.ScalarAsync<long>("SELECT position FROM event_reaction_checkpoint WHERE reactor = @reactor",
                   ("reactor", EventReactor.Name)) < update)
        {
            Assert.True(DateTime.UtcNow < deadline, "the reactions' checkpoint stayed before an update no reaction wants");
            await Task.Delay(100);
        }
    }

    [Fact]
    public void Every_reaction_is_to_an_event_kind_the_silo_writes()
    {
        using var scope = api.Services.CreateScope();
        var kinds = scope.ServiceProvider.GetServices<IEventReaction>().SelectMany(r => r.Kinds).ToArray();

        Assert.NotEmpty(kinds);
        Assert.All(kinds, kind => Assert.Contains(kind, EventJson.Kinds));
    }

    /// <summary>The newest feed position of the journal now.</summary>
    private Task<long> PositionAsync() => api.Cluster.Postgres.ScalarAsync<long>("SELECT coalesce(max(feed_position), 0) FROM entity_event");

    /// <summary>Waits until the reactions' checkpoint is past the pilot's last review decision.</summary>
    private async Task WaitUntilReactedAsync(string pilotId)
    {
        var decision = await api.Cluster.Postgres.ScalarAsync<long>(
            "SELECT max(feed_position) FROM entity_event WHERE entity_id = @pilot AND kind = 'pilot.period-reviewed'", ("pilot", pilotId));
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (await api.Cluster.Postgres.ScalarAsync<long>("SELECT position FROM event_reaction_checkpoint WHERE reactor = @reactor",
                   ("reactor", EventReactor.Name)) < decision)
        {
            Assert.True(DateTime.UtcNow < deadline, "the reactions did not reach the decision again");
            await Task.Delay(100);
        }
    }
}
