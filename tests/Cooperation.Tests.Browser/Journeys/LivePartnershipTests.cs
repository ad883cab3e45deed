using Cooperation.Gateway.Demo;
using Cooperation.Tests.Browser.Support;
using Cooperation.Web.Words;
using Microsoft.Playwright;

namespace Cooperation.Tests.Browser.Journeys;

/// <summary>The partnership page follows the platform as events commit, without a reload.</summary>
[Collection(BrowserCollection.Name)]
public sealed class LivePartnershipTests(BrowserPlatform platform)
{
    [Fact]
    public async Task A_reading_submitted_through_the_API_shows_on_an_open_partnership_page_without_reload()
    {
        const string pilotId = "jcm-nck-chillers";
        await using var session = await platform.SignedInAsync("HP_DOFA");
        var page = session.Page;
        await page.GotoAsync($"/partnerships/{DemoScenario.PartnershipId}");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        // A marker the page cannot keep through a reload: only an in-place update leaves it.
        await page.EvaluateAsync("() => { window.__notReloaded = true; }");
        var missingBefore = await MissingAsync(page);

        // The JCM chillers pilot missed a month; its lead reports it now, through the API.
        var periods = await platform.Api.Reviews.ListReportingPeriodsAsync(new() { PilotId = pilotId });
        var missing = periods.Periods.First(p => p.Missing).Period;
        var pilot = await platform.Api.Pilots.GetPilotAsync(new() { PilotId = pilotId });
        var kpi = pilot.Kpis.First(k => k.KpiCode != "emission-reductions");
        await platform.Api.Submissions.SubmitUpdateAsync(new()
        {
            PilotId = pilotId,
            IdempotencyKey = $"browser-live-{Guid.NewGuid():N}",
            Period = missing,
            Readings = { new Contracts.Grpc.KpiReadingInput { KpiCode = kpi.KpiCode, Value = 1 } },
        });

        // The section is fetched again and swapped in: the missing count drops by one.
        await page.WaitForFunctionAsync(
            "([label, before]) => [...document.querySelectorAll('#pilots-section dl.figures dt')].some(dt => dt.textContent.trim() === label && Number(dt.nextElementSibling.textContent.trim()) === before - 1)",
            new object[] { MissingLabel, missingBefore }, new PageWaitForFunctionOptions { Timeout = 20_000 });
        Assert.True(await page.EvaluateAsync<bool>("() => window.__notReloaded === true"));
        var updated = WebWords.Word("live.updated", Contracts.DonorReports.ReportLanguage.Vi);
        Assert.Contains(updated[..updated.IndexOf("{0}", StringComparison.Ordinal)].Trim(), await page.Locator("#live-status").InnerTextAsync());
        Assert.Empty(session.ScriptErrors);
    }

    private static readonly string MissingLabel = WebWords.Word("glance.missing", Contracts.DonorReports.ReportLanguage.Vi);

    /// <summary>The count of missing periods the pilots section shows (a small whole number, written the same in every language).</summary>
    private static async Task<int> MissingAsync(IPage page) => await page.EvaluateAsync<int>(
        "label => Number([...document.querySelectorAll('#pilots-section dl.figures dt')].find(dt => dt.textContent.trim() === label).nextElementSibling.textContent.trim())",
        MissingLabel);
}
