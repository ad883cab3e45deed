using System.Diagnostics;

namespace Cooperation.LoadGenerator;

/// <summary>Runs one call shape with N concurrent clients: a warm-up, then a measured window.</summary>
public static class LoadRun
{
    /// <summary>
    /// Each client (numbered from 0) calls <paramref name="call"/> back to back (one call in flight per client)
    /// until the window closes; calls started in the warm-up are not measured.
    /// </summary>
    public static Task<ScenarioResult> RunAsync(string scenario, LoadOptions options, Func<int, Random, Task> call) =>
        RunAsync<bool>(scenario, options, async (client, random) =>
        {
            await call(client, random);
            return true;
        }, measured: null);

    /// <summary>
    /// As <see cref="RunAsync(string, LoadOptions, Func{int, Random, Task})"/>, and hands what each measured
    /// call returned to <paramref name="measured"/> (client, result, milliseconds), on that client's thread of
    /// calls: one recorder per client needs no locking.
    /// </summary>
    public static async Task<ScenarioResult> RunAsync<T>(
        string scenario, LoadOptions options, Func<int, Random, Task<T>> call, Action<int, T, double>? measured)
    {
        var recorders = Enumerable.Range(0, options.Clients).Select(_ => new LatencyRecorder()).ToArray();
        var clock = Stopwatch.StartNew();
        var measureFrom = TimeSpan.FromSeconds(options.WarmupSeconds);
        var stopAt = measureFrom + TimeSpan.FromSeconds(options.Seconds);
        var cpu = CpuMeter.Of(options.CpuOf);
        var metering = cpu is null ? Task.CompletedTask : Task.Run(async () =>
        {
            await Task.Delay(measureFrom);
            cpu.Start();
            await Task.Delay(stopAt - clock.Elapsed);
            cpu.Stop();
        });

        await Task.WhenAll(recorders.Select((recorder, client) => Task.Run(async () =>
        {
            var random = new Random(client * 7919 + scenario.GetHashCode(StringComparison.Ordinal));
            while (true)
            {
                var started = clock.Elapsed;
                if (started >= stopAt)
                    return;
                T result;
                try
                {
                    result = await call(client, random);
                }
                catch (Exception) when (started >= measureFrom)
                {
                    recorder.Failure();
                    continue;
                }
                catch (Exception)
                {
                    continue;
                }
                if (started < measureFrom)
                    continue;
                var milliseconds = (clock.Elapsed - started).TotalMilliseconds;
                recorder.Success(milliseconds);
                measured?.Invoke(client, result, milliseconds);
            }
        })));
        await metering;
        var result = LatencyRecorder.Summarise(scenario, recorders, options.Seconds);
        return cpu is null ? result : result with { Cpu = cpu.PerCall(result.Requests) };
    }
}
