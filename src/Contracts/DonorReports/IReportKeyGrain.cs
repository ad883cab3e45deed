namespace Cooperation.Contracts.DonorReports;

/// <summary>
/// A key of the platform's reporting that configuration does not set, keyed by its purpose
/// ("links", "webhook-secrets"): made once and kept in PostgreSQL (table reporting_key) by the
/// silo, so every gateway and worker shares it and links survive restarts. The platform's own:
/// the hosts read it as the platform and cache it.
/// </summary>
[Alias("coop.IReportKeyGrain")]
public interface IReportKeyGrain : IGrainWithStringKey
{
    /// <summary>The key, made on first use.</summary>
    [Alias("Get")]
    Task<byte[]> Get();
}
