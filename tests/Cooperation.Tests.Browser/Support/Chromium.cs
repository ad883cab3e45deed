using Microsoft.Playwright;

namespace Cooperation.Tests.Browser.Support;

/// <summary>
/// Debian's Chromium, headless, driven by Playwright: no browser download (ops/test.sh installs
/// the `chromium` package). A missing browser fails the tests and says how to get it.
/// </summary>
public sealed class Chromium : IAsyncDisposable
{
    /// <summary>Where Debian puts the browser.</summary>
    public const string ExecutablePath = "/usr/bin/chromium";

    private readonly IPlaywright _playwright;

    private Chromium(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        Browser = browser;
    }

    /// <summary>The running browser.</summary>
    public IBrowser Browser { get; }

    /// <summary>Starts the browser.</summary>
    public static async Task<Chromium> StartAsync()
    {
        if (!File.Exists(ExecutablePath))
            throw new InvalidOperationException($"{ExecutablePath} is missing: ops/test.sh installs Debian's chromium (apt-get install chromium).");
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            // Root in a container has no user namespace for Chromium's sandbox.
            Args = ["--no-sandbox"],
        });
        return new Chromium(playwright, browser);
    }

    /// <summary>
    /// A new browser session (its own cookies) at <paramref name="baseUrl"/>, as a person on a phone
    /// (360 px wide) or a desk, speaking <paramref name="acceptLanguage"/>.
    /// </summary>
    public async Task<BrowserSession> SessionAsync(Uri baseUrl, bool phone = false, string acceptLanguage = "en", string? storageState = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl.ToString(),
            ViewportSize = phone ? new ViewportSize { Width = 360, Height = 740 } : new ViewportSize { Width = 1280, Height = 900 },
            ExtraHTTPHeaders = new Dictionary<string, string> { ["Accept-Language"] = acceptLanguage },
            // The browser's own locale: the first language of the header, e.g. "vi-VN" of "vi-VN,vi;q=0.9".
            Locale = acceptLanguage.Split(',')[0].Split(';')[0],
            StorageState = storageState,
        });
        // A page that activates cold grains while other test lanes load the 2-core machine may take
        // longer than Playwright's 30 s; a real failure still fails, a minute later.
        context.SetDefaultTimeout(60_000);
        context.SetDefaultNavigationTimeout(60_000);
        return await BrowserSession.OpenAsync(context);
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await Browser.CloseAsync();
        _playwright.Dispose();
    }
}

/// <summary>One person's browser tab, recording what its scripts report: console errors and uncaught exceptions.</summary>
public sealed class BrowserSession : IAsyncDisposable
{
    private readonly List<string> _errors = [];

    private BrowserSession(IBrowserContext context, IPage page)
    {
        Context = context;
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
                lock (_errors) _errors.Add($"console: {message.Text}");
        };
        page.PageError += (_, error) => { lock (_errors) _errors.Add($"page error: {error}"); };
    }

    /// <summary>The browser context (cookies, storage).</summary>
    public IBrowserContext Context { get; }

    /// <summary>The tab.</summary>
    public IPage Page { get; }

    /// <summary>Script errors seen so far.</summary>
    public IReadOnlyList<string> ScriptErrors
    {
        get { lock (_errors) return [.. _errors]; }
    }

    internal static async Task<BrowserSession> OpenAsync(IBrowserContext context) => new(context, await context.NewPageAsync());

    /// <inheritdoc/>
    public async ValueTask DisposeAsync() => await Context.CloseAsync();
}
