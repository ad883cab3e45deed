using System.Net;
using Cooperation.Gateway.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Cooperation.Tests.Support;

/// <summary>
/// A second gateway of the API fixture's platform, on a real loopback HTTP port (Kestrel), without
/// a jobs server: what a browser, curl or a webhook receiver reaches. It shares the database, so
/// it shares the platform's keys (links signed by the fixture's gateway open here).
/// </summary>
public sealed class KestrelGateway : IAsyncDisposable
{
    private readonly WebApplication _app;

    private KestrelGateway(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    /// <summary>
    /// A gateway of <paramref name="api"/>'s platform (its cluster and database, no jobs server),
    /// hosted as <paramref name="host"/> says, started.
    /// </summary>
    public static async Task<WebApplication> BesideAsync(ApiFixture api, Action<WebApplicationBuilder> host)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Test" });
        host(builder);
        builder.Services.AddSingleton<IGrainFactory>(api.Cluster.Client);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Cooperation"] = api.Cluster.Postgres.ConnectionString,
        });
        builder.Services.AddCooperationApi(builder.Configuration);
        var app = builder.Build();
        app.UseCooperationApi();
        await app.StartAsync();
        return app;
    }

    /// <summary>Its HTTP address, e.g. http://127.0.0.1:40123/.</summary>
    public Uri Address { get; }

    /// <summary>Starts one beside <paramref name="api"/>'s gateway.</summary>
    public static async Task<KestrelGateway> StartAsync(ApiFixture api)
    {
        var app = await BesideAsync(api, builder =>
        {
            // Only the port given here: the endpoints of the appsettings.json copied into the test
            // output (the web host's 5082 and 5085) would clash with a running ops/run.sh.
            builder.WebHost.UseKestrel(kestrel =>
            {
                kestrel.Configure(new ConfigurationBuilder().Build());
                kestrel.Listen(IPAddress.Loopback, 0);
            });
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
        });
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new KestrelGateway(app, new Uri(address.EndsWith('/') ? address : address + "/"));
    }

    /// <summary><paramref name="link"/> (made for the platform's public address) pointed at this gateway.</summary>
    public Uri Reach(string link) => new(Address, new Uri(link).PathAndQuery);

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
