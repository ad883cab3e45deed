using Cooperation.Reports;
using Hangfire;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Cooperation.Tests.DonorReports;

/// <summary>
/// Each host makes its jobs from its own services. Hangfire's set-up makes the static
/// JobActivator.Current the activator of whichever host configured it last; a worker whose
/// activator came from there made its jobs from another host's services, and once that host
/// stopped, every job failed with "Cannot access a disposed object: IServiceProvider" (seen in CI,
/// where test hosts start side by side).
/// </summary>
public sealed class JobActivatorTests
{
    [Fact]
    public void A_host_makes_its_jobs_from_its_own_services_whoever_configured_hangfire_last()
    {
        using var worker = Host("worker");
        using var other = Host("other");
        worker.GetRequiredService<IGlobalConfiguration>();
        other.GetRequiredService<IGlobalConfiguration>();
        var activator = worker.GetRequiredService<JobActivator>();
        other.Dispose();

        using var scope = activator.BeginScope((JobActivatorContext)null!);
        Assert.Equal("worker", ((HostName)scope.Resolve(typeof(HostName))).Name);
    }

    private sealed record HostName(string Name);

    private static ServiceProvider Host(string name)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Cooperation"] = "Host=127.0.0.1;Port=1;Database=none;Username=none",
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(new HostName(name));
        services.AddCooperationReports(configuration);
        return services.BuildServiceProvider();
    }
}
