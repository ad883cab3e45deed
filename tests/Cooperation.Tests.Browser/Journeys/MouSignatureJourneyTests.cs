using Cooperation.Contracts.Grpc;
using Cooperation.Gateway.Demo;
using Cooperation.Tests.Browser.Support;

namespace Cooperation.Tests.Browser.Journeys;

/// <summary>Each party's person signs an MoU on its page, in their own language, and the MoU turns from draft to signed.</summary>
[Collection(BrowserCollection.Name)]
public sealed class MouSignatureJourneyTests(BrowserPlatform platform)
{
    [Fact]
    public async Task Kitakyushu_and_the_park_each_sign_and_the_mou_is_signed()
    {
        var mouId = $"browser-mou-{Guid.NewGuid():N}"[..30];
        await platform.Api.Mous.CreateMouAsync(new CreateMouRequest
        {
            MouId = mouId,
            PartnershipId = DemoScenario.PartnershipId,
            Title = new LocalizedText { En = "MoU on shared composting know-how", Ja = "堆肥化の知見共有に関する覚書", Vi = "Biên bản ghi nhớ về chia sẻ kinh nghiệm ủ phân" },
            PartyOrganisationIds = { "kitakyushu-city", "nam-cau-kien-ip" },
            Scope = "Sharing composting know-how.",
            EffectiveDate = "2099-01-01",
            ExpiryDate = "2099-12-31",
        });

        foreach (var party in new[] { "KITAKYUSHU", "NAM_CAU_KIEN" })
        {
            await using var session = await platform.SignedInAsync(party);
            var page = session.Page;
            await page.GotoAsync($"/mous/{mouId}");
            await page.FillAsync("input[name=signedOn]", "2026-12-01");
            await page.Locator("form[action*='handler=Sign'] button[type=submit]").ClickAsync();
            await page.WaitForLoadStateAsync();
            Assert.Equal(0, await page.Locator("form[action*='handler=Sign']").CountAsync());
            Assert.Empty(session.ScriptErrors);
        }

        var mou = await platform.Api.Mous.GetMouAsync(new GetMouRequest { MouId = mouId });
        Assert.Equal(MouStatus.Signed, mou.Status);
        Assert.Equal(2, mou.Signatures.Count);
    }
}
