using Cooperation.Gateway.Demo;
using Cooperation.Tests.Browser.Support;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Cooperation.Tests.Browser.Journeys;

/// <summary>axe-core (offline, in the page) finds no serious or critical accessibility violation on the main pages.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityTests(BrowserPlatform platform)
{
    public static TheoryData<string, string> Pages => new()
    {
        { "HP_DOFA", "/" },
        { "HP_DOFA", $"/partnerships/{DemoScenario.PartnershipId}" },
        { "HP_DOFA", $"/pilots/{DemoScenario.PilotId}" },
        { "HP_DOFA", "/pilots/jcm-nck-chillers" },
        { "HP_DOFA", "/mous/nck-eip-mou" },
        { "HP_DOFA", "/cities/quang-ninh" },
        { "HP_DOFA", "/people" },
        { "HP_DOFA", "/reviews" },
        { "HP_DOFA", "/partnerships/new" },
        { "HP_DOFA", $"/partnerships/{DemoScenario.PartnershipId}/members/new" },
        { "HP_DOFA", $"/partnerships/{DemoScenario.PartnershipId}/mous/new" },
        { "HP_DOFA", "/mous/nck-eip-mou/commitments/new" },
        { "HP_URENCO", $"/pilots/{DemoScenario.PilotId}/milestones/pilot-plant-built" },
        { "KITAKYUSHU", $"/pilots/{DemoScenario.PilotId}/update" },
        { "HP_URENCO", "/" },
        { "MOEJ", "/" },
        { "MOEJ", "/donors/moej/reports" },
        { "ADMIN", "/" },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task A_main_page_has_no_serious_or_critical_violations(string prefix, string path)
    {
        await using var session = await platform.SignedInAsync(prefix);
        var response = await session.Page.GotoAsync(path);
        Assert.Equal(200, response!.Status);
        await session.Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await AssertCleanAsync(session.Page, $"{prefix} {path}");
    }

    [Fact]
    public async Task The_sign_in_page_has_no_serious_or_critical_violations_in_any_language()
    {
        foreach (var language in new[] { "vi", "ja", "en" })
        {
            await using var session = await platform.SessionAsync(acceptLanguage: language);
            await session.Page.GotoAsync("/account/sign-in");
            await AssertCleanAsync(session.Page, $"sign-in ({language})");
        }
    }

    /// <summary>Fails when axe finds a serious or critical violation on <paramref name="page"/> as it is now.</summary>
    internal static async Task AssertCleanAsync(IPage page, string what)
    {
        await page.WaitForLoadStateAsync(LoadState.Load);
        var results = await page.RunAxe();
        var serious = results.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, $"{what}: " + string.Join("; ", serious.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Take(3).Select(n => n.Target?.ToString()))}")));
    }
}
