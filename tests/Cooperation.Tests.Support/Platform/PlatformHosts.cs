using Cooperation.Contracts.Hosting;
using Cooperation.Gateway.Hosting;
using Cooperation.Silo.Hosting;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Cooperation.Tests.Support;

/// <summary>
/// Real silos and a real gateway, in process, configured the way the run command configures
/// the processes: PostgreSQL clustering, storage and reminders, ports from configuration.
/// </summary>
public static class PlatformHosts
{
    /// <summary>Starts a silo of <paramref name="clusterId"/> on free ports.</summary>
    public static async Task<IHost> StartSiloAsync(string connectionString, string clusterId)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Test" });
        builder.Configuration.AddInMemoryCollection(Settings(connectionString, clusterId, new()
        {
            ["Orleans:SiloPort"] = FreePort().ToString(),
            ["Orleans:GatewayPort"] = FreePort().ToString(),
        }));
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddCooperationSilo();
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    /// <summary>Starts the gateway in a test server, as an Orleans client of <paramref name="clusterId"/>, with <paramref name="settings"/> besides.</summary>
    public static async Task<(WebApplication App, GrpcChannel Channel)> StartGatewayAsync(string connectionString, string clusterId,
        Dictionary<string, string?>? settings = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Test" });
        builder.WebHost.UseTestServer();
        builder.Configuration.AddInMemoryCollection(Settings(connectionString, clusterId, settings ?? []));
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddClusterClient();
        builder.Services.AddCooperationApi(builder.Configuration);
        var app = builder.Build();
        app.UseCooperationApi();
        await app.StartAsync();
        var adminKey = await TestKeys.IssueAsync(app, "platform", Contracts.Access.Role.Admin);
        return (app, GrpcChannel.ForAddress(app.GetTestServer().BaseAddress, new GrpcChannelOptions { HttpHandler = TestKeys.Handler(app, adminKey) }));
    }

    /// <summary>Stops a gateway (closing its channel) and then a silo.</summary>
    public static async Task StopAsync(WebApplication gateway, GrpcChannel channel, IHost silo)
    {
        channel.Dispose();
        await gateway.StopAsync();
        await gateway.DisposeAsync();
        await silo.StopAsync();
        silo.Dispose();
    }

    /// <summary>
    /// <paramref name="call"/>'s answer, calling again while it is Unavailable (a silo restarting,
    /// storage coming back), for at most a minute.
    /// </summary>
    public static async Task<T> RetryUntilReachable<T>(Func<Task<T>> call)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                return await call();
            }
            catch (Grpc.Core.RpcException error) when (error.StatusCode == Grpc.Core.StatusCode.Unavailable && DateTime.UtcNow < deadline)
            {
                await Task.Delay(250);
            }
        }
    }

    private static Dictionary<string, string?> Settings(string connectionString, string clusterId, Dictionary<string, string?> more)
    {
        more["ConnectionStrings:Cooperation"] = connectionString;
        more["Orleans:ClusterId"] = clusterId;
        more["Orleans:ServiceId"] = clusterId;
        return more;
    }

    private static int FreePort() => Ports.Free();
}
