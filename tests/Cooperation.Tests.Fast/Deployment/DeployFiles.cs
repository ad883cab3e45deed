using System.Text.RegularExpressions;
using Cooperation.ServiceDefaults;
using Cooperation.Tests.Support;
using Microsoft.Extensions.Configuration;
using YamlDotNet.RepresentationModel;

namespace Cooperation.Tests.Fast.Deployment;

/// <summary>
/// What the deployment files are checked against, read from the repository: the manifests of
/// ops/deploy/k8s, each host's appsettings.json, and the settings the README's "Configuration" names.
/// </summary>
internal static partial class DeployFiles
{
    /// <summary>The hosts: container (and Dockerfile target) name → project folder under src/.</summary>
    public static IReadOnlyDictionary<string, string> Hosts { get; } = new Dictionary<string, string>
    {
        ["silo"] = "Silo",
        ["gateway"] = "Gateway",
        ["web"] = "Web",
        ["worker"] = "Worker",
    };

    /// <summary>ops/deploy/k8s.</summary>
    public static string ManifestFolder { get; } = Path.Combine(Ops.Root, "ops", "deploy", "k8s");

    /// <summary>Every YAML file of <see cref="ManifestFolder"/>.</summary>
    public static IReadOnlyList<string> ManifestFiles() =>
        [.. Directory.GetFiles(ManifestFolder, "*.yaml").Concat(Directory.GetFiles(ManifestFolder, "*.yml")).Order(StringComparer.Ordinal)];

    /// <summary>Every document of every manifest file (YamlDotNet throws on one that does not parse).</summary>
    public static IReadOnlyList<Manifest> Manifests() =>
    [
        .. ManifestFiles().SelectMany(file =>
        {
            var stream = new YamlStream();
            using var reader = new StringReader(File.ReadAllText(file));
            stream.Load(reader);
            return stream.Documents
                .Where(d => d.RootNode is not YamlScalarNode { Value: null or "" })
                .Select(d => new Manifest(Path.GetFileName(file), (YamlMappingNode)d.RootNode));
        }),
    ];

    /// <summary>A host's appsettings.json, as the host reads it.</summary>
    public static IConfiguration AppSettings(string host) => new ConfigurationBuilder()
        .AddJsonFile(Path.Combine(Ops.Root, "src", Hosts[host], "appsettings.json"), optional: false)
        .Build();

    /// <summary>
    /// The ports a host's configuration opens: each Kestrel endpoint's (by its name) and, in a
    /// silo, Orleans' silo and gateway ports.
    /// </summary>
    public static IReadOnlyDictionary<string, int> PortsOf(IConfiguration configuration)
    {
        var ports = configuration.GetSection("Kestrel:Endpoints").GetChildren().ToDictionary(
            e => e.Key,
            e => ManagementEndpoint.PortOf(configuration, e.Key) ?? throw new InvalidOperationException($"endpoint {e.Key} has no port"));
        foreach (var orleans in new[] { "Orleans:SiloPort", "Orleans:GatewayPort" })
        {
            if (configuration[orleans] is { } port)
                ports[orleans] = int.Parse(port, System.Globalization.CultureInfo.InvariantCulture);
        }
        return ports;
    }

    /// <summary>The endpoint serving /metrics: "Management", or the only endpoint of a host with one (the worker's).</summary>
    public static string ManagementEndpointOf(IConfiguration configuration)
    {
        var endpoints = configuration.GetSection("Kestrel:Endpoints").GetChildren().Select(e => e.Key).ToList();
        return endpoints.Contains(ManagementEndpoint.Name) ? ManagementEndpoint.Name : endpoints.Single();
    }

    /// <summary>The settings (as environment variable names) in the README's table "Configuration".</summary>
    public static IReadOnlySet<string> DocumentedSettings()
    {
        var readme = File.ReadAllText(Path.Combine(Ops.Root, "README.md"));
        var section = readme[readme.IndexOf("\n## Configuration", StringComparison.Ordinal)..];
        section = section[..section.IndexOf("\n## ", 1, StringComparison.Ordinal)];
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in section.Split('\n').Where(l => l.StartsWith("| `", StringComparison.Ordinal)))
        {
            // "`Journal__MaxBatchRows` / `__Writers`": a name starting with __ continues the previous one's section.
            string? previous = null;
            foreach (Match code in Code().Matches(row.Split('|')[1]))
            {
                var name = code.Groups[1].Value.TrimEnd('…', '_');
                name = TrailingIndex().Replace(name, "");
                if (name.StartsWith("__", StringComparison.Ordinal) && previous is not null)
                    name = previous[..previous.LastIndexOf("__", StringComparison.Ordinal)] + name;
                names.Add(name);
                previous = name;
            }
        }
        return names;
    }

    /// <summary>An environment variable's name as a configuration setting (<c>A__B__0</c> is the list <c>A__B</c>).</summary>
    public static string SettingOf(string variable) => TrailingIndex().Replace(variable, "");

    /// <summary>A host's appsettings.json keys, as environment variable names.</summary>
    public static IEnumerable<string> SettingsIn(IConfiguration configuration) =>
        configuration.AsEnumerable().Where(p => p.Value is not null).Select(p => SettingOf(p.Key.Replace(":", "__", StringComparison.Ordinal)));

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex Code();

    [GeneratedRegex("(__[0-9]+)+$")]
    private static partial Regex TrailingIndex();
}

/// <summary>One YAML document of a manifest file.</summary>
/// <param name="File">The file's name.</param>
/// <param name="Root">The document.</param>
internal sealed record Manifest(string File, YamlMappingNode Root)
{
    public string? Kind => Root.Text("kind");

    public string? Name => Root.Child("metadata")?.Text("name");

    public override string ToString() => $"{File}: {Kind} {Name}";
}

/// <summary>Reading a YAML tree without ceremony: a missing node is null.</summary>
internal static class YamlNodes
{
    public static YamlNode? Child(this YamlNode? node, string key) =>
        node is YamlMappingNode map && map.Children.TryGetValue(new YamlScalarNode(key), out var child) ? child : null;

    public static string? Text(this YamlNode? node, string key) => (node.Child(key) as YamlScalarNode)?.Value;

    public static IEnumerable<YamlNode> Items(this YamlNode? node, string key) =>
        node.Child(key) is YamlSequenceNode sequence ? sequence.Children : [];

    public static IEnumerable<(string Key, string? Value)> Entries(this YamlNode? node) =>
        node is YamlMappingNode map
            ? map.Children.Select(c => (((YamlScalarNode)c.Key).Value!, (c.Value as YamlScalarNode)?.Value))
            : [];
}
