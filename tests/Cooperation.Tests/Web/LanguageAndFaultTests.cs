using System.Net;
using Cooperation.Contracts.Access;
using Cooperation.Contracts.DonorReports;
using Cooperation.Contracts.People;
using Cooperation.Tests.Support;
using Cooperation.Web.Languages;
using static Cooperation.Tests.Web.WebPeople;

namespace Cooperation.Tests.Web;

/// <summary>
/// Which language a page speaks (the switcher's cookie, else the person's preference, else
/// Accept-Language, else English) and what a failure shows (a page in that language, never a stack
/// trace); the account forms' rate limits.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class LanguageAndFaultTests(WebFixture web)
{
    [Theory]
    [InlineData(null, ReportLanguage.En)]
    [InlineData("fr-FR, de;q=0.9", ReportLanguage.En)]
    [InlineData("fr, vi;q=0.8, ja;q=0.9", ReportLanguage.Ja)]
    [InlineData("vi-VN,vi;q=0.9,en-US;q=0.8", ReportLanguage.Vi)]
    [InlineData("ja;q=0, en;q=0.1", ReportLanguage.En)]
    public void Accept_language_picks_the_best_language_pages_speak(string? header, ReportLanguage expected) =>
        Assert.Equal(expected, LanguageChoice.FromAcceptLanguage(header) ?? ReportLanguage.En);

    [Fact]
    public async Task The_cookie_beats_the_persons_preference_which_beats_the_browser()
    {
        var person = await ActiveAsync(web.Api, "platform", Role.Admin, ReportLanguage.Ja);
        using var browser = web.Browser();
        browser.AcceptLanguage = "vi";
        Assert.Contains("<html lang=\"vi\">", (await browser.GetAsync("/account/sign-in")).Html);
        await browser.SignInAsync(person);
        Assert.Contains("<html lang=\"ja\">", (await browser.GetAsync("/")).Html);
        browser.Cookies.Add(browser.BaseAddress, new Cookie(LanguageChoice.Cookie, "en"));
        Assert.Contains("<html lang=\"en\">", (await browser.GetAsync("/")).Html);
    }

    [Fact]
    public async Task The_switcher_on_every_page_sets_the_cookie_and_the_persons_preference_and_returns_to_the_page()
    {
        var person = await ActiveAsync(web.Api, "platform", Role.Admin, ReportLanguage.En);
        using var browser = web.Browser();
        await browser.SignInAsync(person);
        var people = await browser.GetAsync("/people");
        Assert.Contains("name=\"lang\" value=\"vi\"", people.Html);
        var switched = await browser.PostAsync("/language", new Dictionary<string, string> { ["lang"] = "vi", ["returnUrl"] = "/people" });
        AssertRedirect(switched, "/people");
        Assert.Contains("lang=vi", switched.Cookie(LanguageChoice.Cookie));
        Assert.Contains("<html lang=\"vi\">", (await browser.GetAsync("/people")).Html);
        Assert.Equal(ReportLanguage.Vi, (await web.Api.Cluster.Client.GetGrain<IAccountGrain>(person.AccountId).Get()).Definition.Language);

        // Only back to this site; an unknown language is refused.
        AssertRedirect(await browser.PostAsync("/language", new Dictionary<string, string> { ["lang"] = "ja", ["returnUrl"] = "https://evil.example/" }), "/");
        Assert.Equal(HttpStatusCode.BadRequest, (await browser.PostAsync("/language", new Dictionary<string, string> { ["lang"] = "fr" })).Status);
    }

    [Fact]
    public async Task A_fault_shows_a_page_in_the_persons_language_with_a_reference_and_never_a_stack_trace()
    {
        web.Logs.Clear();
        using var browser = web.Browser();
        browser.AcceptLanguage = "ja";
        var page = await browser.GetAsync(WebFixture.FaultPath);
        Assert.Equal(HttpStatusCode.InternalServerError, page.Status);
        Assert.Contains("<html lang=\"ja\">", page.Html);
        Assert.Contains("システム側で問題が発生しました", page.Html);
        foreach (var leak in new[] { "hunter2", "Secret.Method", "InvalidOperationException", " at ", "Exception" })
            Assert.DoesNotContain(leak, page.Html);
        var reference = System.Text.RegularExpressions.Regex.Match(page.Html, "参照番号をお伝えください：([0-9a-f]{12})").Groups[1].Value;
        Assert.NotEmpty(reference);
        var logged = Assert.Single(web.Logs.Entries, e => e.Message.Contains(reference));
        Assert.IsType<InvalidOperationException>(logged.Exception);
    }

    [Fact]
    public async Task Account_forms_are_limited_per_client_and_per_address_with_a_429_page_in_the_language()
    {
        var person = await AdminAsync(web.Api);
        await using var limited = await WebHosts.StartAsync(web.Api, new Dictionary<string, string?>
        {
            ["Web:FormsPerClientPerMinute"] = "4",
            ["Web:AttemptsPerAddressPerMinute"] = "2",
        });
        using var browser = new Browser(limited) { AcceptLanguage = "vi" };
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
            statuses.Add((await browser.SignInAsync(person.Email, "not the password at all")).Status);
        // Per address: two attempts a minute, whatever the password.
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Contains("Quá nhiều lần thử", browser.Last!.Html);
        // Another address still gets its turn, until the client's four forms a minute are spent.
        Assert.Equal(HttpStatusCode.OK, (await browser.SignInAsync("someone-else@example.org", "not the password at all")).Status);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await browser.SignInAsync("a-third@example.org", "not the password at all")).Status);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/account/sign-in")).Status);
    }
}
