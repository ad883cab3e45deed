using Cooperation.Tests.Support;
using Cooperation.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Cooperation.Tests.Web;

/// <summary>
/// Web hosts beside an API fixture's gateway: the production set-up (<see cref="WebHosting"/>) in a
/// test server, calling the fixture's cluster, mailing to its SMTP port. Several may run at once,
/// as behind a load balancer: they share the cluster, hence the data-protection keys.
/// </summary>
public static class WebHosts
{
    /// <summary>The web project's folder (its pages are compiled in; its wwwroot is served from here).</summary>
    public static string ProjectFolder { get; } = Path.Combine(Ops.Root, "src", "Web");

    /// <summary>The public address the tests' hosts put in mailed links.</summary>
    public const string PublicBaseUrl = "http://web.test";

    /// <summary>Starts a web host of <paramref name="api"/>'s platform with <paramref name="settings"/> over the tests' defaults.</summary>
    public static async Task<WebApplication> StartAsync(ApiFixture api, IReadOnlyDictionary<string, string?>? settings = null, CapturedLogs? logs = null,
        Action<WebApplication>? endpoints = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = "Test",
            ApplicationName = typeof(WebHosting).Assembly.GetName().Name,
            ContentRootPath = ProjectFolder,
            WebRootPath = Path.Combine(ProjectFolder, "wwwroot"),
        });
        builder.WebHost.UseTestServer();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        if (logs is not null)
            builder.Logging.AddProvider(logs);
        builder.Services.AddSingleton<IGrainFactory>(api.Cluster.Client);
        var defaults = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Cooperation"] = api.Cluster.Postgres.ConnectionString,
            ["Reports:Smtp:Port"] = api.SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Web:PublicBaseUrl"] = PublicBaseUrl,
            // The tests share one client address; their own limits are tested on a host of their own.
            ["Web:FormsPerClientPerMinute"] = "10000",
            ["Web:AttemptsPerAddressPerMinute"] = "10000",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            defaults[key] = value;
        builder.Configuration.AddInMemoryCollection(defaults);
        builder.Services.AddCooperationWeb(builder.Configuration);
        var app = builder.Build();
        app.UseCooperationWeb();
        endpoints?.Invoke(app);
        await app.StartAsync();
        return app;
    }
}

/// <summary>
/// The API fixture's platform with a web host in front: the gateway (to build worlds and issue
/// keys), the cluster, the SMTP port, and browsers of the web host.
/// </summary>
public sealed class WebFixture : IAsyncLifetime
{
    /// <summary>The platform (gateway, cluster, database, SMTP port).</summary>
    public ApiFixture Api { get; } = new();

    /// <summary>The web host.</summary>
    public WebApplication App { get; private set; } = null!;

    /// <summary>A path of the fixture's host that throws.</summary>
    public const string FaultPath = "/test/fault";

    /// <summary>What the web host logged (warnings and worse).</summary>
    public CapturedLogs Logs { get; } = new();

    /// <summary>A new browser of the web host (its own cookies), over http or https.</summary>
    public Browser Browser(bool https = false) => new(App, https);

    /// <inheritdoc/>
    public async Task InitializeAsync()
    {
        await Api.InitializeAsync();
        App = await WebHosts.StartAsync(Api, logs: Logs, endpoints: app =>
            // A page whose code fails, as a defect would: what the person sees of it.
            app.MapGet(FaultPath, IResult () => throw new InvalidOperationException("connection string Password=hunter2 at Secret.Method()")).AllowAnonymous());
    }

    /// <inheritdoc/>
    public async Task DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        await Api.DisposeAsync();
    }
}

/// <summary>Tests that share one <see cref="WebFixture"/>.</summary>
[CollectionDefinition(Name)]
public sealed class WebCollection : ICollectionFixture<WebFixture>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "web";
}
