using Cooperation.ServiceDefaults;
using Cooperation.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Cooperation.Tests.Support;

/// <summary>
/// Web hosts beside an API fixture's gateway: the production set-up (<see cref="WebHosting"/>),
/// calling the fixture's cluster, mailing to its SMTP port, in a test server or on a loopback port
/// for a real browser. Several may run at once, as behind a load balancer: they share the cluster,
/// hence the data-protection keys.
/// </summary>
public static class WebHosts
{
    /// <summary>The web project's folder (its pages are compiled in; its wwwroot is served from here).</summary>
    public static string ProjectFolder { get; } = Path.Combine(Ops.Root, "src", "Web");

    /// <summary>The public address the tests' hosts put in mailed links.</summary>
    public const string PublicBaseUrl = "http://web.test";

    /// <summary>
    /// Starts a web host of <paramref name="api"/>'s platform with <paramref name="settings"/> over
    /// the tests' defaults, served by <paramref name="server"/> (a test server unless told otherwise).
    /// </summary>
    public static async Task<WebApplication> StartAsync(ApiFixture api, IReadOnlyDictionary<string, string?>? settings = null, CapturedLogs? logs = null,
        Action<WebApplication>? endpoints = null, Action<IWebHostBuilder>? server = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = "Test",
            ApplicationName = typeof(WebHosting).Assembly.GetName().Name,
            ContentRootPath = ProjectFolder,
            WebRootPath = Path.Combine(ProjectFolder, "wwwroot"),
        });
        (server ?? (web => web.UseTestServer()))(builder.WebHost);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        if (logs is not null)
            builder.Logging.AddProvider(logs);
        builder.Services.AddSingleton<IGrainFactory>(api.Cluster.Client);
        var defaults = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Cooperation"] = api.Cluster.Postgres.ConnectionString,
            ["Reports:Smtp:Host"] = "127.0.0.1",
            ["Reports:Smtp:Port"] = api.SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Web:PublicBaseUrl"] = PublicBaseUrl,
            // A free port, not the appsettings' 5085, which a running ops/run.sh holds.
            ["Kestrel:Endpoints:Management:Url"] = $"http://127.0.0.1:{Ports.Free()}",
            // The tests share one client address; their own limits are tested on a host of their own.
            ["Web:FormsPerClientPerMinute"] = "10000",
            ["Web:AttemptsPerAddressPerMinute"] = "10000",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            defaults[key] = value;
        builder.Configuration.AddInMemoryCollection(defaults);
        // As the web host's Program: health endpoints and telemetry, then the web application.
        builder.AddServiceDefaults();
        builder.Services.AddCooperationWeb(builder.Configuration);
        var app = builder.Build();
        app.UseCooperationWeb();
        app.MapServiceDefaults();
        endpoints?.Invoke(app);
        await app.StartAsync();
        return app;
    }

    /// <summary>The address a host listening on a real port answers at, ending with '/'.</summary>
    public static Uri AddressOf(WebApplication app)
    {
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new Uri(address.EndsWith('/') ? address : address + "/");
    }
}
