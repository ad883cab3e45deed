using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;

namespace Cooperation.Contracts.Hosting;

/// <summary>How the hosts that are not silos (gateway, worker) join the cluster as its clients.</summary>
public static class ClusterClient
{
    /// <summary>
    /// The Orleans client: finds silos through the ADO.NET membership table, waits for one at
    /// start-up and reconnects by itself when silos restart.
    /// </summary>
    public static IHostApplicationBuilder AddClusterClient(this IHostApplicationBuilder builder)
    {
        var settings = ClusterSettings.From(builder.Configuration);
        builder.UseOrleansClient(client =>
        {
            client.Configure<ClusterOptions>(options =>
            {
                options.ClusterId = settings.ClusterId;
                options.ServiceId = settings.ServiceId;
            });
            client.UseAdoNetClustering(options =>
            {
                options.Invariant = ClusterSettings.AdoNetInvariant;
                options.ConnectionString = settings.ConnectionString;
            });
            client.Services.AddClientTimings(builder.Configuration);
            client.Services.AddSingleton<IClientConnectionRetryFilter, WaitForClusterRetryFilter>();
            // A request's trace continues into the grains it calls (when something listens).
            client.AddActivityPropagation();
        });
        return builder;
    }
}
