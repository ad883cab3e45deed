using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using Cooperation.Contracts.Access;
using Cooperation.Tests.Support;
using Google.Rpc;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;
using Proto = Cooperation.Contracts.Grpc;
using Xunit.Abstractions;

namespace Cooperation.Tests.Postgres;

/// <summary>
/// PostgreSQL stopped under load, on a server of the test's own: every answer is a success or
/// Unavailable with a retry hint (never Internal), and once it is back every update retried
/// under its idempotency key is stored exactly once; nothing acknowledged is lost.
/// </summary>
public sealed class OutageTests(ITestOutputHelper output)
{
    private const int Pilots = 6;
    private const int Workers = 12;

    [Fact]
    public async Task Stopping_postgres_under_load_gives_only_successes_and_unavailable_and_loses_nothing()
    {
        await using var postgres = await ThrowAwayPostgres.StartAsync();
        var clusterId = Ids.New("cluster");
        var silo = await PlatformHosts.StartSiloAsync(postgres.ConnectionString, clusterId);
        var (gateway, channel) = await PlatformHosts.StartGatewayAsync(postgres.ConnectionString, clusterId);
        try
        {
            var api = new ApiClients(channel);
            var world = await api.CreateWorldAsync();
            var busy = new List<string>();
            for (var i = 0; i < Pilots; i++)
                busy.Add(await api.CreatePilotWithKpiAsync(world));
            // Pilots nobody touched since the silo started: activating them reads the snapshot and the journal.
            var idle = new List<string>();
            for (var i = 0; i < Pilots; i++)
                idle.Add(await api.CreatePilotWithKpiAsync(world));
            await silo.StopAsync();
            silo.Dispose();
            silo = await PlatformHosts.StartSiloAsync(postgres.ConnectionString, clusterId);
            await PlatformHosts.RetryUntilReachable(() => api.Pilots.GetPilotAsync(new() { PilotId = busy[0] }).ResponseAsync);
            using var http = new HttpClient(TestKeys.Handler(gateway, await TestKeys.IssueAsync(gateway, "platform", Role.Admin)))
            {
                BaseAddress = new Uri("http://localhost"),
            };

            var load = new Load(api, busy);
            using var stop = new CancellationTokenSource();
            var workers = Enumerable.Range(0, Workers).Select(_ => load.RunAsync(stop.Token)).ToArray();
            await load.WaitForAsync(successes: 100);

            await postgres.StopAsync();
            var during = await load.WaitForUnavailableAsync();
            // Calls that must activate a pilot, over gRPC and JSON, while storage is down.
            var activation = await Assert.ThrowsAsync<RpcException>(() => api.Pilots.GetPilotAsync(new() { PilotId = idle[0] }).ResponseAsync);
            var json = await http.PostAsJsonAsync($"/v1/pilots/{idle[1]}/updates", new
            {
                idempotencyKey = Guid.NewGuid().ToString(),
                period = "2025-03",
                readings = new[] { new { kpiCode = "compost-produced", value = 12.5 } },
            });
            var jsonBody = await json.Content.ReadAsStringAsync();
            await Task.Delay(TimeSpan.FromSeconds(3));
            await postgres.StartAgainAsync();
            await load.WaitForAsync(successes: load.Successes + 100);
            await stop.CancelAsync();
            await Task.WhenAll(workers);

            // Every update answered Unavailable is retried under its key until it is stored.
            foreach (var update in load.Unanswered.ToArray())
            {
                load.Acknowledge(await PlatformHosts.RetryUntilReachable(() => api.Submissions.SubmitUpdateAsync(update).ResponseAsync), update);
                load.Retried++;
            }

            output.WriteLine($"{load.Acknowledged.Count} updates acknowledged, {load.UnavailableCount} answers Unavailable " +
                $"({load.Retried} retried after the outage), {load.Unexpected.Count} other answers");
            Assert.Empty(load.Unexpected);
            Assert.True(load.UnavailableCount > 0, "the outage was never seen");
            Assert.True(during.GetRpcStatus()?.GetDetail<RetryInfo>()?.RetryDelay.ToTimeSpan() > TimeSpan.Zero, "Unavailable without a retry hint");
            Assert.Equal(StatusCode.Unavailable, activation.StatusCode);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, json.StatusCode);
            Assert.True(json.Headers.RetryAfter?.Delta > TimeSpan.Zero, "503 without Retry-After");
            Assert.DoesNotContain("Npgsql", jsonBody);

            var keys = load.Acknowledged.Keys.ToArray();
            Assert.Equal(keys.Length, await postgres.ScalarAsync<long>(
                "SELECT count(*) FROM entity_event WHERE entity_type = 'pilot' AND idempotency_key = ANY(@keys)", ("keys", keys)));
            Assert.Equal(keys.Length, await postgres.ScalarAsync<long>(
                "SELECT count(DISTINCT idempotency_key) FROM entity_event WHERE entity_type = 'pilot' AND idempotency_key = ANY(@keys)", ("keys", keys)));
            // Each acknowledged receipt names the event that holds it.
            Assert.All(load.Acknowledged.Values, receipt => Assert.True(receipt.Sequence > 0));
        }
        finally
        {
            await PlatformHosts.StopAsync(gateway, channel, silo);
        }
    }

    /// <summary>Updates sent as fast as the workers go, each under a new key, and what became of them.</summary>
    private sealed class Load(ApiClients api, IReadOnlyList<string> pilots)
    {
        private int _sent;
        private int _successes;
        private int _unavailable;
        private readonly TaskCompletionSource<RpcException> _firstUnavailable = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public ConcurrentDictionary<string, Proto.UpdateReceipt> Acknowledged { get; } = new();

        public ConcurrentDictionary<string, Proto.SubmitUpdateRequest> UnansweredByKey { get; } = new();

        public IEnumerable<Proto.SubmitUpdateRequest> Unanswered => UnansweredByKey.Values;

        public ConcurrentBag<string> Unexpected { get; } = [];

        public int Successes => Volatile.Read(ref _successes);

        public int Retried { get; set; }

        public int UnavailableCount => Volatile.Read(ref _unavailable);

        public async Task RunAsync(CancellationToken stop)
        {
            while (!stop.IsCancellationRequested)
            {
                var n = Interlocked.Increment(ref _sent);
                var update = new Proto.SubmitUpdateRequest
                {
                    PilotId = pilots[n % pilots.Count],
                    IdempotencyKey = $"outage-{n}-{Guid.NewGuid():N}",
                    Period = "2025-01",
                    Readings = { new Proto.KpiReadingInput { KpiCode = "compost-produced", Value = n % 500 } },
                };
                try
                {
                    Acknowledge(await api.Submissions.SubmitUpdateAsync(update, cancellationToken: CancellationToken.None), update);
                }
                catch (RpcException error) when (error.StatusCode == StatusCode.Unavailable)
                {
                    UnansweredByKey[update.IdempotencyKey] = update;
                    Interlocked.Increment(ref _unavailable);
                    _firstUnavailable.TrySetResult(error);
                    // A client backs off as the hint says; a shorter pause keeps the load on.
                    await Task.Delay(100, CancellationToken.None);
                }
                catch (RpcException error)
                {
                    Unexpected.Add($"{error.StatusCode}: {error.Status.Detail}");
                }
            }
        }

        public void Acknowledge(Proto.UpdateReceipt receipt, Proto.SubmitUpdateRequest update)
        {
            Acknowledged[update.IdempotencyKey] = receipt;
            UnansweredByKey.TryRemove(update.IdempotencyKey, out _);
            Interlocked.Increment(ref _successes);
        }

        public async Task WaitForAsync(int successes)
        {
            var until = DateTime.UtcNow.AddSeconds(90);
            while (Successes < successes && DateTime.UtcNow < until)
                await Task.Delay(50);
            Assert.True(Successes >= successes, $"only {Successes} of {successes} updates succeeded in time");
        }

        public Task<RpcException> WaitForUnavailableAsync() => _firstUnavailable.Task.WaitAsync(TimeSpan.FromSeconds(60));
    }
}
