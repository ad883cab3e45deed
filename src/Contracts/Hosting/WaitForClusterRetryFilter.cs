using Microsoft.Extensions.Logging;

namespace Cooperation.Contracts.Hosting;

/// <summary>
/// Keeps a client host (gateway, worker) waiting for a silo at start-up instead of failing, so
/// hosts and silos can be started in any order.
/// </summary>
public sealed partial class WaitForClusterRetryFilter(ILogger<WaitForClusterRetryFilter> logger) : IClientConnectionRetryFilter
{
    /// <inheritdoc/>
    public async Task<bool> ShouldRetryConnectionAttempt(Exception exception, CancellationToken cancellationToken)
    {
        LogWaiting(logger, exception.Message);
        await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
        return true;
    }

    [LoggerMessage(LogLevel.Information, "Waiting for a silo of the cluster: {Reason}")]
    private static partial void LogWaiting(ILogger logger, string reason);
}
