using Cooperation.Reports.Reactions;
using Cooperation.Worker.Reactions;
using Cooperation.Silo.Journal;
using Cooperation.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Proto = Cooperation.Contracts.Grpc;

namespace Cooperation.Tests.Api;

/// <summary>
/// Side effects follow committed events: a review decision committed while no worker reacts is
/// noticed once one does, and a worker that crashed after reacting but before moving its
/// checkpoint reacts again without sending anything twice.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class ReactionTests(ApiFixture api)
{
    [Fact]
    public async Task A_decision_committed_while_the_worker_was_down_is_noticed_once_it_is_back_and_never_twice()
    {
        var world = await api.CreateWorldAsync();
        var pilotId = await api.CreatePilotWithKpiAsync(world);
        var address = $"{world.AgencyId}@example.org";
        await api.Organisations.SetOrganisationContactsAsync(new() { OrganisationId = world.AgencyId, Contacts = { address } });
        var partner = await api.PartnerAsync(world);
        var reviewer = await api.ReviewerAsync(world);
        await using var mailbox = await SmtpSink.StartAsync(api.SmtpPort);
        var reactor = api.Services.GetRequiredService<EventReactor>();

        // The worker is down: the decision is committed and nothing follows yet.
        await reactor.StopAsync(CancellationToken.None);
        long before;
        try
        {
            await partner.Submissions.SubmitUpdateAsync(BadInputWorld.Update(pilotId, "2025-03"));
            before = await PositionAsync();
            await reviewer.Reviews.ApprovePeriodAsync(new() { PilotId = pilotId, Period = "2025-03", Comment = "Matches the weighbridge log." });
            Assert.Empty(await mailbox.MessagesToAsync(address, 1, TimeSpan.FromSeconds(2)));
        }
        finally
        {
            await reactor.StartAsync(CancellationToken.None);
        }

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
