using System.Globalization;
using Microsoft.Extensions.Configuration;
using YamlDotNet.RepresentationModel;

namespace Cooperation.Tests.Fast.Deployment;

/// <summary>A host's container in a Deployment or StatefulSet of ops/deploy/k8s, with what it is given.</summary>
internal sealed record Workload(Manifest Manifest, string Host, YamlNode Pod, YamlNode Container)
{
    /// <summary>Every host's workload; each container named after its host.</summary>
    public static IReadOnlyList<Workload> All(IReadOnlyList<Manifest> manifests) =>
    [
        .. manifests.Where(m => m.Kind is "Deployment" or "StatefulSet").SelectMany(m =>
        {
            var pod = m.Root.Child("spec").Child("template")!;
            return pod.Child("spec").Items("containers").Select(c => new Workload(m, c.Text("name")!, pod, c));
        }),
    ];

    /// <summary>The pod's labels.</summary>
    public IReadOnlyDictionary<string, string?> Labels => Pod.Child("metadata").Child("labels").Entries().ToDictionary();

    /// <summary>The pod's annotations.</summary>
    public IReadOnlyDictionary<string, string?> Annotations => Pod.Child("metadata").Child("annotations").Entries().ToDictionary();

    /// <summary>Container ports by name (unnamed ones by their number).</summary>
    public IReadOnlyDictionary<string, int> Ports => Container.Items("ports").ToDictionary(
        p => p.Text("name") ?? p.Text("containerPort")!,
        p => int.Parse(p.Text("containerPort")!, CultureInfo.InvariantCulture));

    /// <summary>A port as a probe or a Service names it: a number or a container port's name.</summary>
    public int PortNamed(string port) =>
        int.TryParse(port, CultureInfo.InvariantCulture, out var number) ? number : Ports[port];

    /// <summary>The probes: kind (livenessProbe…) → (path, port).</summary>
    public IEnumerable<(string Kind, string? Path, string? Port)> Probes =>
        new[] { "startupProbe", "livenessProbe", "readinessProbe" }
            .Where(kind => Container.Child(kind) is not null)
            .Select(kind => (kind, Container.Child(kind).Child("httpGet").Text("path"), Container.Child(kind).Child("httpGet").Text("port")));

    /// <summary>
    /// The environment the container gets: its ConfigMaps' entries (envFrom) then its own env,
    /// each with its literal value or, for one taken from elsewhere, its valueFrom node.
    /// </summary>
    public IReadOnlyList<(string Name, string? Value, YamlNode? From)> Environment(IReadOnlyList<Manifest> manifests)
    {
        var variables = new List<(string, string?, YamlNode?)>();
        foreach (var source in Container.Items("envFrom"))
        {
            var name = source.Child("configMapRef").Text("name")
                ?? throw new InvalidOperationException($"{Manifest}: envFrom other than a ConfigMap");
            var map = manifests.SingleOrDefault(m => m.Kind == "ConfigMap" && m.Name == name)
                ?? throw new InvalidOperationException($"{Manifest}: ConfigMap {name} is not in ops/deploy/k8s");
            variables.AddRange(map.Root.Child("data").Entries().Select(e => (e.Key, e.Value, (YamlNode?)null)));
        }
        variables.AddRange(Container.Items("env").Select(e => (e.Text("name")!, e.Text("value"), e.Child("valueFrom"))));
        return variables;
    }

    /// <summary>The host's configuration in the pod: its appsettings.json under the literal environment values.</summary>
    public IConfiguration Configuration(IReadOnlyList<Manifest> manifests) => new ConfigurationBuilder()
        .AddConfiguration(DeployFiles.AppSettings(Host))
        .AddInMemoryCollection(Environment(manifests)
            .Where(v => v.Value is not null)
            .Select(v => KeyValuePair.Create(v.Name.Replace("__", ":", StringComparison.Ordinal), v.Value)))
        .Build();

    public override string ToString() => $"{Manifest} ({Host})";
}
