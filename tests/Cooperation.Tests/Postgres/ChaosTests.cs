using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Cooperation.Tests.Support;
using Xunit.Abstractions;

namespace Cooperation.Tests.Postgres;

/// <summary>
/// <c>ops/chaos.sh</c> in a short run, on the build under test: three silo processes and a
/// gateway under partners' updates, one silo killed with SIGKILL and started again by the
/// supervisor that <c>ops/run.sh</c> uses; every failed update retried under its key; nothing
/// acknowledged lost, nothing stored twice.
/// </summary>
public sealed partial class ChaosTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_silo_killed_under_load_is_started_again_and_nothing_acknowledged_is_lost_or_doubled()
    {
        TestLane.RequirePostgres("ops/chaos.sh");
        // A name ops/db.sh prune-tests drops if this run is interrupted.
        var database = $"cooperation_test_{Environment.ProcessId}_chaos_{Guid.NewGuid().ToString("N")[..6]}";
        try
        {
            // Up before the script: then it finds PostgreSQL running and leaves it running for the other tests.
            await Ops.DbAsync("up", database);
            var (exitCode, text) = await RunChaosAsync(database);
            output.WriteLine(text);

            var result = ResultLine().Match(text);
            Assert.True(result.Success, "ops/chaos.sh printed no result line");
            long Figure(string name) => long.Parse(Regex.Match(result.Value, $@"\b{name}=(\d+)").Groups[1].Value);
            var recovery = double.Parse(Regex.Match(result.Value, @"\brecovery_s=([\d.]+)").Groups[1].Value, CultureInfo.InvariantCulture);
            Assert.Matches(@"restarted silo-\d", text);
            Assert.True(Figure("acknowledged") > 100, "too few updates went through to judge");
            Assert.Equal(Figure("acknowledged"), Figure("stored"));
            Assert.Equal(0, Figure("lost"));
            Assert.Equal(0, Figure("doubled"));
            Assert.Equal(0, Figure("unresolved"));
            Assert.Equal(0, exitCode);
            // ≈ 4–5 s measured; Orleans' 30 s response timeout left partners' updates hanging for 30 s.
            // The bound leaves room for a busy machine.
            Assert.True(recovery < 15, $"a partner went {recovery} s without a successful update");
        }
        finally
        {
            await Ops.DbAsync("drop", database);
            var logs = Path.Combine(Ops.Root, ".data", "logs", database);
            if (Directory.Exists(logs))
                Directory.Delete(logs, recursive: true);
        }
    }

    private static async Task<(int ExitCode, string Text)> RunChaosAsync(string database)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(Ops.Root, "ops", "chaos.sh"));
        // The build under test, already made: no second build beside the running suite.
        string[] arguments = ["--no-build", "--seconds", "12", "--clients", "8", "--pilots", "40", "--database", database];
#if DEBUG
        arguments = [.. arguments, "--debug"];
#endif
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        start.Environment["COOPERATION_GRPC_PORT"] = Ports.Free().ToString();
        start.Environment["COOPERATION_HTTP_PORT"] = Ports.Free().ToString();
        start.Environment["COOPERATION_SILO_PORT"] = FreeRun(3).ToString();
        start.Environment["COOPERATION_SILO_GATEWAY_PORT"] = FreeRun(3).ToString();
        // The gateway's management port, then the silos' at + 2 + i.
        start.Environment["COOPERATION_MANAGEMENT_PORT"] = FreeRun(5).ToString();
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            // SIGTERM: the script's trap stops what it started.
            Process.Start("kill", ["-TERM", process.Id.ToString()])?.WaitForExit();
            await process.WaitForExitAsync();
        }
        return (process.ExitCode, await stderr + await stdout);
    }

    // The first of `count` consecutive loopback ports free right now, for the silos' bases.
    private static int FreeRun(int count)
    {
        while (true)
        {
            var first = Random.Shared.Next(20_000, 60_000);
            var listeners = new List<TcpListener>();
            try
            {
                for (var port = first; port < first + count; port++)
                {
                    var listener = new TcpListener(IPAddress.Loopback, port);
                    listener.Start();
                    listeners.Add(listener);
                }
                return first;
            }
            catch (SocketException)
            {
                // taken: try another run
            }
            finally
            {
                foreach (var listener in listeners)
                    listener.Stop();
            }
        }
    }

    [GeneratedRegex(@"^result .*$", RegexOptions.Multiline)]
    private static partial Regex ResultLine();
}
