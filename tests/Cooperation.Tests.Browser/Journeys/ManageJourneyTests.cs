using Cooperation.Contracts.Grpc;
using Cooperation.Gateway.Demo;
using Cooperation.Tests.Browser.Support;
using Microsoft.Playwright;

namespace Cooperation.Tests.Browser.Journeys;

/// <summary>
/// Hai Phong's office manages a pilot in Chromium (in Vietnamese, its person's language): creates a
/// compost pilot with its kind's KPI templates, adds a milestone, changes its status with a reason,
/// and sees each on the pilot's page; every form page (and a refused form) passes axe.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ManageJourneyTests(BrowserPlatform platform)
{
    [Fact]
    public async Task Hai_phongs_office_creates_a_pilot_adds_a_milestone_and_changes_its_status()
    {
        var pilotId = $"browser-pilot-{Guid.NewGuid():N}"[..30];
        await using var session = await platform.SignedInAsync("HP_DOFA");
        var page = session.Page;

        await page.GotoAsync($"/partnerships/{DemoScenario.PartnershipId}");
        await page.Locator($"a[href='/partnerships/{DemoScenario.PartnershipId}/pilots/new']").ClickAsync();
        await page.SelectOptionAsync("select[name=kind]", "Compost");
        await page.Locator("form[method=get]:has(select[name=kind]) button[type=submit]").ClickAsync();
        await page.WaitForLoadStateAsync();
        // The kind's templates are listed and ticked.
        var boxes = page.Locator("input[name=templates]");
        Assert.True(await boxes.CountAsync() >= 3);
        for (var i = 0; i < await boxes.CountAsync(); i++)
            Assert.True(await boxes.Nth(i).IsCheckedAsync());
        await AccessibilityTests.AssertCleanAsync(page, "new pilot");

        await page.FillAsync("input[name=title]", "Ủ phân compost tại chợ Sắt");
        await page.FillAsync("input[name=pilotId]", pilotId);
        await page.FillAsync("input[name=lead]", "hp-urenco");
        await page.Locator("form:has(input[name=pilotId]) button[type=submit]").ClickAsync();
        await page.WaitForURLAsync($"**/pilots/{pilotId}?changed=created*");
        var created = await platform.Api.Pilots.GetPilotAsync(new GetPilotRequest { PilotId = pilotId });
        Assert.True(created.Kpis.Count >= 3, "the kind's KPI templates");
        Assert.Contains("Sản lượng phân compost", await page.Locator("main").InnerTextAsync());
        await AccessibilityTests.AssertCleanAsync(page, "pilot page with its forms");

        await page.FillAsync("input[name=milestoneTitle]", "Hoàn thành mặt bằng");
        await page.FillAsync("input[name=milestoneId]", "site-ready");
        await page.FillAsync("input[name=milestonePlannedDate]", "2027-03-31");
        await page.Locator("form[action*='handler=Milestone'] button[type=submit]").ClickAsync();
        await page.WaitForURLAsync($"**/pilots/{pilotId}?changed=milestone*");
        Assert.Contains("Hoàn thành mặt bằng", await page.Locator("section:has(#milestones-heading)").InnerTextAsync());

        // Cancelling without a reason is refused next to the reason, announced, and the page stays clean.
        await page.SelectOptionAsync("select[name=status]", "Cancelled");
        await page.Locator("form[action*='handler=Status'] button[type=submit]").ClickAsync();
        await page.WaitForLoadStateAsync();
        Assert.Equal("true", await page.Locator("input[name=statusReason]").GetAttributeAsync("aria-invalid"));
        Assert.Contains("Hãy nêu lý do hủy thí điểm.", await page.Locator("#statusReason-error").InnerTextAsync());
        await AccessibilityTests.AssertCleanAsync(page, "refused status form");

        await page.SelectOptionAsync("select[name=status]", "Approved");
        await page.FillAsync("input[name=statusReason]", "Ủy ban nhân dân thành phố đã phê duyệt.");
        await page.Locator("form[action*='handler=Status'] button[type=submit]").ClickAsync();
        await page.WaitForURLAsync($"**/pilots/{pilotId}?changed=status*");
        Assert.Contains("Ủy ban nhân dân thành phố đã phê duyệt.", await page.Locator("section:has(#status-heading)").InnerTextAsync());

        var pilot = await platform.Api.Pilots.GetPilotAsync(new GetPilotRequest { PilotId = pilotId });
        Assert.Equal(PilotStatus.Approved, pilot.Status);
        Assert.Single(pilot.Milestones);
        // The refused form answered 400 (as it should), which Chromium logs; nothing else went wrong.
        Assert.Single(session.ScriptErrors, e => e.Contains("status of 400", StringComparison.Ordinal));
        Assert.DoesNotContain(session.ScriptErrors, e => !e.Contains("status of 400", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_programme_form_is_accessible_blank_and_refused()
    {
        await using var session = await platform.SignedInAsync("HP_DOFA");
        var page = session.Page;
        await page.GotoAsync($"/partnerships/{DemoScenario.PartnershipId}");
        await page.Locator($"a[href='/partnerships/{DemoScenario.PartnershipId}/programmes/new']").ClickAsync();
        await page.WaitForLoadStateAsync();
        await AccessibilityTests.AssertCleanAsync(page, "new programme");
        // Nothing filled in: every required field is named next to itself, and announced above the form.
        await page.Locator("form:has(input[name=programmeId]) button[type=submit]").ClickAsync();
        await page.WaitForLoadStateAsync();
        Assert.Equal("true", await page.Locator("input[name=programmeId]").GetAttributeAsync("aria-invalid"));
        Assert.Equal(1, await page.Locator("[role=alert]").CountAsync());
        await AccessibilityTests.AssertCleanAsync(page, "refused programme form");
    }
}
