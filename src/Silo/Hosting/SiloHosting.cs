using Cooperation.Contracts.Hosting;
using Cooperation.Silo.DueDates;
using Cooperation.Silo.Journal;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Dashboard;
using Orleans.Storage;

namespace Cooperation.Silo.Hosting;

/// <summary>How a silo is put together; shared by Program and the test clusters.</summary>
public static class SiloHosting
{
    /// <summary>
    /// An Orleans silo on PostgreSQL: ADO.NET clustering, grain storage and reminders, plus the
    /// event journal. Ports and address come from section "Orleans" (SiloPort, GatewayPort,
    /// AdvertisedIPAddress), so several silos can run on one machine.
    /// </summary>
    public static IHostApplicationBuilder AddCooperationSilo(this IHostApplicationBuilder builder)
    {
        builder.AddCooperationSilo(new PostgresInfrastructure(
            ClusterSettings.From(builder.Configuration),
            builder.Configuration.GetSection("Orleans").Get<SiloEndpointSettings>() ?? new SiloEndpointSettings()));
        // The dashboard's collectors (the gateway serves its pages to admins); its log stream stays off.
        // Its per-call profiler only runs while someone looks at the dashboard. The silo's
        // statistics go to the dashboard every Orleans:DashboardCounterSeconds (Orleans' default is
        // each second: a grain call and a collection of the silo's counters, whoever looks).
        var counterSeconds = builder.Configuration.GetValue("Orleans:DashboardCounterSeconds", 10);
        builder.UseOrleans(silo => silo.AddDashboard(options =>
        {
            options.HideTrace = true;
            options.CounterUpdateIntervalMs = counterSeconds * 1000;
        }));
        return builder;
    }

    /// <summary>
    /// A silo standing on <paramref name="infrastructure"/>: everything else (options, clock,
    /// state serializer, the grain boundary's fault translation) is the same in production and
    /// in the test clusters, which pass their own infrastructure and override options after this.
    /// </summary>
    public static IHostApplicationBuilder AddCooperationSilo(this IHostApplicationBuilder builder, ISiloInfrastructure infrastructure)
    {
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.Configure<JournalOptions>(builder.Configuration.GetSection("Journal"));
        builder.Services.Configure<DueDateOptions>(builder.Configuration.GetSection("DueDates"));
        // Orleans' graceful stop and the journal's drain share the host's shutdown time.
        builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = TimeSpan.FromSeconds(60));
        // Registered before Orleans so that it stops after the silo: grains deactivate first,
        // then the journal drains what they queued.
        builder.Services.AddSingleton<FeedNotifier>();
        infrastructure.AddJournal(builder.Services);

        builder.UseOrleans(silo =>
        {
            infrastructure.Configure(silo);
            silo.Services.AddSiloTimings(builder.Configuration);
            silo.UseOrleansBinaryStateSerializer();
            // Trace context travels with grain calls (when something listens to Orleans' sources),
            // and each grain call's span says who called and which entity it is about.
            silo.AddActivityPropagation();
            silo.AddIncomingGrainCallFilter<CallTelemetryFilter>();
            // Last: it wraps the storage providers registered above.
            silo.AddInfrastructureFaultBoundary();
        });
        builder.Services.AddHostedService<ReadyAnnouncement>();
        builder.Services.AddHealthChecks().AddCheck<SiloMembershipHealthCheck>("silo");
        return builder;
    }
}

/// <summary>
/// What a silo stands on: the event journal, grain storage <see cref="StorageNames.Domain"/>,
/// reminders and, unless its host provides them (a test cluster does), membership and endpoints.
/// PostgreSQL in production (<see cref="PostgresInfrastructure"/>); the fast tests stand on memory.
/// </summary>
public interface ISiloInfrastructure
{
    /// <summary>
    /// Registers the <see cref="IEventJournal"/>; called before Orleans is added, so a journal
    /// that is a hosted service stops after the silo.
    /// </summary>
    void AddJournal(IServiceCollection services);

    /// <summary>Adds grain storage, reminders and whatever membership the silo needs.</summary>
    void Configure(ISiloBuilder silo);
}

/// <summary>Silo set-up every host of the grains shares.</summary>
internal static class SiloBuilderExtensions
{
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
internal sealed class SiloEndpointSettings
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
