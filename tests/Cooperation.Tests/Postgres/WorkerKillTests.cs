using System.Diagnostics;
using Cooperation.Tests.Api;
using Cooperation.Tests.Support;
using Hangfire;
using Hangfire.States;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Cooperation.Tests.Postgres;

/// <summary>
/// A worker process killed (SIGKILL) in the middle of a report's delivery, on a database of the
/// test's own: another worker runs the job again once Hangfire's invisibility timeout has passed,
/// and the report is archived once, mailed once and its webhook answered once. The timeouts are
/// shortened here (10 s, lease 6 s); production's (1 min, lease 30 s) keep the same order.
/// </summary>
public sealed class WorkerKillTests(ITestOutputHelper output)
{
    private const string Period = "2025-03";
    private static readonly TimeSpan InvisibilityTimeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_worker_killed_while_delivering_a_report_leaves_the_job_to_another_which_delivers_it_once()
    {
        var postgres = new PostgresFixture();
        await postgres.InitializeAsync();
        var clusterId = Ids.New("cluster");
        await using var mailbox = await SmtpSink.StartAsync(Ports.Free());
        using var webhook = new WebhookReceiver(holdFirst: true);
        var silo = await PlatformHosts.StartSiloAsync(postgres.ConnectionString, clusterId);
        var (gateway, channel) = await PlatformHosts.StartGatewayAsync(postgres.ConnectionString, clusterId,
            new() { ["Reports:Webhooks:AllowedTargets:0"] = "127.0.0.1" });
        var settings = new Dictionary<string, string>
        {
            ["Reports:Smtp:Port"] = mailbox.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Reports:Webhooks:AllowedTargets:0"] = "127.0.0.1",
            ["Reports:InvisibilityTimeout"] = InvisibilityTimeout.ToString(),
            ["Reports:DeliveryLease"] = "00:00:06",
            ["Reports:PollMilliseconds"] = "200",
            ["Reports:RetryDelaysSeconds:0"] = "1",
        };
        var workers = new List<WorkerProcess>();
        try
        {
            workers.Add(await WorkerProcess.StartAsync("coop-worker-a", postgres.ConnectionString, clusterId, settings));
            workers.Add(await WorkerProcess.StartAsync("coop-worker-b", postgres.ConnectionString, clusterId, settings));
            var api = new ApiClients(channel);
            var (world, recipient) = await PortfolioAsync(api);
            var subscription = Requests.Subscription(world, Ids.New("sub"));
            subscription.Recipients[0] = recipient;
            subscription.WebhookUrl = webhook.Url;
            await api.Reporting.CreateSubscriptionAsync(new() { Subscription = subscription });

            // The mail goes first, then the webhook, which holds the request: the job is mid-delivery.
            var sent = await api.Reporting.SendReportNowAsync(new() { DonorOrganisationId = world.DonorId, SubscriptionId = subscription.SubscriptionId, Period = Period });
            await webhook.FirstArrived.WaitAsync(TimeSpan.FromSeconds(90));
            var storage = gateway.Services.GetRequiredService<JobStorage>();
            var holder = HolderOf(storage, sent.JobId, workers);
            holder.Kill();
            var sinceKill = Stopwatch.StartNew();

            var state = await ReportTesting.WaitForJobAsync(storage, sent.JobId, SucceededState.StateName, TimeSpan.FromMinutes(2));
            var pickedUp = sinceKill.Elapsed;
            var survivor = workers.Single(w => w != holder);
            output.WriteLine($"killed {holder.Name} mid-delivery; {pickedUp.TotalSeconds:0.0} s later the job is {state} on {survivor.Name} " +
                $"(invisibility timeout {InvisibilityTimeout.TotalSeconds} s)");
            Assert.True(state == SucceededState.StateName, $"the job is {state} {pickedUp} after the kill; {survivor.Name} logged:\n{survivor.Output}");
            Assert.InRange(pickedUp, InvisibilityTimeout * 0.5, InvisibilityTimeout + TimeSpan.FromSeconds(50));

            // Archived once, mailed once; the webhook answered once, and both its requests carry one delivery reference.
            var reports = (await api.Reporting.ListReportsAsync(new() { DonorOrganisationId = world.DonorId, SubscriptionId = subscription.SubscriptionId })).Reports;
            Assert.Equal(1, Assert.Single(reports).Revision);
            Assert.Single(await mailbox.MessagesToAsync(recipient, 2, TimeSpan.FromSeconds(2)));
            Assert.Equal(1, webhook.Answered);
            Assert.Equal(2, webhook.References.Count);
            Assert.Single(webhook.References.Distinct());
            Assert.Equal(32, webhook.References[0].Length);
            Assert.Equal("delivered email 1, delivered webhook 2", await postgres.ScalarAsync<string>(
                "SELECT string_agg(status || ' ' || channel || ' ' || attempts, ', ' ORDER BY channel) FROM delivery WHERE topic = @s",
                ("s", subscription.SubscriptionId)));
        }
        finally
        {
            foreach (var worker in workers)
                await worker.DisposeAsync();
            await PlatformHosts.StopAsync(gateway, channel, silo);
            await postgres.DisposeAsync();
        }
    }

    /// <summary>The worker whose Hangfire server is processing <paramref name="jobId"/>.</summary>
    private static WorkerProcess HolderOf(JobStorage storage, string jobId, IReadOnlyList<WorkerProcess> workers)
    {
        using var connection = storage.GetConnection();
        var state = connection.GetStateData(jobId);
        Assert.Equal(ProcessingState.StateName, state?.Name);
        var serverId = state!.Data["ServerId"];
        return workers.Single(w => serverId.StartsWith(w.Name + ":", StringComparison.Ordinal));
    }

    /// <summary>A pilot funded by the world's donor, with readings of the period; the address its reports go to.</summary>
    private static async Task<(ApiWorld World, string Recipient)> PortfolioAsync(ApiClients api)
    {
        var world = await api.CreateWorldAsync();
        var pilotId = await api.CreatePilotWithKpiAsync(world);
        await api.Kpis.RecordKpiReadingsAsync(Requests.Reading(pilotId, Period, 45));
        await api.Pilots.SetFundingLineAsync(AccessWorld.Funding(pilotId, world));
        return (world, $"{world.DonorId}@example.org");
    }
}
