using System.Net;
using Cooperation.Contracts.Hosting;
using Cooperation.Silo.DueDates;
using Cooperation.Silo.Journal;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Orleans.Configuration;
using Orleans.Storage;

namespace Cooperation.Silo.Hosting;

/// <summary>How a silo is put together; shared by Program and the integration tests.</summary>
public static class SiloHosting
{
    /// <summary>
    /// An Orleans silo on PostgreSQL: ADO.NET clustering, grain storage and reminders, plus the
    /// reading store. Ports and address come from section "Orleans" (SiloPort, GatewayPort,
    /// AdvertisedIPAddress), so several silos can run on one machine.
    /// </summary>
    public static IHostApplicationBuilder AddCooperationSilo(this IHostApplicationBuilder builder)
    {
        var settings = ClusterSettings.From(builder.Configuration);
        var endpoint = builder.Configuration.GetSection("Orleans").Get<SiloEndpointSettings>() ?? new SiloEndpointSettings();

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(_ => new NpgsqlDataSourceBuilder(settings.ConnectionString)
        {
            // The journal's statements run thousands of times a second: prepare them once per connection.
            ConnectionStringBuilder = { MaxAutoPrepare = 16 },
        }.Build());
        builder.Services.Configure<JournalOptions>(builder.Configuration.GetSection("Journal"));
        builder.Services.Configure<DueDateOptions>(builder.Configuration.GetSection("DueDates"));
        // Orleans' graceful stop and the journal's drain share the host's shutdown time.
        builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = TimeSpan.FromSeconds(60));
        // Registered before Orleans so that it stops after the silo: grains deactivate first,
        // then the journal drains what they queued.
        builder.Services.AddEventJournal();

        builder.UseOrleans(silo =>
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
            silo.AddAdoNetGrainStorage(StorageNames.Domain, options =>
            {
                options.Invariant = ClusterSettings.AdoNetInvariant;
                options.ConnectionString = settings.ConnectionString;
            });
            silo.UseOrleansBinaryStateSerializer();
            silo.UseAdoNetReminderService(options =>
            {
                options.Invariant = ClusterSettings.AdoNetInvariant;
                options.ConnectionString = settings.ConnectionString;
            });
            // Last: it wraps the storage providers registered above.
            silo.AddInfrastructureFaultBoundary();
        });
        builder.Services.AddHostedService<ReadyAnnouncement>();
        return builder;
    }
}

/// <summary>Silo set-up every host of the grains shares, test clusters included.</summary>
public static class SiloBuilderExtensions
{
    /// <summary>
    /// The PostgreSQL event journal (needs an <see cref="NpgsqlDataSource"/>), as a hosted
    /// service that drains its queue when the host stops.
    /// </summary>
    public static IServiceCollection AddEventJournal(this IServiceCollection services)
    {
        services.AddSingleton<FeedNotifier>();
        services.AddSingleton<PostgresEventJournal>();
        services.AddSingleton<IEventJournal>(sp => sp.GetRequiredService<PostgresEventJournal>());
        services.AddHostedService(sp => sp.GetRequiredService<PostgresEventJournal>());
        return services;
    }

    /// <summary>
    /// Stores grain state with <see cref="OrleansBinaryStateSerializer"/> in every storage
    /// provider that does not name its own serializer.
    /// </summary>
    public static ISiloBuilder UseOrleansBinaryStateSerializer(this ISiloBuilder silo)
    {
        silo.Services.AddSingleton<IGrainStorageSerializer, OrleansBinaryStateSerializer>();
        return silo;
    }
}

/// <summary>Where a silo listens; section "Orleans".</summary>
public sealed class SiloEndpointSettings
{
    /// <summary>Port for silo-to-silo traffic.</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>Port clients (the gateway) connect to.</summary>
    public int GatewayPort { get; set; } = 30000;

    /// <summary>Address other silos and clients reach this one at.</summary>
    public string AdvertisedIPAddress { get; set; } = "127.0.0.1";

    /// <summary>Listen on all interfaces rather than only the advertised address.</summary>
    public bool ListenOnAnyHostAddress { get; set; }
}
