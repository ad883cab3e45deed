using System.Text.RegularExpressions;
using System.Xml.Linq;
using Cooperation.Tests.Support;

namespace Cooperation.Tests.Fast.Deployment;

/// <summary>
/// ops/deploy/Dockerfile read, not built (no Docker here): each host's target publishes that
/// host's project, runs the dll it makes, exposes its configured ports and runs as non-root.
/// </summary>
public sealed partial class DockerfileTests
{
    private static readonly string Dockerfile = File.ReadAllText(Path.Combine(Ops.Root, "ops", "deploy", "Dockerfile"));

    [Fact]
    public void Each_host_target_publishes_its_project_and_runs_its_dll_on_its_ports()
    {
        var stages = Stages();
        Assert.All(DeployFiles.Hosts, host =>
        {
            var target = Assert.Contains(host.Key, stages);
            var copied = Assert.Single(CopyFrom().Matches(target)).Groups[1].Value;
            var publish = Assert.Single(Publish().Matches(Assert.Contains(copied, stages))).Groups[1].Value;

            var project = Path.Combine(Ops.Root, publish);
            Assert.True(File.Exists(project), $"{host.Key}: {publish} does not exist");
            Assert.Equal(Path.Combine("src", host.Value), Path.GetDirectoryName(publish));
            var assembly = XDocument.Load(project).Descendants("AssemblyName").SingleOrDefault()?.Value
                ?? Path.GetFileNameWithoutExtension(project);
            Assert.Equal($"ENTRYPOINT [\"dotnet\", \"{assembly}.dll\"]", Assert.Single(Entrypoint().Matches(target)).Value);

            var exposed = Expose().Match(target).Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse);
            Assert.Equal(DeployFiles.PortsOf(DeployFiles.AppSettings(host.Key)).Values.Order(), exposed.Order());
        });
    }

    [Fact]
    public void The_runtime_runs_as_the_images_non_root_user_and_holds_no_secret()
    {
        var runtime = Stages()["runtime"];

        Assert.StartsWith("FROM mcr.microsoft.com/dotnet/aspnet:10.0", runtime, StringComparison.Ordinal);
        Assert.Contains("USER $APP_UID", runtime, StringComparison.Ordinal);
        Assert.All(DeployFiles.Hosts.Keys, host => Assert.StartsWith("FROM runtime AS", Stages()[host], StringComparison.Ordinal));
        var instructions = string.Join('\n', Dockerfile.Split('\n').Where(l => !l.TrimStart().StartsWith('#')));
        Assert.DoesNotMatch("(?i)(password|connectionstrings|secret|apikey)", instructions);
    }

    // Stage name → its text, from its FROM to the next.
    private static Dictionary<string, string> Stages() => Stage().Matches(Dockerfile)
        .ToDictionary(m => m.Groups[1].Value, m => m.Value);

    [GeneratedRegex(@"^FROM \S+ AS (\S+)\n(?:(?!FROM ).*\n?)*", RegexOptions.Multiline)]
    private static partial Regex Stage();

    [GeneratedRegex(@"COPY --from=(\S+) ")]
    private static partial Regex CopyFrom();

    [GeneratedRegex(@"dotnet publish (\S+\.csproj)")]
    private static partial Regex Publish();

    [GeneratedRegex(@"^ENTRYPOINT .*$", RegexOptions.Multiline)]
    private static partial Regex Entrypoint();

    [GeneratedRegex(@"^EXPOSE (.*)$", RegexOptions.Multiline)]
    private static partial Regex Expose();
}
