using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Cooperation.Silo.Hosting;

/// <summary>A silo's readiness: it has joined the cluster (its membership status is Active), so it takes grain calls.</summary>
internal sealed class SiloMembershipHealthCheck(IClusterMembershipService membership, ILocalSiloDetails silo) : IHealthCheck
{
    /// <inheritdoc/>
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = membership.CurrentSnapshot.GetSiloStatus(silo.SiloAddress);
        return Task.FromResult(status == SiloStatus.Active
            ? HealthCheckResult.Healthy("active in the cluster")
            : new HealthCheckResult(context.Registration.FailureStatus, $"silo is {status}"));
    }
}
