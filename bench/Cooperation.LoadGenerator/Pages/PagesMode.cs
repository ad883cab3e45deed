using System.Globalization;
using System.Net;

namespace Cooperation.LoadGenerator;

/// <summary>
/// The pages mode: N signed-in sessions of one demo person reading the partnership page and a
/// pilot page in turn (scenario <c>pages</c>), and, for the same duration and concurrency, N
/// clients with an API key of the person's organisation reading the JSON routes for the same data
/// (scenario <c>json-reads</c>: the partnership and its progress, then the pilot). Every answer
/// must be 200 and the page asked for; any failure (warm-up included) fails the run.
/// </summary>
public static class PagesMode
{
    /// <summary>The scenarios of this mode, in the order they run by default.</summary>
    public static readonly string[] Scenarios = ["pages", "json-reads"];

    /// <summary>Runs the scenarios asked for; returns the process's exit code (1 on any failure).</summary>
    public static async Task<int> RunAsync(LoadOptions options)
    {
        var users = EnvVariables(options.UsersFile);
        var keys = EnvVariables(options.KeysFile);
        var email = Required(users, options.Person + "_EMAIL", options.UsersFile);
        var password = Required(users, options.Person + "_PASSWORD", options.UsersFile);
        var key = Required(keys, options.Person + "_KEY", options.KeysFile);
        var failures = new FailureLog();
        var results = new Dictionary<string, ScenarioResult>(StringComparer.Ordinal);

        foreach (var scenario in options.Scenarios)
        {
            switch (scenario)
            {
                case "pages":
                    Console.Error.WriteLine($"Signing in {options.Clients} sessions as {email} at {options.Web}...");
                    BrowserSession[] sessions;
                    try
                    {
                        sessions = await SignInAllAsync(options, email, password);
                    }
                    catch (PageFailure refused)
                    {
                        Console.Error.WriteLine($"FAILED: {refused.Message}");
                        return 1;
                    }
                    try
                    {
                        results[scenario] = await PagesAsync(options, sessions, failures);
                    }
                    finally
                    {
                        foreach (var session in sessions)
                            session.Dispose();
                    }
                    break;
                case "json-reads":
                    results[scenario] = await JsonReadsAsync(options, key, failures);
                    break;
                default:
                    throw new ArgumentException($"unknown scenario {scenario} in the pages mode (its scenarios: {string.Join(", ", Scenarios)})");
            }
        }

        if (results.TryGetValue("pages", out var pages) && results.TryGetValue("json-reads", out var json) && json.PerSecond > 0)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"page_ratio={pages.PerSecond / json.PerSecond:F2}"));
        if (failures.Count == 0)
            return 0;
        Console.Error.WriteLine($"FAILED: {failures.Count} answers were not the page or JSON asked for; the first ones:");
        foreach (var message in failures.First)
            Console.Error.WriteLine("  " + message);
        return 1;
    }

    /// <summary>Every session signs in one after the other, as people arriving would (and within the account forms' rate limits).</summary>
    private static async Task<BrowserSession[]> SignInAllAsync(LoadOptions options, string email, string password)
    {
        var sessions = new List<BrowserSession>();
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        try
        {
            for (var i = 0; i < options.Clients; i++)
                sessions.Add(await BrowserSession.SignInAsync(options.Web, email, password, stop.Token));
            return [.. sessions];
        }
        catch
        {
            foreach (var session in sessions)
                session.Dispose();
            throw;
        }
    }

    /// <summary>Each session reads the partnership page and the pilot page in turn (half the sessions start with each).</summary>
    private static async Task<ScenarioResult> PagesAsync(LoadOptions options, BrowserSession[] sessions, FailureLog failures)
    {
        var partnershipPath = $"/partnerships/{options.PartnershipId}";
        var pilotPath = $"/pilots/{options.PilotId}";
        // What only these pages show: the partnership's live section, the pilot's history heading.
        var partnershipMarker = $"data-live=\"/partnerships/{options.PartnershipId}/live\"";
        const string PilotMarker = "id=\"history-heading\"";
        var turns = new int[options.Clients];
        var perPage = new PageFigures(options.Clients, "page-partnership", "page-pilot");

        var result = await LoadRun.RunAsync<(int Page, ServerTime? Server)>("pages", options, async (client, _) =>
        {
            var page = (client + turns[client]++) % 2;
            var server = await failures.Watch(page == 0
                ? sessions[client].PageAsync(partnershipPath, partnershipMarker)
                : sessions[client].PageAsync(pilotPath, PilotMarker));
            return (page, server);
        }, (client, sample, milliseconds) => perPage.Add(client, sample.Page, milliseconds, sample.Server));

        var (server, handler) = perPage.Server(options.Seconds);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{result} server_p50_ms={server.P50:F2} server_p95_ms={server.P95:F2} server_p99_ms={server.P99:F2} server_timed={server.Requests} handler_p50_ms={handler.P50:F2} handler_p95_ms={handler.P95:F2}"));
        foreach (var line in perPage.Lines(options.Seconds))
            Console.WriteLine(line);
        return result;
    }

    /// <summary>Each client reads, in turn, the partnership with its progress (two calls, one after the other) and the pilot.</summary>
    private static async Task<ScenarioResult> JsonReadsAsync(LoadOptions options, string key, FailureLog failures)
    {
        var clients = Enumerable.Range(0, options.Clients).Select(_ => new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1 })
        {
            BaseAddress = options.Http,
            Timeout = TimeSpan.FromSeconds(30),
            DefaultRequestHeaders = { { "x-api-key", key } },
        }).ToArray();
        var turns = new int[options.Clients];
        var perData = new PageFigures(options.Clients, "json-partnership", "json-pilot");
        try
        {
            var result = await LoadRun.RunAsync<(int Page, ServerTime? Server)>("json-reads", options, async (client, _) =>
            {
                var page = (client + turns[client]++) % 2;
                if (page == 0)
                {
                    await failures.Watch(JsonAsync(clients[client], $"/v1/partnerships/{options.PartnershipId}", options.PartnershipId));
                    await failures.Watch(JsonAsync(clients[client], $"/v1/partnerships/{options.PartnershipId}/progress", options.PartnershipId));
                }
                else
                {
                    await failures.Watch(JsonAsync(clients[client], $"/v1/pilots/{options.PilotId}", options.PilotId));
                }
                return (page, (ServerTime?)null);
            }, (client, sample, milliseconds) => perData.Add(client, sample.Page, milliseconds, sample.Server));

            // A partnership read is two calls: per_s counts the page's worth of data, calls_per_s the calls.
            var calls = perData.Requests(0) * 2 + perData.Requests(1);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{result} calls_per_s={calls / (double)options.Seconds:F0}"));
            foreach (var line in perData.Lines(options.Seconds))
                Console.WriteLine(line);
            return result;
        }
        finally
        {
            foreach (var client in clients)
                client.Dispose();
        }
    }

    /// <summary>GETs <paramref name="path"/>: it must answer 200 with JSON naming <paramref name="id"/>.</summary>
    private static async Task<bool> JsonAsync(HttpClient client, string path, string id)
    {
        using var response = await client.GetAsync(path);
        var json = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK)
            throw new PageFailure($"GET {path} answered {(int)response.StatusCode}: {json[..Math.Min(200, json.Length)]}");
        if (response.Content.Headers.ContentType?.MediaType != "application/json" || !json.Contains($"\"{id}\"", StringComparison.Ordinal))
            throw new PageFailure($"GET {path} answered something other than JSON naming {id}");
        return true;
    }

    /// <summary>The variables of a NAME=value file (# comments), as the demo writes them.</summary>
    private static Dictionary<string, string> EnvVariables(string path) =>
        File.ReadLines(path)
            .Where(line => !line.TrimStart().StartsWith('#'))
            .Select(line => line.Split('=', 2))
            .Where(parts => parts.Length == 2)
            .ToDictionary(parts => parts[0].Trim(), parts => parts[1].Trim(), StringComparer.Ordinal);

    private static string Required(Dictionary<string, string> variables, string name, string file) =>
        variables.TryGetValue(name, out var value) && value.Length > 0 ? value : throw new ArgumentException($"{file} has no {name}");

    /// <summary>Failures of every call, warm-up included; the first few messages kept for the report.</summary>
    private sealed class FailureLog
    {
        private readonly List<string> _first = [];
        private long _count;

        public long Count => Interlocked.Read(ref _count);

        public IReadOnlyList<string> First
        {
            get
            {
                lock (_first)
                    return [.. _first];
            }
        }

        /// <summary>Awaits <paramref name="call"/>, counting it if it fails (and failing still).</summary>
        public async Task<T> Watch<T>(Task<T> call)
        {
            try
            {
                return await call;
            }
            catch (Exception failure)
            {
                Interlocked.Increment(ref _count);
                lock (_first)
                {
                    if (_first.Count < 10)
                        _first.Add(failure is PageFailure ? failure.Message : $"{failure.GetType().Name}: {failure.Message}");
                }
                throw;
            }
        }
    }

    /// <summary>Per client, the latencies of each of the two reads, and the server's own times the answers gave.</summary>
    private sealed class PageFigures(int clients, string first, string second)
    {
        private readonly LatencyRecorder[][] _latency = [Recorders(clients), Recorders(clients)];
        private readonly LatencyRecorder[][] _server = [Recorders(clients), Recorders(clients)];
        private readonly LatencyRecorder[][] _handler = [Recorders(clients), Recorders(clients)];
        private readonly string[] _names = [first, second];

        public void Add(int client, int page, double milliseconds, ServerTime? server)
        {
            _latency[page][client].Success(milliseconds);
            if (server is null)
                return;
            _server[page][client].Success(server.App);
            if (server.Handler is { } handler)
                _handler[page][client].Success(handler);
        }

        public long Requests(int page) => LatencyRecorder.Summarise(_names[page], _latency[page], 1).Requests;

        /// <summary>The server's times of both reads together: the whole, and the handlers'.</summary>
        public (ScenarioResult Server, ScenarioResult Handler) Server(double seconds) => (
            LatencyRecorder.Summarise("server", [.. _server[0], .. _server[1]], seconds),
            LatencyRecorder.Summarise("handler", [.. _handler[0], .. _handler[1]], seconds));

        /// <summary>A line per read, in the generator's style, with the server's times when it told (handler: the page's grain calls).</summary>
        public IEnumerable<string> Lines(double seconds)
        {
            for (var page = 0; page < 2; page++)
            {
                var result = LatencyRecorder.Summarise(_names[page], _latency[page], seconds);
                var server = LatencyRecorder.Summarise(_names[page], _server[page], seconds);
                var handler = LatencyRecorder.Summarise(_names[page], _handler[page], seconds);
                yield return server.Requests == 0
                    ? result.ToString()
                    : string.Create(CultureInfo.InvariantCulture,
                        $"{result} server_p50_ms={server.P50:F2} server_p95_ms={server.P95:F2} handler_p50_ms={handler.P50:F2} handler_p95_ms={handler.P95:F2}");
            }
        }

        private static LatencyRecorder[] Recorders(int count) => [.. Enumerable.Range(0, count).Select(_ => new LatencyRecorder())];
    }
}
