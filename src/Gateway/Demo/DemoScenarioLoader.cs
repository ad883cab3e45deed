using Cooperation.Contracts.Common;

namespace Cooperation.Gateway.Demo;

/// <summary>
/// Loads the demo scenario before the gateway starts listening, when configuration
/// "Demo:Load" is true (the run command sets it).
/// </summary>
public sealed partial class DemoScenarioLoader(IGrainFactory grains, ILogger<DemoScenarioLoader> logger) : IHostedService
{
    /// <inheritdoc/>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // Right after a restart the membership table may still list the previous, dead silos
        // as active; calls fail until the cluster has declared them dead (seconds). The
        // loader is idempotent, so it simply tries again.
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            try
            {
                await DemoScenario.LoadAsync(grains).WaitAsync(cancellationToken);
                LogLoaded(logger, DemoScenario.PartnershipId, DemoScenario.PilotId);
                return;
            }
            catch (Exception error) when (error is not CooperationException && DateTime.UtcNow < deadline)
            {
                LogRetry(logger, error.Message);
                await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
            }
        }
    }

    /// <inheritdoc/>
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(LogLevel.Information, "Demo data loaded: partnership {PartnershipId}, pilot {PilotId}")]
    private static partial void LogLoaded(ILogger logger, string partnershipId, string pilotId);

    [LoggerMessage(LogLevel.Information, "Cluster not ready for the demo data yet ({Reason}); retrying")]
    private static partial void LogRetry(ILogger logger, string reason);
}
