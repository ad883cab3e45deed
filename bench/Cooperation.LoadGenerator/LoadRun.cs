using System.Diagnostics;

namespace Cooperation.LoadGenerator;

/// <summary>Runs one call shape with N concurrent clients: a warm-up, then a measured window.</summary>
public static class LoadRun
{
    /// <summary>
    /// Each client (numbered from 0) calls <paramref name="call"/> back to back (one call in flight per client)
    /// until the window closes; calls started in the warm-up are not measured.
    /// </summary>
    public static async Task<ScenarioResult> RunAsync(string scenario, LoadOptions options, Func<int, Random, Task> call)
    {
        var recorders = Enumerable.Range(0, options.Clients).Select(_ => new LatencyRecorder()).ToArray();
        var clock = Stopwatch.StartNew();
        var measureFrom = TimeSpan.FromSeconds(options.WarmupSeconds);
        var stopAt = measureFrom + TimeSpan.FromSeconds(options.Seconds);

        await Task.WhenAll(recorders.Select((recorder, client) => Task.Run(async () =>
        {
            var random = new Random(client * 7919 + scenario.GetHashCode(StringComparison.Ordinal));
            while (true)
            {
                var started = clock.Elapsed;
                if (started >= stopAt)
                    return;
                bool ok;
                try
                {
                    await call(client, random);
                    ok = true;
                }
                catch (Exception) when (started >= measureFrom)
                {
                    ok = false;
                }
                catch (Exception)
                {
                    continue;
                }
                if (started < measureFrom)
                    continue;
                if (ok)
                    recorder.Success((clock.Elapsed - started).TotalMilliseconds);
                else
                    recorder.Failure();
            }
        })));
        return LatencyRecorder.Summarise(scenario, recorders, options.Seconds);
    }
}
