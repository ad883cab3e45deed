using Cooperation.Contracts.Telemetry;
using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Cooperation.ServiceDefaults;

/// <summary>
/// What the platform observes: the activity sources traced and the meters exported, the same for
/// every host, for OTLP and <c>/metrics</c> alike (and for the tests that read a trace).
/// </summary>
public static class TelemetrySources
{
    /// <summary>
    /// Meters exported: Orleans, ASP.NET Core and Kestrel, Npgsql, the .NET runtime, HttpClient
    /// (webhooks) and the platform's own (<see cref="PlatformMetrics"/>).
    /// </summary>
    public static IReadOnlyList<string> Meters { get; } =
    [
        PlatformTelemetry.Name,
        "Microsoft.Orleans",
        "Microsoft.AspNetCore.Hosting",
        "Microsoft.AspNetCore.Server.Kestrel",
        "Microsoft.AspNetCore.Http.Connections",
        "Microsoft.AspNetCore.Routing",
        "Microsoft.AspNetCore.Diagnostics",
        "Microsoft.AspNetCore.RateLimiting",
        "Microsoft.AspNetCore.Authentication",
        "Microsoft.AspNetCore.Authorization",
        "Npgsql",
        "System.Runtime",
        "System.Net.Http",
    ];

    /// <summary>
    /// Activity sources traced besides ASP.NET Core's and HttpClient's: Orleans' (grain calls on
    /// both sides, activations, storage; <c>Microsoft.Orleans.*</c>, whose listening is what makes
    /// Orleans carry the trace context), Npgsql's, and the platform's own.
    /// </summary>
    public static IReadOnlyList<string> ActivitySources { get; } =
    [
        PlatformTelemetry.Name,
        "Microsoft.Orleans.Runtime",
        "Microsoft.Orleans.Application",
        "Microsoft.Orleans.Lifecycle",
        "Microsoft.Orleans.Storage",
    ];

    /// <summary>Whether instruments of the meter <paramref name="meterName"/> are exported.</summary>
    public static bool Exports(string meterName) => Meters.Contains(meterName, StringComparer.Ordinal);

    /// <summary>Traces requests in, grain calls across the cluster and SQL out.</summary>
    public static TracerProviderBuilder AddCooperationInstrumentation(this TracerProviderBuilder tracing) => tracing
        .AddAspNetCoreInstrumentation(options =>
            // Probes and scrapes are not requests anyone follows.
            options.Filter = http => !HostServiceDefaults.IsProbe(http.Request.Path))
        .AddHttpClientInstrumentation()
        .AddNpgsql()
        .AddSource([.. ActivitySources]);

    /// <summary>Exports the platform's meters.</summary>
    public static MeterProviderBuilder AddCooperationMeters(this MeterProviderBuilder metrics) =>
        metrics.AddMeter([.. Meters]);
}
