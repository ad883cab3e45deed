using System.Diagnostics;

namespace Cooperation.Tests.Support;

/// <summary>Runs the repository's ops scripts, as the README's commands do.</summary>
public static class Ops
{
    /// <summary>The repository root (where Cooperation.sln is).</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>Runs <c>ops/db.sh</c> with <paramref name="arguments"/>; throws with its output when it fails.</summary>
    public static Task<string> DbAsync(params string[] arguments) => DbAsync(new Dictionary<string, string>(), arguments);

    /// <summary>Runs <c>ops/db.sh</c> with <paramref name="environment"/> added to this process's.</summary>
    public static async Task<string> DbAsync(IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        TestLane.RequirePostgres($"ops/db.sh {string.Join(' ', arguments)}");
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (name, value) in environment)
            start.Environment[name] = value;
        start.ArgumentList.Add(Path.Combine(Root, "ops", "db.sh"));
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"ops/db.sh {string.Join(' ', arguments)} exited {process.ExitCode}:\n{await output}\n{await errors}");
        return (await output).Trim();
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Cooperation.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException("Cooperation.sln not found above " + AppContext.BaseDirectory);
    }
}
