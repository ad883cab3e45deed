using Cooperation.Contracts.Grpc;
using Cooperation.Tests.Browser.Support;
using Microsoft.Playwright;

namespace Cooperation.Tests.Browser.Journeys;

/// <summary>
/// Hai Phong's office sets up a new cooperation in Chromium (in Vietnamese, its person's language):
/// creates a partnership of Hai Phong with Binh Duong, adds two member organisations, drafts an MoU
/// among them with a pilot-free scope, adds a commitment; a refused form names its field; each form
/// page passes axe. Then each party's person signs it and the MoU is signed.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PartnershipSetupJourneyTests(BrowserPlatform platform)
{
    [Fact]
    public async Task Hai_phongs_office_creates_a_partnership_with_members_and_an_MoU_that_its_parties_sign()
    {
        var partnershipId = $"browser-hp-bd-{Guid.NewGuid():N}"[..30];
        var mouId = $"browser-mou-{Guid.NewGuid():N}"[..30];
        await using (var session = await platform.SignedInAsync("HP_DOFA"))
        {
            var page = session.Page;
            await page.Locator("a[href='/partnerships/new']").ClickAsync();
            await page.WaitForLoadStateAsync();
            await AccessibilityTests.AssertCleanAsync(page, "new partnership");
            await page.FillAsync("input[name=name]", "Hải Phòng – Bình Dương");
            await page.FillAsync("input[name=partnershipId]", partnershipId);
            await page.SelectOptionAsync("select[name=secondCity]", "binh-duong");
            await page.SelectOptionAsync("select[name=relation0Kind]", "Friendship");
            await page.FillAsync("input[name=relation0Year]", "2019");
            // A second stage older than the first: refused next to its year, nothing stored.
            await page.SelectOptionAsync("select[name=relation1Kind]", "SisterCity");
            await page.FillAsync("input[name=relation1Year]", "2015");
            await page.Locator("form:has(input[name=partnershipId]) button[type=submit]").ClickAsync();
            // The page answered (not the one before it): its message stands next to the year.
            await page.Locator("#relation1Year-error").WaitForAsync();
            Assert.Equal("true", await page.Locator("input[name=relation1Year]").GetAttributeAsync("aria-invalid"));
            await AccessibilityTests.AssertCleanAsync(page, "refused partnership form");
            await page.FillAsync("input[name=relation1Year]", "2024");
            await page.Locator("form:has(input[name=partnershipId]) button[type=submit]").ClickAsync();
            await page.WaitForURLAsync($"**/partnerships/{partnershipId}/members/new?done=created*");
            await AccessibilityTests.AssertCleanAsync(page, "members");

            foreach (var (organisation, role) in new[] { ("kitakyushu-city", "TechnicalPartner"), ("hp-urenco", "Implementer") })
            {
                await page.FillAsync("input[name=organisation]", organisation);
                await page.SelectOptionAsync("select[name=role]", role);
                await page.Locator("form:has(input[name=organisation]) button[type=submit]").ClickAsync();
                await page.WaitForURLAsync($"**/partnerships/{partnershipId}/members/new?done=added*");
            }
            var partnership = await platform.Api.Partnerships.GetPartnershipAsync(new GetPartnershipRequest { PartnershipId = partnershipId });
            Assert.Equal(2, partnership.Relations.Count);
            Assert.Equal(["kitakyushu-city", "hp-urenco"], partnership.Members.Select(m => m.OrganisationId));

            await page.GotoAsync($"/partnerships/{partnershipId}");
            await page.Locator($"a[href='/partnerships/{partnershipId}/mous/new']").ClickAsync();
            await page.WaitForLoadStateAsync();
            await AccessibilityTests.AssertCleanAsync(page, "new MoU");
            await page.FillAsync("input[name=title]", "Biên bản ghi nhớ về xử lý chất thải hữu cơ");
            await page.FillAsync("input[name=mouId]", mouId);
            await page.Locator("input[name=parties][value='kitakyushu-city']").CheckAsync();
            await page.Locator("input[name=parties][value='hp-urenco']").CheckAsync();
            await page.FillAsync("textarea[name=scope]", "Chia sẻ kinh nghiệm ủ phân hữu cơ từ rác chợ.");
            await page.FillAsync("input[name=effectiveDate]", "2099-01-01");
            await page.FillAsync("input[name=expiryDate]", "2099-12-31");
            await page.Locator("form:has(input[name=mouId]) button[type=submit]").ClickAsync();
            await page.WaitForURLAsync($"**/mous/{mouId}?changed=created*");

            await page.Locator($"a[href='/mous/{mouId}/commitments/new']").ClickAsync();
            await page.WaitForLoadStateAsync();
            await AccessibilityTests.AssertCleanAsync(page, "new commitment");
            await page.FillAsync("textarea[name=text]", "Đào tạo công nhân vận hành nhà máy ủ phân");
            await page.FillAsync("input[name=commitmentId]", "training");
            await page.SelectOptionAsync("select[name=owner]", "kitakyushu-city");
            await page.FillAsync("input[name=dueDate]", "2099-06-30");
            await page.Locator("form:has(input[name=commitmentId]) button[type=submit]").ClickAsync();
            await page.WaitForURLAsync($"**/mous/{mouId}?changed=commitment*");
            Assert.Contains("Đào tạo công nhân vận hành nhà máy ủ phân", await page.Locator("section:has(#commitments-heading)").InnerTextAsync());
            // The refused partnership form answered 400 (as it should), which Chromium logs; nothing else went wrong.
            Assert.DoesNotContain(session.ScriptErrors, e => !e.Contains("status of 400", StringComparison.Ordinal));
        }

        // Each party's person finds it at home as awaiting its signature, and signs.
        foreach (var party in new[] { "KITAKYUSHU", "HP_URENCO" })
        {
            await using var session = await platform.SignedInAsync(party);
            var page = session.Page;
            await page.Locator($"#awaiting-signature-heading ~ ul a[href^='/mous/{mouId}']").ClickAsync();
            await page.WaitForLoadStateAsync();
            await page.Locator("form[action*='handler=Sign'] button[type=submit]").ClickAsync();
            await page.WaitForLoadStateAsync();
            Assert.Equal(0, await page.Locator("form[action*='handler=Sign']").CountAsync());
        }
        var mou = await platform.Api.Mous.GetMouAsync(new GetMouRequest { MouId = mouId });
        Assert.Equal(MouStatus.Signed, mou.Status);
        Assert.Single(mou.Commitments);
    }
}
