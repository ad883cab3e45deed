using System.Net;
using Cooperation.Contracts.Hosting;
using Cooperation.Silo.Journal;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orleans.Configuration;

namespace Cooperation.Silo.Hosting;

/// <summary>
/// A production silo's infrastructure: the cluster's ids and endpoints, and membership, grain
/// storage, reminders and the event journal in PostgreSQL.
/// </summary>
internal sealed class PostgresInfrastructure(ClusterSettings settings, SiloEndpointSettings endpoint) : ISiloInfrastructure
{
    /// <inheritdoc/>
    public void AddJournal(IServiceCollection services) => services.AddPostgresJournal(settings.ConnectionString);

    /// <inheritdoc/>
    public void Configure(ISiloBuilder silo)
    {
        silo.Configure<ClusterOptions>(options =>
        {
            options.ClusterId = settings.ClusterId;
            options.ServiceId = settings.ServiceId;
        });
        silo.ConfigureEndpoints(IPAddress.Parse(endpoint.AdvertisedIPAddress), endpoint.SiloPort, endpoint.GatewayPort,
            listenOnAnyHostAddress: endpoint.ListenOnAnyHostAddress);
        silo.UseAdoNetClustering(options =>
        {
            options.Invariant = ClusterSettings.AdoNetInvariant;
            options.ConnectionString = settings.ConnectionString;
        });
        silo.AddPostgresGrainStorage(settings.ConnectionString);
        silo.UseAdoNetReminderService(options =>
        {
            options.Invariant = ClusterSettings.AdoNetInvariant;
            options.ConnectionString = settings.ConnectionString;
        });
    }
}

/// <summary>The PostgreSQL parts of a silo, one by one, for infrastructures that mix them with others.</summary>
internal static class PostgresSiloParts
{
    /// <summary>
    /// The PostgreSQL event journal on its own data source, as a hosted service that drains its
    /// queue when the host stops. Needs a <see cref="FeedNotifier"/>.
    /// </summary>
    public static IServiceCollection AddPostgresJournal(this IServiceCollection services, string connectionString)
    {
        services.AddSingleton(_ => new NpgsqlDataSourceBuilder(connectionString)
        {
            // The journal's statements run thousands of times a second: prepare them once per connection.
            ConnectionStringBuilder = { MaxAutoPrepare = 16 },
        }.Build());
        services.AddSingleton<PostgresEventJournal>();
        services.AddSingleton<IEventJournal>(sp => sp.GetRequiredService<PostgresEventJournal>());
        services.AddHostedService(sp => sp.GetRequiredService<PostgresEventJournal>());
        return services;
    }

    /// <summary>Grain storage <see cref="StorageNames.Domain"/> (the grains' snapshots) in PostgreSQL through ADO.NET.</summary>
    public static ISiloBuilder AddPostgresGrainStorage(this ISiloBuilder silo, string connectionString) =>
        silo.AddAdoNetGrainStorage(StorageNames.Domain, options =>
        {
            options.Invariant = ClusterSettings.AdoNetInvariant;
            options.ConnectionString = connectionString;
        });
}
