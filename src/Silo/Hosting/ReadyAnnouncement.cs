using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace Cooperation.Silo.Hosting;

/// <summary>
/// Logs "Silo ready" once every hosted service, the silo among them, has started: the line
/// scripts wait for before they start the gateway.
/// </summary>
internal sealed partial class ReadyAnnouncement(
    IHostApplicationLifetime lifetime,
    IOptions<EndpointOptions> endpoints,
    IOptions<ClusterOptions> cluster,
    ILogger<ReadyAnnouncement> logger) : IHostedService
{
    /// <inheritdoc/>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() =>
            LogReady(logger, cluster.Value.ClusterId, endpoints.Value.SiloPort, endpoints.Value.GatewayPort));
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(LogLevel.Information, "Silo ready: cluster {ClusterId}, silo port {SiloPort}, gateway port {GatewayPort}")]
    private static partial void LogReady(ILogger logger, string clusterId, int siloPort, int gatewayPort);
}
