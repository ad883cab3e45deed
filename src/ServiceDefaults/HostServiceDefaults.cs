using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace Cooperation.ServiceDefaults;

/// <summary>
/// What every host of the platform (silo, gateway, web, worker) adds to be observed and probed:
/// telemetry (<see cref="HostTelemetry"/>), JSON console logs on demand, a readiness check of the
/// database, and the endpoints <c>/health/live</c>, <c>/health/ready</c> (and <c>/healthz</c>, the
/// same) and <c>/metrics</c> on the management endpoint (<see cref="ManagementEndpoint"/>).
/// </summary>
public static class HostServiceDefaults
{
    /// <summary>Liveness: the process answers HTTP; no check runs (a restart would not fix the database).</summary>
    public const string LivePath = "/health/live";

    /// <summary>Readiness: every registered check (cluster, database) passes.</summary>
    public const string ReadyPath = "/health/ready";

    /// <summary>The readiness check under its first name, which scripts and older probes use.</summary>
    public const string LegacyHealthPath = "/healthz";

    /// <summary>Telemetry, logs and health checks; before the host's own registrations.</summary>
    public static IHostApplicationBuilder AddServiceDefaults(this IHostApplicationBuilder builder)
    {
        // "Logging:Console:FormatterName": "json" gives one JSON object a line, with the scopes
        // (trace and span ids among them) and UTC timestamps; the simple format stays the default.
        builder.Services.Configure<JsonConsoleFormatterOptions>(options =>
        {
            options.IncludeScopes = true;
            options.UseUtcTimestamp = true;
            options.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
        });
        builder.AddTelemetry();
        builder.Services.AddHealthChecks().AddCheck<MembershipStoreHealthCheck>("database");
        return builder;
    }

    /// <summary>
    /// The health endpoints (on every endpoint of the host, anonymous) and <c>/metrics</c> (on the
    /// Kestrel endpoint named <paramref name="managementEndpoint"/> only).
    /// </summary>
    public static WebApplication MapServiceDefaults(this WebApplication app, string managementEndpoint = ManagementEndpoint.Name)
    {
        app.MapHealthChecks(LivePath, new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks(ReadyPath).AllowAnonymous();
        app.MapHealthChecks(LegacyHealthPath).AllowAnonymous();
        app.MapMetricsOn(managementEndpoint);
        return app;
    }

    /// <summary>Whether <paramref name="path"/> is a probe or a scrape, which are not traced.</summary>
    public static bool IsProbe(PathString path) =>
        path.StartsWithSegments("/health") || path == LegacyHealthPath || path == ManagementEndpoint.MetricsPath;
}
