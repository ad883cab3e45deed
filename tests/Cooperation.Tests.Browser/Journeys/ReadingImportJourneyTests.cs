using System.Text;
using Cooperation.Contracts.Grpc;
using Cooperation.Gateway.Demo;
using Cooperation.Tests.Browser.Support;
using Microsoft.Playwright;

namespace Cooperation.Tests.Browser.Journeys;

/// <summary>
/// Hai Phong URENCO's person uploads a CSV file of readings from the pilot's page: all or nothing
/// stores nothing while one row is bad and shows that row; row by row stores the good rows.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ReadingImportJourneyTests(BrowserPlatform platform)
{
    [Fact]
    public async Task One_bad_row_stores_nothing_all_or_nothing_and_row_by_row_stores_the_good_rows()
    {
        // A pilot of its own in the demo partnership, led by URENCO, so other journeys' periods stay as they are.
        var demo = await platform.Api.Pilots.GetPilotAsync(new GetPilotRequest { PilotId = DemoScenario.PilotId });
        var pilotId = $"browser-import-{Guid.NewGuid():N}"[..30];
        await platform.Api.Pilots.CreatePilotAsync(new CreatePilotRequest
        {
            PilotId = pilotId, PartnershipId = demo.PartnershipId, ProgrammeId = demo.ProgrammeId, CityId = demo.CityId,
            Title = new LocalizedText { En = "Sorting at source", Vi = "Phân loại rác tại nguồn", Ja = "発生源での分別" },
            Kind = PilotKind.Compost, LeadOrganisationId = "hp-urenco", SkipKpiTemplates = true,
        });
        await platform.Api.Kpis.DefineKpiAsync(new DefineKpiRequest
        {
            Subject = $"pilots/{pilotId}", KpiCode = "compost-produced", Name = new LocalizedText { En = "Compost produced", Vi = "Phân compost sản xuất" },
            Unit = "t", Direction = KpiDirection.HigherIsBetter, Aggregation = KpiAggregation.Incremental,
            Baseline = new KpiPoint { Value = 0, Date = "2024-01-01" }, Target = new KpiPoint { Value = 1200, Date = "2026-12-31" },
        });
        var csv = Encoding.UTF8.GetBytes($"""
            pilot_id,kpi_code,period,value,note
            {pilotId},compost-produced,2025-01,40,weighbridge
            {pilotId},compost-produced,2025-02,N/A,
            {pilotId},compost-produced,2025-03,44,
            """);
        var file = new FilePayload { Name = "readings.csv", MimeType = "text/csv", Buffer = csv };

        await using var session = await platform.SignedInAsync("HP_URENCO");
        var page = session.Page;
        await page.GotoAsync($"/pilots/{pilotId}");
        await page.Locator($"a[href='/pilots/{pilotId}/import']").ClickAsync();
        await page.WaitForURLAsync($"**/pilots/{pilotId}/import");
        await AccessibilityTests.AssertCleanAsync(page, "the import form");

        // All or nothing (the default): the bad row is shown, nothing is stored.
        Assert.True(await page.Locator("#mode-allornothing").IsCheckedAsync());
        await page.Locator("input[type=file]").SetInputFilesAsync(file);
        await page.Locator("form[enctype='multipart/form-data'] button[type=submit]").ClickAsync();
        await page.WaitForLoadStateAsync();
        var refused = page.Locator("table.import-refused tbody tr");
        Assert.Equal(1, await refused.CountAsync());
        Assert.Equal("3", (await refused.Locator("th").InnerTextAsync()).Trim());
        Assert.Contains("N/A", await refused.InnerTextAsync());
        Assert.Equal(0, await platform.Api.Cluster.StoredReadingsAsync($"pilots/{pilotId}"));
        await AccessibilityTests.AssertCleanAsync(page, "the import form with a refused row");

        // Row by row: the two good rows are stored, the bad one listed again.
        await page.Locator("#mode-rowbyrow").CheckAsync();
        await page.Locator("input[type=file]").SetInputFilesAsync(file);
        await page.Locator("form[enctype='multipart/form-data'] button[type=submit]").ClickAsync();
        await page.WaitForLoadStateAsync();
        Assert.Equal(1, await page.Locator("table.import-refused tbody tr").CountAsync());
        Assert.Equal(2, await page.Locator("#import-periods-heading + .table-wrap tbody tr").CountAsync());
        Assert.Equal(2, await platform.Api.Cluster.StoredReadingsAsync($"pilots/{pilotId}"));
        // The refused upload is answered 400 (Bad Request), which Chromium logs; nothing else may go wrong.
        Assert.All(session.ScriptErrors, error => Assert.Contains("status of 400", error));
    }
}
