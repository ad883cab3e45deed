using Microsoft.Extensions.Configuration;

namespace Cooperation.Contracts.Hosting;

/// <summary>
/// What silos and clients must agree on to form one cluster: its ids and the PostgreSQL database
/// holding membership. Read from configuration section "Orleans" and connection string "Cooperation".
/// </summary>
/// <param name="ClusterId">Silos and clients with the same id form one cluster.</param>
/// <param name="ServiceId">Stable across deployments: keys grain state and reminders.</param>
/// <param name="ConnectionString">Npgsql connection string of the platform's database.</param>
public sealed record ClusterSettings(string ClusterId, string ServiceId, string ConnectionString)
{
    /// <summary>ADO.NET invariant name under which Orleans finds the Npgsql driver.</summary>
    public const string AdoNetInvariant = "Npgsql";

    /// <summary>Name of the connection string in configuration.</summary>
    public const string ConnectionStringName = "Cooperation";

    /// <summary>Reads the settings, failing with a readable message when the connection string is missing.</summary>
    public static ClusterSettings From(IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
            throw new InvalidOperationException(
                $"Connection string '{ConnectionStringName}' is not configured (ConnectionStrings__{ConnectionStringName}).");
        var orleans = configuration.GetSection("Orleans");
        return new ClusterSettings(
            orleans["ClusterId"] ?? "cooperation",
            orleans["ServiceId"] ?? "cooperation",
            connectionString);
    }
}
