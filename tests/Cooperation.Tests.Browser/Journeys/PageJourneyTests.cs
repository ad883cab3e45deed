using Cooperation.Contracts.DonorReports;
using Cooperation.Gateway.Demo;
using Cooperation.Tests.Browser.Support;
using Cooperation.Tests.Support;
using Cooperation.Web.Words;
using Microsoft.Playwright;

namespace Cooperation.Tests.Browser.Journeys;

/// <summary>Reading the pages: languages, charts, phones.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PageJourneyTests(BrowserPlatform platform)
{
    [Fact]
    public async Task Switching_to_Japanese_shows_Japanese_labels_and_the_Japanese_names_of_the_data()
    {
        await using var session = await platform.SignedInAsync("ADMIN");
        var page = session.Page;
        await page.GotoAsync($"/pilots/{DemoScenario.PilotId}");
        Assert.Equal("en", await page.Locator("html").GetAttributeAsync("lang"));

        await page.Locator("form.languages button[value=ja]").ClickAsync();
        await page.WaitForLoadStateAsync();

        // Back on the same page, in Japanese: labels from the words, names from the data.
        Assert.EndsWith($"/pilots/{DemoScenario.PilotId}", new Uri(page.Url).AbsolutePath);
        Assert.Equal("ja", await page.Locator("html").GetAttributeAsync("lang"));
        Assert.Equal(WebWords.Word("nav.home", ReportLanguage.Ja), await page.Locator("nav a[href='/']").InnerTextAsync());
        var pilot = await platform.Api.Pilots.GetPilotAsync(new() { PilotId = DemoScenario.PilotId });
        Assert.False(string.IsNullOrEmpty(pilot.Title.Ja));
        Assert.Contains(pilot.Title.Ja, await page.Locator("main h1").InnerTextAsync());
        Assert.Contains(pilot.Kpis[0].Name.Ja, await page.Locator("main").InnerTextAsync());

        // The choice sticks to the next page.
        await page.GotoAsync("/");
        Assert.Equal("ja", await page.Locator("html").GetAttributeAsync("lang"));
        Assert.Empty(session.ScriptErrors);
    }

    [Fact]
    public async Task A_pilot_page_draws_a_chart_for_every_KPI_without_script_errors()
    {
        await using var session = await platform.SignedInAsync("HP_DOFA");
        var page = session.Page;
        await page.GotoAsync($"/pilots/{DemoScenario.PilotId}");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        var pilot = await platform.Api.Pilots.GetPilotAsync(new() { PilotId = DemoScenario.PilotId });
        var canvases = page.Locator("main canvas[data-chart]");
        Assert.True(await canvases.CountAsync() >= pilot.Kpis.Count, $"{await canvases.CountAsync()} charts for {pilot.Kpis.Count} KPIs");
        // Chart.js has drawn each canvas: it keeps a chart object per canvas, with data.
        var drawn = await page.EvaluateAsync<int[]>(
            "() => [...document.querySelectorAll('main canvas[data-chart]')].map(c => { const chart = window.Chart && Chart.getChart(c); return chart ? chart.data.datasets.reduce((n, d) => n + d.data.length, 0) : -1; })");
        Assert.All(drawn, points => Assert.True(points > 0, $"a chart was not drawn or has no points: {string.Join(", ", drawn)}"));
        Assert.Empty(session.ScriptErrors);
    }

    private static readonly string[] MainPaths =
    [
        "/",
        $"/partnerships/{DemoScenario.PartnershipId}",
        $"/pilots/{DemoScenario.PilotId}",
        "/pilots/jcm-nck-chillers",
        "/mous/nck-eip-mou",
        "/cities/quang-ninh",
    ];

    public static TheoryData<string> MainPages => [.. MainPaths];

    [Theory]
    [MemberData(nameof(MainPages))]
    public async Task Every_main_page_fits_a_360_pixel_phone_and_is_reachable_by_links(string path)
    {
        await using var session = await platform.SignedInAsync("HP_DOFA", phone: true);
        var page = session.Page;
        var response = await page.GotoAsync(path);
        Assert.Equal(200, response!.Status);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        // Wide tables scroll inside their own box; the page itself never scrolls sideways.
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        var (scrollWidth, viewport) = (widths[0], widths[1]);
        // When it does, name the innermost elements that reach past the screen, so the fix is where the message says.
        var wide = scrollWidth <= viewport ? "" : await page.EvaluateAsync<string>(@"(w) => [...document.querySelectorAll('body *')]
            .filter(e => e.getBoundingClientRect().right > w + 1
                && ![...e.children].some(c => c.getBoundingClientRect().right > w + 1))
            .slice(0, 5).map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className ? '.' + String(e.className).replace(/ /g, '.') : '')).join(', ')", viewport);
        Assert.True(scrollWidth <= viewport, $"{path} is {scrollWidth} px wide on a {viewport} px phone: {wide}");
        Assert.Empty(session.ScriptErrors);
    }

    [Fact]
    public async Task Every_main_page_is_reached_from_the_home_page_by_links()
    {
        await using var session = await platform.SignedInAsync("ADMIN");
        var page = session.Page;
        var seen = new HashSet<string>(StringComparer.Ordinal) { "/" };
        var queue = new Queue<string>(["/"]);
        // Two clicks deep from home: the partnership, then its pilots, MoUs and cities.
        for (var depth = 0; depth < 3 && queue.Count > 0; depth++)
        {
            var next = new Queue<string>();
            while (queue.TryDequeue(out var path))
            {
                await page.GotoAsync(path);
                var hrefs = await page.Locator("main a[href^='/']").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
                foreach (var href in hrefs.Select(h => h.Split('?', '#')[0]).Where(h => h.Length > 1 && !h.StartsWith("/lib/", StringComparison.Ordinal)))
                {
                    if (seen.Add(href) && Interesting(href))
                        next.Enqueue(href);
                }
            }
            queue = next;
        }
        foreach (var path in MainPaths)
            Assert.Contains(path, seen);
        Assert.Contains(seen, p => p.StartsWith("/donors/", StringComparison.Ordinal) || p.StartsWith("/people", StringComparison.Ordinal));

        static bool Interesting(string href) =>
            href.StartsWith("/partnerships/", StringComparison.Ordinal) && href.Count(c => c == '/') == 2
            || href.StartsWith("/cities/", StringComparison.Ordinal);
    }
}
