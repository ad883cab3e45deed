using Cooperation.Contracts.Access;
using Cooperation.Contracts.DonorReports;
using Cooperation.Contracts.People;
using Cooperation.Gateway.Demo;
using Cooperation.Tests.Browser.Support;
using Cooperation.Tests.Support;
using Cooperation.Web.Words;

namespace Cooperation.Tests.Browser.Journeys;

/// <summary>Signing in and out: wrong passwords, the lockout, sign-out.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SignInJourneyTests(BrowserPlatform platform)
{
    [Fact]
    public async Task A_wrong_password_is_refused_with_the_same_words_as_an_unknown_address_and_nothing_opens()
    {
        await using var session = await platform.SessionAsync(acceptLanguage: "vi-VN,vi;q=0.9");
        var page = session.Page;

        await BrowserPlatform.SignInAsync(session, platform.Users["HP_DOFA_EMAIL"], "not the password at all");
        var wrongPassword = await page.Locator("main").InnerTextAsync();
        Assert.Contains(WebWords.Word("sign-in.refused", ReportLanguage.Vi), wrongPassword);
        Assert.Equal("/account/sign-in", new Uri(page.Url).AbsolutePath);

        await BrowserPlatform.SignInAsync(session, "nobody-here@example.org", "not the password at all");
        Assert.Contains(WebWords.Word("sign-in.refused", ReportLanguage.Vi), await page.Locator("main").InnerTextAsync());

        // Still signed out: home sends to sign-in.
        await page.GotoAsync("/");
        Assert.Equal("/account/sign-in", new Uri(page.Url).AbsolutePath);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one()
    {
        var (email, password) = await NewPersonAsync("hp-dofa", Role.CityOffice);
        await using var session = await platform.SessionAsync();
        for (var attempt = 0; attempt < SignInLockout.Failures; attempt++)
            await BrowserPlatform.SignInAsync(session, email, $"wrong password number {attempt}");

        await BrowserPlatform.SignInAsync(session, email, password);
        var locked = WebWords.Word("sign-in.locked", ReportLanguage.En);
        Assert.Contains(locked[..locked.IndexOf("{0}", StringComparison.Ordinal)], await session.Page.Locator("main").InnerTextAsync());
        Assert.Equal("/account/sign-in", new Uri(session.Page.Url).AbsolutePath);
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        // A sign-in of its own: the saved sessions other tests reopen stay signed in.
        await using var session = await platform.SessionAsync();
        await BrowserPlatform.SignInAsync(session, platform.Users["JICA_EMAIL"], platform.Users["JICA_PASSWORD"]);
        Assert.Equal("/", new Uri(session.Page.Url).AbsolutePath);
        await session.Page.Locator("header form[action='/account/sign-out'] button").ClickAsync();
        await session.Page.WaitForLoadStateAsync();
        Assert.Equal("/account/sign-in", new Uri(session.Page.Url).AbsolutePath);

        await session.Page.GotoAsync("/");
        Assert.Equal("/account/sign-in", new Uri(session.Page.Url).AbsolutePath);
    }

    /// <summary>A new person of <paramref name="organisationId"/>, invited and accepted as anyone is.</summary>
    private async Task<(string Email, string Password)> NewPersonAsync(string organisationId, Role role)
    {
        CallerContext.ActAsPlatform();
        var id = Ids.New("person");
        var email = $"{id}@example.org";
        var password = DemoPeople.NewPassword(email);
        var invitation = OneTimeToken.New(TokenPurpose.Invitation);
        var account = platform.Api.Cluster.Client.GetGrain<IAccountGrain>(id);
        await account.Invite(new AccountDefinition(email, "Lockout Tester", organisationId, role, ReportLanguage.En), invitation.Hash);
        await account.AcceptInvitation(invitation.Secret, password);
        return (email, password);
    }
}
