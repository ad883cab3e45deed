using System.Globalization;
using Cooperation.Contracts.Grpc;
using Cooperation.LoadGenerator;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Health.V1;
using Grpc.Net.Client;

// Drives a running gateway over gRPC and prints, per scenario, requests/s and latency percentiles.
//   dotnet run -c Release --project tests/Cooperation.LoadGenerator -- --api-key ADMIN_KEY --clients 64 --seconds 20
// Scenarios: writes-fresh (a partner's update of one KPI reading under a new idempotency key, pilots
// holding ~10 readings), writes-heavy (same, pilots holding --heavy-readings), reads (GetPilot),
// health (gRPC health check: the bare-gRPC baseline). --cpu-of silo=PID,gateway=PID adds each
// process's CPU microseconds per call (and the generator's own) to every scenario's line (CpuMeter).
// Pages mode (--mode pages): signed-in sessions reading the web host's pages beside the JSON routes
// for the same data (PagesMode; ops/bench-pages.sh runs it).
// Chaos mode (--mode chaos): the writes while ops/chaos.sh kills a silo, then retries (ChaosMode).
var options = LoadOptions.Parse(args);
if (options.Mode == "pages")
{
    Environment.ExitCode = await PagesMode.RunAsync(options);
    return;
}
if (options.ApiKey.Length == 0)
    throw new ArgumentException("--api-key is required: an admin key (ops/credentials.sh create --organisation platform --role admin ...)");
var channels = Enumerable.Range(0, options.Connections > 0 ? options.Connections : options.Clients)
    .Select(_ => GrpcChannel.ForAddress(options.Target))
    .ToArray();
// Every call carries a key, as every client's does.
CallInvoker WithKey(GrpcChannel channel, string key) => channel.Intercept(headers =>
{
    headers.Add("x-api-key", key);
    return headers;
});
var portfolio = new BenchPortfolio(WithKey(channels[0], options.ApiKey));
using var stop = new CancellationTokenSource(TimeSpan.FromHours(1));
T Client<T>(int client, string key, Func<CallInvoker, T> create) => create(WithKey(channels[client % channels.Length], key));
var pilots = Enumerable.Range(0, options.Clients).Select(c => Client(c, options.ApiKey, ch => new PilotService.PilotServiceClient(ch))).ToArray();
var health = Enumerable.Range(0, options.Clients).Select(c => new Health.HealthClient(channels[c % channels.Length])).ToArray();

// Fresh pilots are new for every run, so "fresh" stays fresh; the heavy set is reused across runs.
var runId = DateTime.UtcNow.ToString("MMddHHmmss", CultureInfo.InvariantCulture);
Console.Error.WriteLine($"Preparing {options.Pilots} fresh pilots ({options.FreshReadings} readings each)...");
var fresh = await portfolio.PrepareAsync($"bench-fresh-{runId}", options.Pilots, options.FreshReadings, stop.Token);
// Writes are the reports of the partner that leads the pilots; reads are an admin's.
var partnerKey = await portfolio.IssuePartnerKeyAsync(stop.Token);
var submissions = Enumerable.Range(0, options.Clients).Select(c => Client(c, partnerKey, ch => new SubmissionService.SubmissionServiceClient(ch))).ToArray();
if (options.Mode == "chaos")
{
    Environment.ExitCode = await ChaosMode.RunAsync(options, submissions, fresh);
    return;
}
string[] heavy = [];
if (options.Scenarios.Contains("writes-heavy"))
{
    Console.Error.WriteLine($"Preparing {options.Pilots} heavy pilots ({options.HeavyReadings} readings each; kept for later runs)...");
    heavy = await portfolio.PrepareAsync($"bench-heavy-{options.HeavyReadings}", options.Pilots, options.HeavyReadings, stop.Token);
}

Task Write(int client, string[] set, Random random) => submissions[client].SubmitUpdateAsync(BenchPortfolio.Update(set, random)).ResponseAsync;

var scenarios = new Dictionary<string, Func<int, Random, Task>>
{
    ["writes-fresh"] = (client, random) => Write(client, fresh, random),
    ["writes-heavy"] = (client, random) => Write(client, heavy, random),
    ["reads"] = (client, random) => pilots[client].GetPilotAsync(new GetPilotRequest { PilotId = fresh[random.Next(fresh.Length)] }).ResponseAsync,
    ["health"] = (client, _) => health[client].CheckAsync(new HealthCheckRequest()).ResponseAsync,
};

Console.Error.WriteLine($"Measuring {options.Clients} clients over {channels.Length} connections, {options.WarmupSeconds} s warm-up + {options.Seconds} s per scenario, against {options.Target}");
foreach (var name in options.Scenarios)
{
    var result = await LoadRun.RunAsync(name, options, scenarios[name]);
    Console.WriteLine(result);
}
foreach (var channel in channels)
    channel.Dispose();
