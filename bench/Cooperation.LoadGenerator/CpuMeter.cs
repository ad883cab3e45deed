using System.Globalization;

namespace Cooperation.LoadGenerator;

/// <summary>
/// CPU time (user + system, from /proc/PID/stat) of named processes over a measured window, so a
/// run can say what one call costs each process in microseconds: a figure other load on a shared
/// machine hardly moves, unlike calls per second. "--cpu-of silo=PID,gateway=PID,postgres=PID"
/// names them; a name of "postgres" (or any name ending in "+") counts the process and its
/// children (PostgreSQL's backends); the load generator counts itself as "loadgen".
/// </summary>
public sealed class CpuMeter
{
    private static readonly double TicksPerSecond = 100; // USER_HZ on Linux

    private readonly IReadOnlyList<(string Name, int Pid, bool WithChildren)> _processes;
    private Dictionary<string, long>? _start;
    private Dictionary<string, long>? _end;

    private CpuMeter(IReadOnlyList<(string Name, int Pid, bool WithChildren)> processes) => _processes = processes;

    /// <summary>A meter of the processes in <paramref name="spec"/> ("name=pid,…") and this one; none when empty.</summary>
    public static CpuMeter? Of(string spec)
    {
        if (spec.Length == 0)
            return null;
        var processes = spec.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => part.Split('=', 2))
            .Select(kv => (Name: kv[0].TrimEnd('+'), Pid: int.Parse(kv[1], CultureInfo.InvariantCulture), WithChildren: kv[0] == "postgres" || kv[0].EndsWith('+')))
            .Append(("loadgen", Environment.ProcessId, false))
            .ToArray();
        return new CpuMeter(processes);
    }

    /// <summary>Reads the counters at the start of the window.</summary>
    public void Start() => _start = Sample();

    /// <summary>Reads the counters at the end of the window.</summary>
    public void Stop() => _end = Sample();

    /// <summary>" cpu_us_silo=… cpu_us_gateway=… … cpu_us_total=…": microseconds per call of each process and their sum.</summary>
    public string PerCall(long calls)
    {
        if (_start is null || _end is null || calls == 0)
            return "";
        var parts = new List<string>();
        double total = 0;
        foreach (var (name, _, _) in _processes)
        {
            var perCall = (_end[name] - _start[name]) / TicksPerSecond * 1e6 / calls;
            total += perCall;
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"cpu_us_{name}={perCall:F0}"));
        }
        parts.Add(string.Create(CultureInfo.InvariantCulture, $"cpu_us_total={total:F0}"));
        return " " + string.Join(' ', parts);
    }

    private Dictionary<string, long> Sample()
    {
        var parents = _processes.Any(p => p.WithChildren) ? ParentsOfAll() : [];
        return _processes.ToDictionary(p => p.Name, p =>
            Ticks(p.Pid, p.WithChildren) + (p.WithChildren ? parents.Where(c => c.Value == p.Pid).Sum(c => Ticks(c.Key, false)) : 0));
    }

    // utime + stime: fields 14 and 15, counted after the command name's closing parenthesis; with
    // the children that ended (cutime + cstime, 16 and 17), so a backend that exits within the
    // window moves from the live children's sum to its parent's instead of vanishing from it.
    private static long Ticks(int pid, bool withEndedChildren)
    {
        try
        {
            var fields = Fields(pid);
            return Enumerable.Range(11, withEndedChildren ? 4 : 2).Sum(i => long.Parse(fields[i], CultureInfo.InvariantCulture));
        }
        catch (IOException)
        {
            return 0; // ended meanwhile
        }
    }

    private static string[] Fields(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        return stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
    }

    private static Dictionary<int, int> ParentsOfAll()
    {
        var parents = new Dictionary<int, int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid))
                continue;
            try
            {
                parents[pid] = int.Parse(Fields(pid)[1], CultureInfo.InvariantCulture);
            }
            catch (IOException)
            {
            }
        }
        return parents;
    }
}
