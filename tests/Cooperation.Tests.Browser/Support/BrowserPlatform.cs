using Cooperation.Contracts.Access;
using Cooperation.Gateway.Demo;
using Cooperation.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Playwright;

namespace Cooperation.Tests.Browser.Support;

/// <summary>
/// The platform as a person meets it: the full lane's PostgreSQL-backed cluster and gateway (with
/// its jobs), the seed scenario and its demo people loaded as the run command loads them, a loopback
/// SMTP mailbox, the web host on a real loopback port (Kestrel), and Debian's Chromium.
/// </summary>
public sealed class BrowserPlatform : IAsyncLifetime
{
    private WebApplication _web = null!;

    /// <summary>The platform behind the web host: gateway (for calls through the API), cluster, database.</summary>
    public ApiFixture Api { get; } = new();

    /// <summary>The mailbox the platform mails to.</summary>
    public SmtpSink Mailbox { get; private set; } = null!;

    /// <summary>The web host's address, e.g. http://127.0.0.1:41234/.</summary>
    public Uri Address { get; private set; } = null!;

    /// <summary>The browser.</summary>
    public Chromium Chromium { get; private set; } = null!;

    /// <summary>The demo people's addresses and passwords, as in .data/demo-users.env ("MOEJ_EMAIL", "MOEJ_PASSWORD", …).</summary>
    public IReadOnlyDictionary<string, string> Users { get; private set; } = null!;

    /// <summary>The public address mailed links carry (the port is known only once the host runs): <see cref="Reach"/> turns them to it.</summary>
    public const string PublicBaseUrl = WebHosts.PublicBaseUrl;

    /// <summary>A mailed <paramref name="link"/> pointed at the running web host.</summary>
    public string Reach(string link) => new Uri(Address, new Uri(link).PathAndQuery).ToString();

    /// <summary>What the web host logged (warnings and worse).</summary>
    public CapturedLogs WebLogs { get; } = new();

    /// <inheritdoc/>
    public async Task InitializeAsync()
    {
        var chromium = Chromium.StartAsync();
        await Api.InitializeAsync();
        Mailbox = await SmtpSink.StartAsync(Api.SmtpPort);
        await DemoScenario.LoadAsync(DemoActorsFor.Api(Api));
        // The run command's loader makes the demo people acting as the platform, as it does here.
        CallerContext.ActAsPlatform();
        Users = await new DemoPeople(Api.Cluster.Client, new ConfigurationBuilder().Build()).EnsureAsync(new Dictionary<string, string>());
        (_web, Address) = await StartWebAsync();
        Chromium = await chromium;
    }

    /// <summary>A new browser session at the web host (its own cookies), on a phone or a desk.</summary>
    public Task<BrowserSession> SessionAsync(bool phone = false, string acceptLanguage = "en") =>
        Chromium.SessionAsync(Address, phone, acceptLanguage);

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<Task<string>>> _signedIn = new();

    /// <summary>
    /// A new browser session of the demo person of <paramref name="prefix"/> (e.g. "MOEJ") at their
    /// home page, signed in through the sign-in form once per test run and reopened from the
    /// browser's saved state (its cookies) after that, as a person who comes back later.
    /// </summary>
    public async Task<BrowserSession> SignedInAsync(string prefix, bool phone = false)
    {
        var signedIn = _signedIn.GetOrAdd(prefix, _ => new(async () =>
        {
            await using var first = await SessionAsync();
            await SignInAsync(first, Users[prefix + "_EMAIL"], Users[prefix + "_PASSWORD"]);
            Assert.True(new Uri(first.Page.Url).AbsolutePath == "/", $"{prefix} was not taken home after signing in: {first.Page.Url}");
            return await first.Context.StorageStateAsync();
        }));
        string state;
        try
        {
            state = await signedIn.Value;
        }
        catch
        {
            // A failed first sign-in (a cold home under load) fails this test, not every later one of the person.
            _signedIn.TryRemove(KeyValuePair.Create(prefix, signedIn));
            throw;
        }
        var session = await Chromium.SessionAsync(Address, phone, storageState: state);
        await session.Page.GotoAsync("/");
        return session;
    }

    /// <summary>Fills and sends the sign-in form.</summary>
    public static async Task SignInAsync(BrowserSession session, string email, string password)
    {
        var page = session.Page;
        await page.GotoAsync("/account/sign-in");
        await page.FillAsync("input[name=email]", email);
        await page.FillAsync("input[name=password]", password);
        // The first home of a person activates its grains cold, while other test lanes load the machine.
        await page.Locator("main form button[type=submit]").ClickAsync(new() { Timeout = 90_000 });
        await page.WaitForLoadStateAsync(LoadState.Load, new() { Timeout = 90_000 });
    }

    private async Task<(WebApplication App, Uri Address)> StartWebAsync()
    {
        // A free loopback port, not the configured 5082: a platform started by ops/run.sh may hold that one.
        var app = await WebHosts.StartAsync(Api, new Dictionary<string, string?> { ["Kestrel:Endpoints:Http:Url"] = "http://127.0.0.1:0" },
            WebLogs, server: web => web.UseKestrel());
        return (app, WebHosts.AddressOf(app));
    }

    /// <inheritdoc/>
    public async Task DisposeAsync()
    {
        if (Chromium is not null)
            await Chromium.DisposeAsync();
        if (_web is not null)
        {
            await _web.StopAsync();
            await _web.DisposeAsync();
        }
        if (Mailbox is not null)
            await Mailbox.DisposeAsync();
        await Api.DisposeAsync();
    }
}

/// <summary>Browser tests that share one <see cref="BrowserPlatform"/>.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserPlatform>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "browser";
}
