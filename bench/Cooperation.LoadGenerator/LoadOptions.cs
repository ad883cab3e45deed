using System.Globalization;

namespace Cooperation.LoadGenerator;

/// <summary>Command-line settings of a load run.</summary>
public sealed record LoadOptions
{
    /// <summary>The gateway's gRPC (HTTP/2) address.</summary>
    public Uri Target { get; init; } = new("http://127.0.0.1:5080");

    /// <summary>An admin API key: it prepares the pilots and issues the bench partner's key.</summary>
    public string ApiKey { get; init; } = "";

    /// <summary>
    /// What to measure: "grpc" (the gateway's writes and reads, the default), "pages" (the web
    /// host's pages beside the JSON routes for the same data, <see cref="PagesMode"/>) or "chaos"
    /// (writes while ops/chaos.sh kills a silo, then retries, <see cref="ChaosMode"/>).
    /// </summary>
    public string Mode { get; init; } = "grpc";

    /// <summary>Concurrent clients, each with one call in flight (64 for "grpc", 32 sessions for "pages" unless given).</summary>
    public int Clients { get; init; } = 64;

    /// <summary>
    /// HTTP/2 connections the clients share; by default one per client, as independent
    /// partners would each hold their own.
    /// </summary>
    public int Connections { get; init; }

    /// <summary>Measured seconds per scenario (after a warm-up).</summary>
    public int Seconds { get; init; } = 20;

    /// <summary>Warm-up seconds per scenario, not measured.</summary>
    public int WarmupSeconds { get; init; } = 3;

    /// <summary>Pilots per set the writes and reads spread over.</summary>
    public int Pilots { get; init; } = 1000;

    /// <summary>Readings every pilot of the heavy set holds before it is measured.</summary>
    public int HeavyReadings { get; init; } = 1_000;

    /// <summary>Readings every pilot of the fresh set holds before it is measured.</summary>
    public int FreshReadings { get; init; } = 10;

    /// <summary>Scenarios to run, in order.</summary>
    public IReadOnlyList<string> Scenarios { get; init; } = ["reads", "health", "writes-fresh", "writes-heavy"];

    /// <summary>
    /// Processes whose CPU time per call to report, "name=pid,…" (<see cref="CpuMeter"/>); none by default.
    /// </summary>
    public string CpuOf { get; init; } = "";

    /// <summary>Chaos mode: where to write every key sent and its outcome.</summary>
    public string LedgerFile { get; init; } = "";

    /// <summary>Pages mode: the web host's address.</summary>
    public Uri Web { get; init; } = new("http://127.0.0.1:5082");

    /// <summary>Pages mode: the gateway's HTTP/JSON address.</summary>
    public Uri Http { get; init; } = new("http://127.0.0.1:5081");

    /// <summary>Pages mode: the demo people's file (<c>PREFIX_EMAIL=…</c>, <c>PREFIX_PASSWORD=…</c>).</summary>
    public string UsersFile { get; init; } = ".data/demo-users.env";

    /// <summary>Pages mode: the demo keys' file (<c>PREFIX_KEY=…</c>).</summary>
    public string KeysFile { get; init; } = ".data/demo-keys.env";

    /// <summary>Pages mode: the prefix of the demo person whose sessions read the pages and whose organisation's key reads the JSON.</summary>
    public string Person { get; init; } = "HP_DOFA";

    /// <summary>Pages mode: the partnership whose page is read.</summary>
    public string PartnershipId { get; init; } = "haiphong-kitakyushu";

    /// <summary>Pages mode: the pilot whose page is read.</summary>
    public string PilotId { get; init; } = "hp-compost";

    /// <summary>Parses <c>--name value</c> pairs; unknown names are an error.</summary>
    public static LoadOptions Parse(string[] args)
    {
        var options = new LoadOptions();
        var clientsGiven = false;
        var scenariosGiven = false;
        for (var i = 0; i < args.Length; i += 2)
        {
            var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value");
            options = args[i] switch
            {
                "--target" => options with { Target = new Uri(value) },
                "--api-key" => options with { ApiKey = value },
                "--mode" => options with { Mode = value is "grpc" or "pages" or "chaos" ? value : throw new ArgumentException("--mode is grpc, pages or chaos") },
                "--clients" => options with { Clients = Int(value) },
                "--connections" => options with { Connections = Int(value) },
                "--seconds" => options with { Seconds = Int(value) },
                "--warmup" => options with { WarmupSeconds = Int(value) },
                "--pilots" => options with { Pilots = Int(value) },
                "--heavy-readings" => options with { HeavyReadings = Int(value) },
                "--fresh-readings" => options with { FreshReadings = Int(value) },
                "--scenarios" => options with { Scenarios = value.Split(',', StringSplitOptions.RemoveEmptyEntries) },
                "--web" => options with { Web = new Uri(value) },
                "--http" => options with { Http = new Uri(value) },
                "--users-file" => options with { UsersFile = value },
                "--keys-file" => options with { KeysFile = value },
                "--person" => options with { Person = value },
                "--partnership" => options with { PartnershipId = value },
                "--pilot" => options with { PilotId = value },
                "--cpu-of" => options with { CpuOf = value },
                "--ledger-file" => options with { LedgerFile = value },
                _ => throw new ArgumentException($"unknown option {args[i]}"),
            };
            clientsGiven |= args[i] == "--clients";
            scenariosGiven |= args[i] == "--scenarios";
        }
        if (options.Mode != "pages")
            return options;
        // The pages mode's own defaults: 32 sessions, both scenarios.
        return options with
        {
            Clients = clientsGiven ? options.Clients : 32,
            Scenarios = scenariosGiven ? options.Scenarios : PagesMode.Scenarios,
        };
    }

    private static int Int(string value) => int.Parse(value, CultureInfo.InvariantCulture);
}
