using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Cooperation.ServiceDefaults;

/// <summary>
/// Metrics and traces of a host, through OpenTelemetry. The meters of <see cref="TelemetrySources"/>
/// are always kept for the Prometheus text of <c>/metrics</c>. With <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>
/// set, traces, the same metrics and the logs also go out over OTLP (the standard <c>OTEL_*</c>
/// variables apply). Without it nothing is traced: spans nobody receives would cost every call.
/// </summary>
public static class HostTelemetry
{
    /// <summary>The standard setting that turns OTLP export on.</summary>
    public const string OtlpEndpointSetting = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>Whether OTLP export is configured.</summary>
    public static bool ExportsOtlp(IConfiguration configuration) => !string.IsNullOrWhiteSpace(configuration[OtlpEndpointSetting]);

    /// <summary>Keeps the meters for <c>/metrics</c> and, when configured, exports over OTLP.</summary>
    public static IHostApplicationBuilder AddTelemetry(this IHostApplicationBuilder builder)
    {
        var telemetry = builder.Services.AddOpenTelemetry();
        // OTEL_SERVICE_NAME, when set, names the service; otherwise the host's assembly does ("Cooperation.Gateway").
        if (string.IsNullOrWhiteSpace(builder.Configuration["OTEL_SERVICE_NAME"]))
            telemetry.ConfigureResource(resource => resource.AddService(builder.Environment.ApplicationName));
        // Each scrape collects anew: a scraper asks every few seconds at most, and a cached answer
        // (300 ms by default) would hide what happened just before it.
        telemetry.WithMetrics(metrics => metrics.AddCooperationMeters()
            .AddPrometheusExporter(options => options.ScrapeResponseCacheDurationMilliseconds = 0));
        if (!ExportsOtlp(builder.Configuration))
            return builder;

        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });
        telemetry
            .WithTracing(tracing => tracing.AddCooperationInstrumentation())
            .UseOtlpExporter();
        return builder;
    }
}
