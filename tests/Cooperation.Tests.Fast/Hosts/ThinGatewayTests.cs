using System.Reflection;
using Cooperation.Gateway.Hosting;
using Cooperation.Reports;
using Cooperation.Silo.DonorReports;
using Cooperation.Worker.Reactions;
using Hangfire;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Cooperation.Tests.Hosts;

/// <summary>
/// The gateway is an edge (issue 11): validation, mapping, authentication, one grain call per RPC.
/// It owns no SQL (the silo's grains do) and runs no background work (the worker does).
/// </summary>
public sealed class ThinGatewayTests
{
    private static readonly Assembly Gateway = typeof(GatewayHosting).Assembly;

    [Fact]
    public void The_gateway_assembly_references_no_database_driver()
    {
        var referenced = Gateway.GetReferencedAssemblies().Select(a => a.Name!).ToArray();

        Assert.DoesNotContain(referenced, IsDriver);
        Assert.DoesNotContain("Hangfire.PostgreSql", referenced);
        // The check sees references: the worker's reactor reads the journal itself.
        Assert.Contains(typeof(EventReactor).Assembly.GetReferencedAssemblies(), a => IsDriver(a.Name!));
    }

    [Fact]
    public void No_assembly_of_ours_the_gateway_loads_holds_a_connection_or_data_source()
    {
        var ours = OurAssembliesReachedFrom(Gateway);

        Assert.Contains(ours, a => a.GetName().Name == "Cooperation.Reports");
        Assert.DoesNotContain(ours, a => a.GetName().Name is "Cooperation.Silo" or "Cooperation.Worker");
        Assert.Empty(ours.SelectMany(DriverTypedMembers));
        // The scan finds what it looks for: the silo's archive grain holds the data source.
        Assert.Contains(DriverTypedMembers(typeof(ReportArchiveGrain).Assembly), m => m.StartsWith(nameof(ReportArchiveGrain), StringComparison.Ordinal));
    }

    [Fact]
    public void The_gateway_registers_no_Hangfire_server_reactor_or_database_pool()
    {
        var gateway = GatewayServices();
        var worker = GatewayServices();
        worker.AddReportJobs(Configuration());
        worker.AddEventReactions(Configuration());

        Assert.Empty(BackgroundWork(gateway));
        Assert.DoesNotContain(gateway, d => IsDriver(d.ServiceType.Assembly.GetName().Name!));
        // What the worker adds is what the gateway must not have.
        Assert.Contains(BackgroundWork(worker), name => name.Contains("BackgroundJobServer", StringComparison.Ordinal));
        Assert.Contains(BackgroundWork(worker), name => name == nameof(EventReactor));
        Assert.Contains(worker, d => IsDriver(d.ServiceType.Assembly.GetName().Name!));
    }

    private static bool IsDriver(string assemblyName) => assemblyName.StartsWith("Npgsql", StringComparison.Ordinal);

    /// <summary>The hosted services registered in <paramref name="services"/> that run jobs or reactions, by type name (without starting anything).</summary>
    private static List<string> BackgroundWork(IServiceCollection services) =>
        services.Where(d => d.ServiceType == typeof(IHostedService))
            .Select(d => (d.ImplementationType ?? d.ImplementationInstance?.GetType() ?? d.ImplementationFactory?.Method.ReturnType)?.Name ?? "")
            .Where(name => name.Contains("BackgroundJobServer", StringComparison.Ordinal) || name == nameof(EventReactor))
            .ToList();

    private static ServiceCollection GatewayServices()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(UnusedGrainFactory.Create());
        services.AddSingleton<IConfiguration>(Configuration());
        services.AddCooperationApi(Configuration());
        return services;
    }

    private static IConfiguration Configuration() => new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
    {
        // Never opened: the services are built, not started.
        ["ConnectionStrings:Cooperation"] = "Host=127.0.0.1;Port=1;Database=none",
    }).Build();

    private static List<Assembly> OurAssembliesReachedFrom(Assembly root)
    {
        var found = new Dictionary<string, Assembly> { [root.GetName().Name!] = root };
        var queue = new Queue<Assembly>([root]);
        while (queue.TryDequeue(out var assembly))
        {
            foreach (var name in assembly.GetReferencedAssemblies().Where(n => n.Name!.StartsWith("Cooperation.", StringComparison.Ordinal)))
            {
                if (found.ContainsKey(name.Name!))
                    continue;
                var loaded = Assembly.Load(name);
                found[name.Name!] = loaded;
                queue.Enqueue(loaded);
            }
        }
        return [.. found.Values];
    }

    /// <summary>"Type.member" of every field, property, constructor or method parameter and return typed with a driver type.</summary>
    private static IEnumerable<string> DriverTypedMembers(Assembly assembly)
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        foreach (var type in assembly.GetTypes())
        {
            var typed = type.GetFields(all).Select(f => (f.Name, f.FieldType))
                .Concat(type.GetProperties(all).Select(p => (p.Name, p.PropertyType)))
                .Concat(type.GetConstructors(all).SelectMany(c => c.GetParameters()).Select(p => (".ctor " + p.Name, p.ParameterType)))
                .Concat(type.GetMethods(all).SelectMany(m => m.GetParameters().Select(p => (m.Name + " " + p.Name, p.ParameterType))
                    .Append((m.Name, m.ReturnType))));
            foreach (var (name, memberType) in typed)
            {
                if (Mentions(memberType))
                    yield return $"{type.Name}.{name}";
            }
        }
    }

    private static bool Mentions(Type type) =>
        IsDriver(type.Assembly.GetName().Name!)
        || (type.HasElementType && Mentions(type.GetElementType()!))
        || (type.IsGenericType && type.GetGenericArguments().Any(Mentions));

    /// <summary>Building the services needs a grain factory; none is called.</summary>
    public class UnusedGrainFactory : DispatchProxy
    {
        /// <summary>A grain factory that refuses every call.</summary>
        public static IGrainFactory Create() => Create<IGrainFactory, UnusedGrainFactory>();

        /// <inheritdoc/>
        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) => throw new NotSupportedException(targetMethod?.Name);
    }
}
