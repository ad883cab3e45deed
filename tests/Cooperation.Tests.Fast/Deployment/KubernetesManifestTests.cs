using Cooperation.Contracts.Hosting;
using Cooperation.ServiceDefaults;
using Cooperation.Silo.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Cooperation.Tests.Fast.Deployment;

/// <summary>
/// The manifests of ops/deploy/k8s against the hosts they run: the ports and paths the hosts
/// serve, the settings they read, and Orleans' Kubernetes guidance. No cluster is started: what
/// only a cluster can tell (scheduling, networking, a rolling update) is not checked here.
/// </summary>
public sealed class KubernetesManifestTests
{
    private static readonly IReadOnlyList<Manifest> Manifests = DeployFiles.Manifests();
    private static readonly IReadOnlyList<Workload> Workloads = Workload.All(Manifests);

    [Fact]
    public void Every_document_parses_and_has_an_apiVersion_a_kind_and_a_name()
    {
        Assert.NotEmpty(DeployFiles.ManifestFiles());
        Assert.All(Manifests, m =>
        {
            Assert.False(string.IsNullOrEmpty(m.Root.Text("apiVersion")), $"{m}: apiVersion");
            Assert.False(string.IsNullOrEmpty(m.Kind), $"{m}: kind");
            Assert.False(string.IsNullOrEmpty(m.Name), $"{m}: metadata.name");
            Assert.Null(m.Root.Child("metadata").Text("namespace"));
        });
    }

    [Fact]
    public void The_kustomization_lists_every_manifest_file()
    {
        var kustomization = Assert.Single(Manifests, m => m.Kind == "Kustomization");
        var listed = kustomization.Root.Items("resources").Select(r => ((YamlDotNet.RepresentationModel.YamlScalarNode)r).Value!).Order().ToList();
        var files = DeployFiles.ManifestFiles().Select(f => Path.GetFileName(f)!).Where(f => f != kustomization.File).Order().ToList();

        Assert.Equal(files, listed);
    }

    [Fact]
    public void Each_host_runs_once_and_opens_the_ports_of_its_appsettings_on_every_interface()
    {
        Assert.Equal(DeployFiles.Hosts.Keys.Order(), Workloads.Select(w => w.Host).Order());
        Assert.All(Workloads, w =>
        {
            var configured = DeployFiles.PortsOf(DeployFiles.AppSettings(w.Host));
            var inPod = w.Configuration(Manifests);

            Assert.Equal(configured.Values.Order(), w.Ports.Values.Order());
            // The environment moves no port away from the one the appsettings (and ops/run.sh) use.
            Assert.Equal(configured, DeployFiles.PortsOf(inPod));
            // Kestrel on 127.0.0.1 (the appsettings') would be unreachable from outside the pod.
            foreach (var endpoint in inPod.GetSection("Kestrel:Endpoints").GetChildren())
                Assert.Matches("^https?://(0\\.0\\.0\\.0|\\*|\\+|\\[::\\]):", endpoint["Url"]);
        });
    }

    [Fact]
    public void Probes_and_scrapes_ask_the_paths_the_hosts_serve_on_the_management_port()
    {
        Assert.All(Workloads, w =>
        {
            var appSettings = DeployFiles.AppSettings(w.Host);
            var management = ManagementEndpoint.PortOf(appSettings, DeployFiles.ManagementEndpointOf(appSettings));
            var probes = w.Probes.ToList();

            Assert.Contains(probes, p => p.Kind == "livenessProbe" && p.Path == HostServiceDefaults.LivePath);
            Assert.Contains(probes, p => p.Kind == "readinessProbe" && p.Path == HostServiceDefaults.ReadyPath);
            Assert.All(probes, p =>
            {
                // A liveness probe runs no check: restarting a host would not bring the database back.
                Assert.Equal(p.Kind == "readinessProbe" ? HostServiceDefaults.ReadyPath : HostServiceDefaults.LivePath, p.Path);
                Assert.Equal(management, w.PortNamed(p.Port!));
            });
            Assert.Equal("true", w.Annotations["prometheus.io/scrape"]);
            Assert.Equal(management, w.PortNamed(w.Annotations["prometheus.io/port"]!));
            Assert.Equal(ManagementEndpoint.MetricsPath, w.Annotations["prometheus.io/path"]);
        });
    }

    [Fact]
    public void A_silo_advertises_its_pod_IP_and_is_given_longer_than_its_shutdown_to_stop()
    {
        var silo = Assert.Single(Workloads, w => w.Host == "silo");
        var advertised = Assert.Single(silo.Environment(Manifests), v => v.Name == "Orleans__AdvertisedIPAddress");

        Assert.Null(advertised.Value);
        Assert.Equal("status.podIP", advertised.From.Child("fieldRef").Text("fieldPath"));
        // The key the silo reads it under (its appsettings holds the local default).
        Assert.NotNull(DeployFiles.AppSettings("silo")["Orleans:AdvertisedIPAddress"]);

        var grace = TimeSpan.FromSeconds(int.Parse(silo.Pod.Child("spec").Text("terminationGracePeriodSeconds")!));
        Assert.True(grace > SiloShutdownTimeout(), $"terminationGracePeriodSeconds {grace} ≤ the silo's ShutdownTimeout {SiloShutdownTimeout()}");
    }

    [Fact]
    public void A_disruption_budget_keeps_the_silos_but_one_running()
    {
        var silo = Assert.Single(Workloads, w => w.Host == "silo");
        var budgets = Manifests.Where(m => m.Kind == "PodDisruptionBudget").ToList();

        var budget = Assert.Single(budgets, b => b.Root.Child("spec").Child("selector").Child("matchLabels").Entries()
            .All(label => silo.Labels.TryGetValue(label.Key, out var value) && value == label.Value));
        Assert.True(budget.Root.Child("spec").Text("maxUnavailable") == "1" || budget.Root.Child("spec").Text("minAvailable") is not null);
        Assert.True(int.Parse(silo.Manifest.Root.Child("spec").Text("replicas")!) >= 3, "three silos or more (docs/deployment.md)");
    }

    [Fact]
    public void Every_environment_variable_is_a_setting_its_host_reads()
    {
        var documented = DeployFiles.DocumentedSettings();
        Assert.All(Workloads, w =>
        {
            var appSettings = DeployFiles.AppSettings(w.Host);
            var known = new HashSet<string>(documented, StringComparer.OrdinalIgnoreCase);
            known.UnionWith(DeployFiles.Hosts.Keys.SelectMany(h => DeployFiles.SettingsIn(DeployFiles.AppSettings(h))));
            known.UnionWith(["ASPNETCORE_ENVIRONMENT", "DOTNET_ENVIRONMENT"]);
            var endpoints = appSettings.GetSection("Kestrel:Endpoints").GetChildren().Select(e => e.Key).ToHashSet(StringComparer.OrdinalIgnoreCase);

            foreach (var (name, _, _) in w.Environment(Manifests))
            {
                Assert.True(known.Contains(DeployFiles.SettingOf(name)), $"{w}: {name} is no setting of appsettings.json or the README");
                // An endpoint the host does not configure would open one it never had.
                var parts = name.Split("__");
                if (parts is ["Kestrel", "Endpoints", var endpoint, ..])
                    Assert.True(endpoints.Contains(endpoint), $"{w}: {name}, but the {w.Host} has no endpoint {endpoint}");
            }
        });
    }

    [Fact]
    public void Connection_strings_keys_and_passwords_come_from_Secrets_never_literals()
    {
        Assert.All(Workloads, w =>
        {
            var variables = w.Environment(Manifests);
            var connection = Assert.Single(variables, v => v.Name == $"ConnectionStrings__{ClusterSettings.ConnectionStringName}");
            Assert.NotNull(connection.From.Child("secretKeyRef"));
            foreach (var (name, value, from) in variables.Where(v => IsSecret(v.Name)))
            {
                Assert.True(value is null, $"{w}: {name} has a literal value");
                Assert.NotNull(from.Child("secretKeyRef"));
            }
        });
        Assert.DoesNotContain(Manifests, m => m.Kind == "Secret");
        Assert.All(Manifests.Where(m => m.Kind == "ConfigMap"), m =>
            Assert.DoesNotContain(m.Root.Child("data").Entries(), e => IsSecret(e.Key)));
    }

    [Fact]
    public void Services_reach_container_ports_and_an_HTTP2_only_endpoint_is_marked_h2c()
    {
        var services = Manifests.Where(m => m.Kind == "Service").ToList();
        Assert.Contains(services, s => s.Name == "cooperation-gateway");
        Assert.Contains(services, s => s.Name == "cooperation-web");
        Assert.All(services, service =>
        {
            var selector = service.Root.Child("spec").Child("selector").Entries().ToList();
            var workload = Assert.Single(Workloads, w => selector.All(l => w.Labels.TryGetValue(l.Key, out var v) && v == l.Value));
            var appSettings = DeployFiles.AppSettings(workload.Host);
            var endpoints = DeployFiles.PortsOf(appSettings);
            var management = endpoints[DeployFiles.ManagementEndpointOf(appSettings)];

            foreach (var port in service.Root.Child("spec").Items("ports"))
            {
                var target = workload.PortNamed(port.Text("targetPort") ?? port.Text("port")!);
                Assert.Contains(target, workload.Ports.Values);
                // Scrapes go to the pods; the management port stays off what the load balancer reaches.
                Assert.NotEqual(management, target);
                var endpoint = endpoints.Single(e => e.Value == target).Key;
                if (appSettings[$"Kestrel:Endpoints:{endpoint}:Protocols"] == "Http2")
                    Assert.Equal("kubernetes.io/h2c", port.Text("appProtocol"));
            }
        });
    }

    private static bool IsSecret(string name) =>
        name.StartsWith("ConnectionStrings__", StringComparison.OrdinalIgnoreCase)
        || name.EndsWith("Key", StringComparison.OrdinalIgnoreCase)
        || name.EndsWith("Password", StringComparison.OrdinalIgnoreCase)
        || name.EndsWith("Secret", StringComparison.OrdinalIgnoreCase);

    // The silo's own HostOptions, as its hosting sets them (nothing is started).
    private static TimeSpan SiloShutdownTimeout()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddConfiguration(DeployFiles.AppSettings("silo"));
        builder.AddCooperationSilo();
        using var services = builder.Services.BuildServiceProvider();
        return services.GetRequiredService<IOptions<HostOptions>>().Value.ShutdownTimeout;
    }
}
