using System.Net;
using System.Text;
using Microsoft.AspNetCore.TestHost;

namespace Cooperation.Tests.Web;

/// <summary>The bare host: health, static files, the sign-in redirect, error pages in the visitor's language.</summary>
[Collection(WebCollection.Name)]
public sealed class WebHostTests(WebFixture web)
{
    [Fact]
    public async Task Health_answers_while_the_cluster_does()
    {
        using var browser = web.Browser();
        var health = await browser.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, health.Status);
        Assert.Equal("Healthy", health.Html);
    }

    [Fact]
    public async Task A_page_without_a_session_sends_the_visitor_to_sign_in_and_back()
    {
        using var browser = web.Browser();
        var home = await browser.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, home.Status);
        Assert.Equal("http://localhost/account/sign-in?returnUrl=%2F", home.Location);
    }

    [Fact]
    public async Task The_vendored_libraries_and_the_site_css_are_served_from_the_host()
    {
        using var browser = web.Browser();
        foreach (var path in new[] { "/css/site.css", "/lib/htmx.org-2.0.11/htmx.min.js", "/lib/chart.js-4.6.1/chart.umd.min.js" })
            Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(path)).Status);
    }

    [Fact]
    public async Task An_unknown_address_gets_the_404_page_in_the_browsers_language_with_layout_and_skip_link()
    {
        using var browser = web.Browser();
        browser.AcceptLanguage = "ja-JP,ja;q=0.9,en;q=0.5";
        var page = await browser.GetAsync("/no-such-page");
        Assert.True(page.Status == HttpStatusCode.NotFound, page.Status + string.Join('\n', web.Logs.Entries.Select(e => e.Message + e.Exception)));
        Assert.Contains("<html lang=\"ja\">", page.Html);
        Assert.Contains("ページが見つかりません", page.Html);
        Assert.Contains("href=\"#main\"", page.Html);
        Assert.Contains("id=\"main\"", page.Html);
    }

    [Fact]
    public async Task A_page_goes_out_whole_with_its_length_without_template_indentation_and_uncached()
    {
        using var http = web.App.GetTestServer().CreateClient();
        web.Logs.Clear();

        using var page = await http.GetAsync("/account/sign-in");
        var body = await page.Content.ReadAsByteArrayAsync();
        var html = Encoding.UTF8.GetString(body);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(body.Length, page.Content.Headers.ContentLength);
        Assert.DoesNotContain("\n  ", html, StringComparison.Ordinal);
        Assert.Contains("<form", html, StringComparison.Ordinal);
        // A page with a form is not cached, and anti-forgery finds it so (no warning on every page).
        Assert.True(page.Headers.CacheControl is { NoCache: true, NoStore: true }, page.Headers.CacheControl?.ToString());
        Assert.DoesNotContain(web.Logs.Entries, e => e.Category.StartsWith("Microsoft.AspNetCore.Antiforgery", StringComparison.Ordinal));
    }
}
