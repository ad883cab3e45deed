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
