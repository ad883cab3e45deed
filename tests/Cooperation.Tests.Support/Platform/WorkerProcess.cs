using System.Diagnostics;
using System.Text;

namespace Cooperation.Tests.Support;

/// <summary>
/// The worker host as a real process (<c>dotnet Cooperation.Worker.dll</c> in its build folder, as
/// <c>ops/run.sh</c> starts it), configured through environment variables, for tests that kill it.
/// Its Hangfire server is named after <see cref="Name"/>, so a job's processing state says which
/// worker holds it.
/// </summary>
public sealed class WorkerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private WorkerProcess(Process process, string name)
    {
        _process = process;
        Name = name;
        process.OutputDataReceived += (_, line) => Keep(line.Data);
        process.ErrorDataReceived += (_, line) => Keep(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>Its name (lower case): the start of its Hangfire server's id.</summary>
    public string Name { get; }

    /// <summary>What it logged so far (the last 200 kB).</summary>
    public string Output
    {
        get
        {
            lock (_output)
                return _output.ToString();
        }
    }

    /// <summary>
    /// Starts a worker of <paramref name="clusterId"/> on <paramref name="connectionString"/> with
    /// <paramref name="settings"/> (configuration keys such as "Reports:Smtp:Port") and waits until its
    /// health endpoint answers, which it does once a silo answers.
    /// </summary>
    public static async Task<WorkerProcess> StartAsync(string name, string connectionString, string clusterId, IReadOnlyDictionary<string, string> settings)
    {
        var folder = BuildFolder();
        var port = Ports.Free();
        var start = new ProcessStartInfo("dotnet", ["Cooperation.Worker.dll"])
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // Hangfire names its server after HOSTNAME.
        start.Environment["HOSTNAME"] = name;
        start.Environment["DOTNET_ENVIRONMENT"] = "Test";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Test";
        start.Environment["ConnectionStrings__Cooperation"] = connectionString;
        start.Environment["Orleans__ClusterId"] = clusterId;
        start.Environment["Orleans__ServiceId"] = clusterId;
        start.Environment["Kestrel__Endpoints__Http__Url"] = $"http://127.0.0.1:{port}";
        foreach (var (key, value) in settings)
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        var worker = new WorkerProcess(Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start"), name);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var until = DateTime.UtcNow.AddSeconds(120);
        while (DateTime.UtcNow < until)
        {
            if (worker._process.HasExited)
                break;
            try
            {
                using var health = await http.GetAsync($"http://127.0.0.1:{port}/healthz");
                if (health.IsSuccessStatusCode)
                    return worker;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Not answering yet.
            }
            await Task.Delay(250);
        }
        var output = worker.Output;
        await worker.DisposeAsync();
        throw new InvalidOperationException($"worker {name} did not become healthy within 120 s:\n{output}");
    }

    /// <summary>Kills it at once (SIGKILL): no shutdown, no clean-up, as a crash or an OOM kill would.</summary>
    public void Kill()
    {
        _process.Kill();
        _process.WaitForExit();
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null)
            return;
        lock (_output)
        {
            _output.AppendLine(line);
            if (_output.Length > 200_000)
                _output.Remove(0, _output.Length - 200_000);
        }
    }

    /// <summary>The worker's build folder of this build's configuration (the test project builds it: Tests.Support references the worker).</summary>
    private static string BuildFolder()
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        var folder = Path.Combine(Ops.Root, "src", "Worker", "bin", configuration, "net10.0");
        return File.Exists(Path.Combine(folder, "Cooperation.Worker.dll"))
            ? folder
            : throw new InvalidOperationException($"Cooperation.Worker.dll is not in {folder}: build the solution in {configuration}.");
    }
}
