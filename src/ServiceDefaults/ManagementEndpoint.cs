using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Cooperation.ServiceDefaults;

/// <summary>
/// The Kestrel endpoint named <see cref="Name"/> (<c>Kestrel:Endpoints:Management:Url</c>): a port
/// of its own for what operators' tools read, apart from the public ones. <c>/metrics</c> answers
/// only there, without a key: a scraper then holds no admin API key (which could do anything on
/// the platform), and the port can be closed to all but the monitoring network. The worker's only
/// endpoint ("Http") serves nothing else, so it is the worker's management endpoint.
/// </summary>
public static partial class ManagementEndpoint
{
    /// <summary>The endpoint's name in configuration.</summary>
    public const string Name = "Management";

    /// <summary>Where the Prometheus text is.</summary>
    public const string MetricsPath = "/metrics";

    /// <summary>The port of the Kestrel endpoint <paramref name="endpoint"/>, or null when none is configured.</summary>
    public static int? PortOf(IConfiguration configuration, string endpoint = Name) =>
        configuration[$"Kestrel:Endpoints:{endpoint}:Url"] is { Length: > 0 } url
            && Uri.TryCreate(url.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal), UriKind.Absolute, out var uri)
            ? uri.Port
            : null;

    /// <summary>Maps <see cref="MetricsPath"/> on the port of <paramref name="endpoint"/>; with none configured, says so and maps nothing.</summary>
    internal static void MapMetricsOn(this WebApplication app, string endpoint)
    {
        if (PortOf(app.Configuration, endpoint) is not { } port)
        {
            LogNoEndpoint(app.Logger, endpoint);
            return;
        }
        app.MapPrometheusScrapingEndpoint(MetricsPath).RequireHost($"*:{port}").AllowAnonymous();
    }

    [LoggerMessage(LogLevel.Information, "No management endpoint (Kestrel:Endpoints:{Endpoint}:Url): /metrics is not served")]
    private static partial void LogNoEndpoint(ILogger logger, string endpoint);
}
