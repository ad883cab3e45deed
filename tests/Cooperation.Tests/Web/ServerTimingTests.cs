using System.Globalization;
using System.Text.RegularExpressions;
using Cooperation.Tests.Support;
using Microsoft.AspNetCore.TestHost;

namespace Cooperation.Tests.Web;

/// <summary>
/// The server's time of each answer (<c>Server-Timing</c>), which the page benchmark reads: only
/// when configured (<c>Web:ServerTiming</c>), the whole as <c>app</c> and a page handler's part as
/// <c>handler</c>.
/// </summary>
[Collection(WebCollection.Name)]
public sealed partial class ServerTimingTests(WebFixture web)
{
    [Fact]
    public async Task A_host_configured_for_it_times_its_answers_and_its_page_handlers()
    {
        var app = await WebHosts.StartAsync(web.Api, new Dictionary<string, string?> { ["Web:ServerTiming"] = "true" });
        try
        {
            using var http = app.GetTestServer().CreateClient();

            using var page = await http.GetAsync("/account/sign-in");
            var timing = Assert.Single(page.Headers.GetValues("Server-Timing"));
            var whole = Duration(timing, "app");
            var handler = Duration(timing, "handler");
            Assert.True(whole >= handler && handler >= 0, timing);

            // Not a page: the whole only.
            using var health = await http.GetAsync("/healthz");
            var healthTiming = Assert.Single(health.Headers.GetValues("Server-Timing"));
            Assert.True(Duration(healthTiming, "app") >= 0, healthTiming);
            Assert.DoesNotContain("handler", healthTiming, StringComparison.Ordinal);
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_host_tells_nothing_of_its_times_by_default()
    {
        using var http = web.App.GetTestServer().CreateClient();
        using var page = await http.GetAsync("/account/sign-in");
        Assert.False(page.Headers.Contains("Server-Timing"));
    }

    private static double Duration(string header, string metric)
    {
        var match = Metric().Matches(header).SingleOrDefault(m => m.Groups[1].Value == metric);
        Assert.True(match is not null, $"no {metric} in \"{header}\"");
        return double.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"(?:^|,)\s*([a-z]+);dur=([0-9]+\.[0-9])(?=,|$)")]
    private static partial Regex Metric();
}
