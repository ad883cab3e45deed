using System.Net;
using Cooperation.Contracts.Access;
using Cooperation.Contracts.DonorReports;
using Cooperation.Contracts.People;
using Cooperation.Tests.Support;
using static Cooperation.Tests.Web.WebPeople;

namespace Cooperation.Tests.Web;

/// <summary>
/// One-time links end to end through the pages: an invitation made on the people pages is mailed
/// (read back from the loopback SMTP sink) in the invitee's language, its link sets a password twice
/// and signs in; a used, unknown or malformed link gets a clear page and changes nothing; a password
/// reset answers the same for any address and mails only an active account, whose link sets a new
/// password and ends older sessions.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class MailedLinkTests(WebFixture web)
{
    [Fact]
    public async Task An_invitation_is_mailed_in_the_invitees_language_and_its_link_sets_a_password_and_signs_in()
    {
        await using var sink = await SmtpSink.StartAsync(web.Api.SmtpPort);
        var world = await web.Api.CreateWorldAsync();
        var admin = await AdminAsync(web.Api);
        using var browser = web.Browser();
        await browser.SignInAsync(admin);
        var email = $"{Ids.New("lan")}@example.org";

        var invited = await browser.SubmitAsync($"/people/invite?organisation={world.AgencyId}", new Dictionary<string, string>
        {
            ["email"] = email.ToUpperInvariant(),
            ["name"] = "Trần Văn Minh",
            ["organisation"] = world.AgencyId,
            ["role"] = nameof(Role.PartnerAgency),
            ["language"] = "vi",
        });
        Assert.Equal(HttpStatusCode.Redirect, invited.Status);
        var list = await browser.GetAsync(invited.Location!);
        Assert.Contains($"Trần Văn Minh was invited: the link is on its way to {email}.", list.Html);

        var mail = Assert.Single(await sink.MessagesToAsync(email, 1));
        Assert.Equal("Lời mời tham gia Cooperation", mail.Subject);
        Assert.Contains("Xin chào Trần Văn Minh", mail.TextBody);
        Assert.Contains("Cơ quan đối tác", mail.TextBody);
        var link = LinkIn(mail);
        Assert.StartsWith("/account/invitation?token=acct-", link);

        using var invitee = web.Browser();
        var form = await invitee.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, form.Status);
        var mismatch = await invitee.PostAsync(link, new Dictionary<string, string> { ["password"] = Password, ["confirmation"] = Password + "!" });
        Assert.Contains("The two passwords differ.", mismatch.Html);
        var tooShort = await invitee.PostAsync(link, new Dictionary<string, string> { ["password"] = "short", ["confirmation"] = "short" });
        Assert.Contains("Use at least 12 characters.", tooShort.Html);

        var accepted = await invitee.PostAsync(link, new Dictionary<string, string> { ["password"] = Password, ["confirmation"] = Password });
        AssertRedirect(accepted, "/");
        var home = await invitee.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, home.Status);
        // The person's language, Vietnamese, now that they signed in (this browser sent no Accept-Language).
        Assert.Contains("<html lang=\"vi\">", home.Html);
        Assert.Contains("Xin chào Trần Văn Minh.", home.Html);

        // Used once: the same link opens a clear page and changes nothing (the password stays).
        using var again = web.Browser();
        await again.GetAsync(link);
        var reused = await again.PostAsync(link, new Dictionary<string, string> { ["password"] = "another good passphrase", ["confirmation"] = "another good passphrase" });
        Assert.Equal(HttpStatusCode.BadRequest, reused.Status);
        Assert.Contains("This link no longer works", reused.Html);
        Assert.Null(again.SessionCookie);
        AssertRedirect(await again.SignInAsync(email, Password), "/");
    }

    // The page's own content (the header's forms carry a fresh anti-forgery token each time).
    private static string Main(string html) => html[html.IndexOf("<main", StringComparison.Ordinal)..html.IndexOf("</main>", StringComparison.Ordinal)];

    [Fact]
    public async Task Inviting_again_from_the_list_mails_a_new_link_and_the_old_one_stops_working()
    {
        await using var sink = await SmtpSink.StartAsync(web.Api.SmtpPort);
        var world = await web.Api.CreateWorldAsync();
        var office = await CityOfficeAsync(web.Api, world.FirstCityId);
        var accountId = Ids.New("acct");
        var email = $"{accountId}@example.org";
        var first = OneTimeToken.New(TokenPurpose.Invitation);
        await web.Api.Cluster.Client.GetGrain<IAccountGrain>(accountId)
            .Invite(new AccountDefinition(email, "Đỗ Minh Châu", world.AgencyId, Role.PartnerAgency, ReportLanguage.En), first.Hash);

        using var browser = web.Browser();
        await browser.SignInAsync(office);
        var list = await browser.GetAsync($"/people?organisation={world.AgencyId}");
        Assert.Contains("Send a new invitation", list.Html);
        var again = await browser.PostAsync("/people?handler=Reinvite", new Dictionary<string, string> { ["accountId"] = accountId, ["organisation"] = world.AgencyId });
        Assert.Contains($"Đỗ Minh Châu was invited: the link is on its way to {email}.", (await browser.GetAsync(again.Location!)).Html);
        var link = LinkIn(Assert.Single(await sink.MessagesToAsync(email, 1)));
        Assert.DoesNotContain(first.Secret, link);

        using var invitee = web.Browser();
        var old = $"/account/invitation?token={accountId}.{first.Secret}";
        await invitee.GetAsync(old);
        Assert.Contains("This link no longer works", (await invitee.PostAsync(old, new Dictionary<string, string> { ["password"] = Password, ["confirmation"] = Password })).Html);
        await invitee.GetAsync(link);
        AssertRedirect(await invitee.PostAsync(link, new Dictionary<string, string> { ["password"] = Password, ["confirmation"] = Password }), "/");
    }

    [Theory]
    [InlineData("")]
    [InlineData("no-dot-here")]
    [InlineData("Bad_Id.secret")]
    public async Task A_malformed_link_gets_the_clear_page_at_once(string token)
    {
        using var browser = web.Browser();
        var page = await browser.GetAsync($"/account/invitation?token={Uri.EscapeDataString(token)}");
        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains("This link no longer works", page.Html);
        Assert.Contains("Nothing was changed.", page.Html);
    }

    [Fact]
    public async Task A_link_with_the_wrong_secret_or_of_the_other_purpose_changes_nothing()
    {
        var person = await AdminAsync(web.Api);
        var account = web.Api.Cluster.Client.GetGrain<IAccountGrain>(person.AccountId);
        var reset = OneTimeToken.New(TokenPurpose.PasswordReset);
        await account.RequestPasswordReset(reset.Hash);
        using var browser = web.Browser();
        foreach (var link in new[]
        {
            $"/account/password-reset/choose?token={person.AccountId}.{OneTimeToken.New(TokenPurpose.PasswordReset).Secret}",
            // A reset's secret on the invitation page: bound to its purpose.
            $"/account/invitation?token={person.AccountId}.{reset.Secret}",
        })
        {
            await browser.GetAsync(link);
            var page = await browser.PostAsync(link, new Dictionary<string, string> { ["password"] = "a brand new passphrase", ["confirmation"] = "a brand new passphrase" });
            Assert.Equal(HttpStatusCode.BadRequest, page.Status);
            Assert.Contains("This link no longer works", page.Html);
        }
        Assert.Null(browser.SessionCookie);
        AssertRedirect(await browser.SignInAsync(person), "/");
    }

    [Fact]
    public async Task A_reset_answers_the_same_for_any_address_and_its_link_sets_a_new_password_and_ends_other_sessions()
    {
        await using var sink = await SmtpSink.StartAsync(web.Api.SmtpPort);
        var person = await ActiveAsync(web.Api, "platform", Role.Admin, ReportLanguage.Ja, "山田 花子");
        using var before = web.Browser();
        await before.SignInAsync(person);

        using var browser = web.Browser();
        var unknownAddress = $"nobody-{Guid.NewGuid():N}@example.org";
        var forUnknown = await browser.SubmitAsync("/account/password-reset", new Dictionary<string, string> { ["email"] = unknownAddress });
        var forKnown = await browser.SubmitAsync("/account/password-reset", new Dictionary<string, string> { ["email"] = person.Email });
        Assert.Equal(HttpStatusCode.OK, forKnown.Status);
        Assert.Equal(Main(forUnknown.Html).Replace(unknownAddress, "ADDRESS"), Main(forKnown.Html).Replace(person.Email, "ADDRESS"));
        Assert.Contains($"If {person.Email} belongs to an active account", Text(forKnown.Html));

        var mail = Assert.Single(await sink.MessagesToAsync(person.Email, 1));
        Assert.Equal("Cooperation のパスワード再設定", mail.Subject);
        Assert.Contains("山田 花子 様", mail.TextBody);
        Assert.Empty(await sink.MessagesToAsync(unknownAddress, 1, TimeSpan.FromSeconds(1)));
        var link = LinkIn(mail);
        Assert.StartsWith("/account/password-reset/choose?token=", link);

        await browser.GetAsync(link);
        var chosen = await browser.PostAsync(link, new Dictionary<string, string> { ["password"] = "a brand new passphrase", ["confirmation"] = "a brand new passphrase" });
        AssertRedirect(chosen, "/");
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/")).Status);

        // The session from before the reset has ended; the old password no longer signs in, the new one does.
        AssertRedirect(await before.GetAsync("/"), "/account/sign-in?returnUrl=%2F");
        using var later = web.Browser();
        Assert.Contains("The e-mail address or the password is not right.", (await later.SignInAsync(person)).Html);
        AssertRedirect(await later.SignInAsync(person.Email, "a brand new passphrase"), "/");
    }
}
