using Cooperation.Contracts.DonorReports;
using Cooperation.Gateway.Demo;
using Cooperation.Tests.Browser.Support;
using Cooperation.Tests.Support;
using Cooperation.Web.Words;
using Grpc.Core;

namespace Cooperation.Tests.Browser.Journeys;

/// <summary>Each demo person signs in and sees exactly what the API lets their organisation read: no more, no less.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ScopeJourneyTests(BrowserPlatform platform)
{
    public static TheoryData<string> Prefixes => [.. DemoPeople.Persons.Select(p => p.Prefix)];

    [Theory]
    [MemberData(nameof(Prefixes))]
    public async Task A_person_sees_on_the_partnership_page_exactly_the_pilots_the_API_lets_their_organisation_read(string prefix)
    {
        var api = await DemoActorsFor.As(platform.Api, prefix + "_KEY");
        await using var session = await platform.SignedInAsync(prefix);
        var page = session.Page;
        var language = DemoPeople.Persons.Single(p => p.Prefix == prefix).Language;
        Assert.Equal(WebWords.Code(language), await page.Locator("html").GetAttributeAsync("lang"));

        IReadOnlyList<string>? readable;
        try
        {
            readable = [.. (await api.Partnerships.ListPartnershipPilotsAsync(new() { PartnershipId = DemoScenario.PartnershipId })).Pilots.Select(p => p.PilotId)];
        }
        catch (RpcException refused) when (refused.StatusCode == StatusCode.PermissionDenied)
        {
            readable = null;
        }

        await page.GotoAsync($"/partnerships/{DemoScenario.PartnershipId}");
        if (readable is null)
        {
            Assert.Equal(WebWords.Word("error.403.title", language), await page.Locator("main h1").InnerTextAsync());
            return;
        }
        var shown = await PilotLinksAsync(session, "#pilots-section");
        Assert.Equal(readable.Order(), shown.Order());
        Assert.Empty(session.ScriptErrors);
    }

    [Fact]
    public async Task The_Nam_Cau_Kien_park_does_not_see_hp_compost_and_MOEJ_sees_the_four_pilots_it_funds()
    {
        await using (var park = await platform.SignedInAsync("NAM_CAU_KIEN"))
        {
            Assert.DoesNotContain("hp-compost", await PilotLinksAsync(park, "main"));
            var response = await park.Page.GotoAsync("/pilots/hp-compost");
            Assert.Equal(403, response!.Status);
            Assert.Equal(WebWords.Word("error.403.title", ReportLanguage.Vi), await park.Page.Locator("main h1").InnerTextAsync());
            Assert.DoesNotContain("Hai Phong URENCO", await park.Page.ContentAsync());
        }

        await using var moej = await platform.SignedInAsync("MOEJ");
        var funded = await PilotLinksAsync(moej, "[aria-labelledby=funded-heading]");
        Assert.Equal(4, funded.Count);
        var api = await DemoActorsFor.As(platform.Api, "MOEJ_KEY");
        foreach (var pilotId in funded)
        {
            var pilot = await api.Pilots.GetPilotAsync(new() { PilotId = pilotId });
            Assert.Contains(pilot.FundingLines, line => line.DonorOrganisationId == "moej");
        }
    }

    /// <summary>The distinct pilot ids linked from within <paramref name="scope"/>.</summary>
    internal static async Task<IReadOnlyList<string>> PilotLinksAsync(BrowserSession session, string scope)
    {
        var hrefs = await session.Page.Locator(scope).Locator("a[href^='/pilots/']").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        return [.. hrefs.Select(h => h.Split('?', '#')[0]["/pilots/".Length..]).Where(id => !id.Contains('/')).Distinct()];
    }
}
