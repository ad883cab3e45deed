using System.Globalization;

namespace Cooperation.LoadGenerator;

/// <summary>Latencies of one client (no locking: one recorder per client), merged at the end.</summary>
public sealed class LatencyRecorder
{
    private readonly List<double> _milliseconds = new(capacity: 100_000);

    /// <summary>Failed calls.</summary>
    public long Errors { get; private set; }

    /// <summary>Adds one successful call.</summary>
    public void Success(double milliseconds) => _milliseconds.Add(milliseconds);

    /// <summary>Adds one failed call.</summary>
    public void Failure() => Errors++;

    /// <summary>Summarises the recorders of all clients over <paramref name="seconds"/>.</summary>
    public static ScenarioResult Summarise(string scenario, IReadOnlyCollection<LatencyRecorder> recorders, double seconds)
    {
        var all = recorders.SelectMany(r => r._milliseconds).Order().ToArray();
        double Percentile(double p) => all.Length == 0 ? double.NaN : all[Math.Min(all.Length - 1, (int)Math.Ceiling(p * all.Length) - 1)];
        return new ScenarioResult(scenario, all.Length, recorders.Sum(r => r.Errors), all.Length / seconds,
            Percentile(0.50), Percentile(0.95), Percentile(0.99));
    }
}

/// <summary>What one scenario measured.</summary>
public sealed record ScenarioResult(
    string Scenario, long Requests, long Errors, double PerSecond, double P50, double P95, double P99)
{
    /// <summary>CPU microseconds per call by process (<see cref="CpuMeter.PerCall"/>), when measured.</summary>
    public string Cpu { get; init; } = "";

    /// <summary>One line, key=value, for people and scripts alike.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"scenario={Scenario} requests={Requests} errors={Errors} per_s={PerSecond:F0} p50_ms={P50:F2} p95_ms={P95:F2} p99_ms={P99:F2}{Cpu}");
}
