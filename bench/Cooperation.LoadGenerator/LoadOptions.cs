using System.Globalization;

namespace Cooperation.LoadGenerator;

/// <summary>Command-line settings of a load run.</summary>
public sealed record LoadOptions
{
    /// <summary>The gateway's gRPC (HTTP/2) address.</summary>
    public Uri Target { get; init; } = new("http://127.0.0.1:5080");

    /// <summary>An admin API key: it prepares the pilots and issues the bench partner's key.</summary>
    public string ApiKey { get; init; } = "";

    /// <summary>Concurrent clients, each with one call in flight.</summary>
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

    /// <summary>Parses <c>--name value</c> pairs; unknown names are an error.</summary>
    public static LoadOptions Parse(string[] args)
    {
        var options = new LoadOptions();
        for (var i = 0; i < args.Length; i += 2)
        {
            var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value");
            options = args[i] switch
            {
                "--target" => options with { Target = new Uri(value) },
                "--api-key" => options with { ApiKey = value },
                "--clients" => options with { Clients = Int(value) },
                "--connections" => options with { Connections = Int(value) },
                "--seconds" => options with { Seconds = Int(value) },
                "--warmup" => options with { WarmupSeconds = Int(value) },
                "--pilots" => options with { Pilots = Int(value) },
                "--heavy-readings" => options with { HeavyReadings = Int(value) },
                "--fresh-readings" => options with { FreshReadings = Int(value) },
                "--scenarios" => options with { Scenarios = value.Split(',', StringSplitOptions.RemoveEmptyEntries) },
                _ => throw new ArgumentException($"unknown option {args[i]}"),
            };
        }
        return options;
    }

    private static int Int(string value) => int.Parse(value, CultureInfo.InvariantCulture);
}
