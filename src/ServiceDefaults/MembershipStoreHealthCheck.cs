using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Orleans.Messaging;

namespace Cooperation.ServiceDefaults;

/// <summary>
/// Ready only while the database answers, asked the way the host depends on it: through Orleans'
/// own membership provider (the ADO.NET one, on PostgreSQL), the silo reading the membership table
/// and a client host the active gateways. So the edges (gateway, web) keep no SQL and no driver of
/// their own. A host without cluster membership (a test host given a grain factory) has nothing to ask.
/// </summary>
internal sealed class MembershipStoreHealthCheck(IServiceProvider services) : IHealthCheck
{
    /// <summary>How long a probe waits for the database: shorter than a balancer's timeout.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    /// <inheritdoc/>
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            if (services.GetService<IMembershipTable>() is { } table)
                await table.ReadAllAsync(cancellationToken).WaitAsync(Timeout, cancellationToken);
            else if (services.GetService<IGatewayListProvider>() is { } gateways)
                await gateways.GetGateways().WaitAsync(Timeout, cancellationToken);
            else
                return HealthCheckResult.Healthy("no cluster membership in this host");
            return HealthCheckResult.Healthy("database answers");
        }
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Only the kind of failure: a driver's message may name hosts and users.
            return new HealthCheckResult(context.Registration.FailureStatus, $"database unreachable ({error.GetType().Name})");
        }
    }
}
