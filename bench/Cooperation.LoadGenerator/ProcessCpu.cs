using System.Globalization;

namespace Cooperation.LoadGenerator;

/// <summary>
/// CPU time (user + system, from /proc/PID/stat) of the platform's processes and of the load
/// generator itself, sampled at the start and the end of a measured window: divided by the calls
/// made, it is a cost per call that a busy, shared machine disturbs far less than throughput.
/// </summary>
/// <param name="Processes">Name and process id of each watched process; the load generator is added as "loadgen".</param>
public sealed record ProcessCpu(IReadOnlyList<(string Name, int Pid)> Processes)
{
    // Linux reports utime and stime in clock ticks of USER_HZ, 100 per second on every supported platform.
    private const double MicrosecondsPerTick = 1_000_000.0 / 100;

    /// <summary>Parses <c>name=pid,name=pid</c>; an empty text watches only the load generator.</summary>
    public static ProcessCpu Parse(string text) => new(text.Split(',', StringSplitOptions.RemoveEmptyEntries)
        .Select(pair => pair.Split('=', 2) is [var name, var pid] ? (name, int.Parse(pid, CultureInfo.InvariantCulture))
            : throw new ArgumentException($"--cpu-of takes name=pid pairs, not '{pair}'"))
        .ToArray());

    /// <summary>Ticks used so far by each watched process and the load generator, in the order of <see cref="Names"/>.</summary>
    public long[] Sample() => [.. Processes.Select(p => Ticks(p.Pid.ToString(CultureInfo.InvariantCulture))), Ticks("self")];

    /// <summary>The names of <see cref="Sample"/>'s figures.</summary>
    public IEnumerable<string> Names => [.. Processes.Select(p => p.Name), "loadgen"];

    /// <summary>
    /// <c>cpu_us_NAME=…</c> per call for each process between two samples, and their sum as
    /// <c>cpu_us_total</c>; empty when no call was made.
    /// </summary>
    public string PerCall(long[] before, long[] after, long calls)
    {
        if (calls == 0)
            return "";
        var micros = before.Zip(after, (b, a) => (a - b) * MicrosecondsPerTick / calls).ToArray();
        return string.Join(' ', Names.Zip(micros, (name, us) => string.Create(CultureInfo.InvariantCulture, $"cpu_us_{name}={us:F0}"))
            .Append(string.Create(CultureInfo.InvariantCulture, $"cpu_us_total={micros.Sum():F0}")));
    }

    // Fields 14 and 15 of /proc/PID/stat, counted after the command name (which may hold spaces) closes.
    private static long Ticks(string pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
    }
}
