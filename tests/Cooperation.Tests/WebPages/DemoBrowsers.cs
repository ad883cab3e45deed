using System.Net;
using System.Runtime.CompilerServices;
using Cooperation.Contracts.Access;
using Cooperation.Contracts.DonorReports;
using Cooperation.Gateway.Demo;
using Cooperation.Tests.Support;
using Cooperation.Tests.Web;
using Cooperation.Web.Words;
using System.Text.Encodings.Web;
using Microsoft.Extensions.Configuration;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Cooperation.Tests.WebPages;

/// <summary>
/// The demo world on a web fixture's platform, with its people (one per demo key, as the run
/// command makes them), loaded once per fixture; and browsers signed in as those people through the
/// sign-in form, as anyone signs in.
/// </summary>
public static class DemoBrowsers
{
    private static readonly ConditionalWeakTable<WebFixture, Lazy<Task<IReadOnlyDictionary<string, string>>>> Users = [];

    /// <summary>The demo people's e-mail addresses and passwords ("HP_DOFA_EMAIL", "HP_DOFA_PASSWORD", …).</summary>
    public static Task<IReadOnlyDictionary<string, string>> UsersAsync(WebFixture web) =>
        Users.GetValue(web, w => new(() => LoadAsync(w))).Value;

    /// <summary>A browser signed in as the demo person of <paramref name="prefix"/> (e.g. "HP_DOFA").</summary>
    public static async Task<Browser> SignedInAsync(WebFixture web, string prefix)
    {
        var users = await UsersAsync(web);
        var browser = web.Browser();
        var signedIn = await browser.SignInAsync(users[prefix + "_EMAIL"], users[prefix + "_PASSWORD"]);
        Assert.True(signedIn.Status == HttpStatusCode.Redirect, $"{prefix} did not sign in: {signedIn.Status}");
        return browser;
    }

    /// <summary>
    /// A browser signed in as a new person of <paramref name="organisationId"/> in <paramref name="role"/>
    /// (invited and accepted as any person is), for tests that build their own world.
    /// </summary>
    public static async Task<Browser> PersonAsync(WebFixture web, string organisationId, Role role, ReportLanguage language = ReportLanguage.En)
    {
        var person = await WebPeople.ActiveAsync(web.Api, organisationId, role, language);
        var browser = web.Browser();
        var signedIn = await browser.SignInAsync(person);
        Assert.True(signedIn.Status == HttpStatusCode.Redirect, $"The person of {organisationId} did not sign in: {signedIn.Status}");
        return browser;
    }

    /// <summary>The page <paramref name="path"/> as <paramref name="prefix"/>'s person reads it.</summary>
    public static async Task<WebPage> ReadAsync(WebFixture web, string prefix, string path)
    {
        using var browser = await SignedInAsync(web, prefix);
        return await browser.GetAsync(path);
    }

    /// <summary>The title of the page that refuses what a person may not read (or what does not exist), in <paramref name="language"/>.</summary>
    public static string Forbidden(WebFixture web, ReportLanguage language) => Html(web, WebWords.Word("error.403.title", language));

    /// <summary><paramref name="text"/> as the web host's pages write it (its HTML encoder).</summary>
    public static string Html(WebFixture web, string text) => web.App.Services.GetRequiredService<HtmlEncoder>().Encode(text);

    /// <summary>The page word <paramref name="key"/> in <paramref name="language"/>, as pages write it.</summary>
    public static string Word(WebFixture web, string key, ReportLanguage language) => Html(web, WebWords.Word(key, language));

    /// <summary>A plain client with <paramref name="browser"/>'s cookies, for answers that are not pages (files, streams).</summary>
    public static HttpClient Client(WebFixture web, Browser browser) =>
        new(new CookieForwarder(browser, web.App.GetTestServer().CreateHandler())) { BaseAddress = browser.BaseAddress };

    private sealed class CookieForwarder(Browser browser, HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Add("Cookie", browser.Cookies.GetCookieHeader(request.RequestUri!));
            return base.SendAsync(request, cancellationToken);
        }
    }

    private static async Task<IReadOnlyDictionary<string, string>> LoadAsync(WebFixture web)
    {
        await DemoScenario.LoadAsync(DemoActorsFor.Api(web.Api));
        // The run command's loader acts as the platform when it makes the demo people.
        CallerContext.ActAsPlatform();
        var people = new DemoPeople(web.Api.Cluster.Client, new ConfigurationBuilder().Build());
        return await people.EnsureAsync(new Dictionary<string, string>());
    }
}
