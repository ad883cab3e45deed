using System.Text.RegularExpressions;
using Cooperation.Contracts.DonorReports;
using Cooperation.Tests.Browser.Support;
using Cooperation.Tests.Support;
using Cooperation.Web.Words;

namespace Cooperation.Tests.Browser.Journeys;

/// <summary>From an office's invitation to the invitee at home, through the mail, in a browser.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class InvitationJourneyTests(BrowserPlatform platform)
{
    [Fact]
    public async Task An_office_invites_a_partner_person_who_opens_the_mailed_link_sets_a_password_and_lands_home_in_Japanese()
    {
        var email = $"{Ids.New("invitee")}@example.org";
        await using (var office = await platform.SignedInAsync("HP_DOFA"))
        {
            var page = office.Page;
            await page.GotoAsync("/people/invite");
            await page.FillAsync("input[name=email]", email);
            await page.FillAsync("input[name=name]", "山本 さくら");
            await page.FillAsync("input[name=organisation]", "kitakyushu-city");
            await page.SelectOptionAsync("select[name=role]", "PartnerAgency");
            await page.SelectOptionAsync("select[name=language]", "ja");
            await page.Locator("main form button[type=submit]").ClickAsync();
            await page.WaitForLoadStateAsync();
            Assert.DoesNotContain("/people/invite", page.Url);
            Assert.Empty(office.ScriptErrors);
        }

        // The invitation arrives in the invitee's language, with a one-time link.
        var mail = Assert.Single(await platform.Mailbox.MessagesToAsync(email, 1, TimeSpan.FromSeconds(30)));
        var link = LinkPattern().Match(mail.TextBody ?? mail.HtmlBody ?? "");
        Assert.True(link.Success, $"no invitation link in: {mail.TextBody}");

        await using var invitee = await platform.SessionAsync(acceptLanguage: "ja");
        var invitation = invitee.Page;
        await invitation.GotoAsync(platform.Reach(link.Value));
        const string password = "ごみを減らして堆肥をつくる 2026";
        await invitation.FillAsync("input[name=password]", password);
        await invitation.FillAsync("input[name=confirmation]", password);
        await invitation.Locator("main form button[type=submit]").ClickAsync();
        await invitation.WaitForLoadStateAsync();

        // Signed in, at home, as the organisation and role the office chose, in Japanese.
        Assert.Equal("/", new Uri(invitation.Url).AbsolutePath);
        Assert.Equal("ja", await invitation.Locator("html").GetAttributeAsync("lang"));
        Assert.Contains("山本 さくら", await invitation.Locator("header").InnerTextAsync());
        Assert.Contains(WebWords.Word("home.partner.pilots", ReportLanguage.Ja), await invitation.Locator("main").InnerTextAsync());

        // The link was for one use: opened again it sets nothing.
        await invitation.GotoAsync(platform.Reach(link.Value));
        await invitation.FillAsync("input[name=password]", "another password of enough length");
        await invitation.FillAsync("input[name=confirmation]", "another password of enough length");
        await invitation.Locator("main form button[type=submit]").ClickAsync();
        await invitation.WaitForLoadStateAsync();
        Assert.NotEqual("/", new Uri(invitation.Url).AbsolutePath);

        // And the password chosen signs in from another browser.
        await using var later = await platform.SessionAsync();
        await BrowserPlatform.SignInAsync(later, email, password);
        Assert.Equal("/", new Uri(later.Page.Url).AbsolutePath);
    }

    [GeneratedRegex(@"https?://\S+/account/invitation\?token=[A-Za-z0-9._\-]+")]
    private static partial Regex LinkPattern();
}
