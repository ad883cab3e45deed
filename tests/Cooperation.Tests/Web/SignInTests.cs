using System.Net;
using Cooperation.Contracts.Access;
using Cooperation.Contracts.People;
using Cooperation.Tests.Support;
using static Cooperation.Tests.Web.WebPeople;

namespace Cooperation.Tests.Web;

/// <summary>
/// Signing in and out: the right password signs in with a cookie that is HttpOnly, SameSite=Lax and
/// Secure over HTTPS; a wrong password and an unknown address read the same; a locked account says
/// until when; signing out needs the form's token; a disabled account's cookie stops at its next
/// request; a tampered cookie reads as nobody signed in.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class SignInTests(WebFixture web)
{
    [Fact]
    public async Task The_right_password_signs_in_with_an_http_only_lax_session_cookie_and_the_home_greets_the_person()
    {
        var person = await ActiveAsync(web.Api, "platform", Role.Admin, name: "Nguyễn Thị Lan");
        using var browser = web.Browser();
        var signedIn = await browser.SignInAsync(person);
        AssertRedirect(signedIn, "/");
        var cookie = signedIn.Cookie("coop.session");
        Assert.NotNull(cookie);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("secure", cookie, StringComparison.OrdinalIgnoreCase);
        // A session cookie: no expiry of its own (the ticket inside slides).
        Assert.DoesNotContain("expires", cookie, StringComparison.OrdinalIgnoreCase);

        var home = await browser.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, home.Status);
        Assert.Contains("Welcome, Nguyễn Thị Lan.", home.Html);
        Assert.Contains("Platform admin", home.Html);
    }

    [Fact]
    public async Task Over_https_the_session_cookie_is_secure()
    {
        var person = await AdminAsync(web.Api);
        using var browser = web.Browser(https: true);
        var signedIn = await browser.SignInAsync(person);
        AssertRedirect(signedIn, "/");
        Assert.Contains("; secure", signedIn.Cookie("coop.session")!, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/")).Status);
    }

    [Fact]
    public async Task A_wrong_password_and_an_unknown_address_get_the_same_message_and_no_cookie()
    {
        var person = await AdminAsync(web.Api);
        using var browser = web.Browser();
        var wrong = await browser.SignInAsync(person.Email, "not the password at all");
        var unknown = await browser.SignInAsync($"nobody-{Guid.NewGuid():N}@example.org", "not the password at all");
        foreach (var page in new[] { wrong, unknown })
        {
            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.Contains("The e-mail address or the password is not right.", page.Html);
            Assert.Null(page.Cookie("coop.session"));
        }
        Assert.Null(browser.SessionCookie);
    }

    [Fact]
    public async Task Fields_left_empty_are_named_next_to_each_field_in_the_persons_language()
    {
        using var browser = web.Browser();
        browser.AcceptLanguage = "vi";
        var page = await browser.SubmitAsync("/account/sign-in", new Dictionary<string, string> { ["email"] = "not an address", ["password"] = "" });
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("id=\"email-error\">Nhập địa chỉ e-mail, ví dụ office@example.org.</p>", page.Html);
        Assert.Contains("id=\"password-error\">Vui lòng điền vào trường này.</p>", page.Html);
        Assert.Contains("aria-invalid=\"true\"", page.Html);
    }

    [Fact]
    public async Task After_five_wrong_passwords_the_account_is_locked_with_the_time_even_for_the_right_one()
    {
        var person = await AdminAsync(web.Api);
        using var browser = web.Browser();
        WebPage page = null!;
        for (var i = 0; i < SignInLockout.Failures; i++)
            page = await browser.SignInAsync(person.Email, "not the password at all");
        Assert.Contains("sign-in to this account is locked until", page.Html);
        var right = await browser.SignInAsync(person);
        Assert.Equal(HttpStatusCode.OK, right.Status);
        Assert.Contains("sign-in to this account is locked until", right.Html);
        Assert.Matches(@"locked until \d{1,2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2} \(UTC\)", right.Html);
        Assert.Null(browser.SessionCookie);
    }

    [Fact]
    public async Task Signing_out_takes_the_forms_token_drops_the_cookie_and_pages_ask_to_sign_in_again()
    {
        var person = await AdminAsync(web.Api);
        using var browser = web.Browser();
        await browser.SignInAsync(person);
        var home = await browser.GetAsync("/");
        Assert.Contains("action=\"/account/sign-out\"", home.Html);

        var withoutToken = await browser.PostAsync("/account/sign-out", new Dictionary<string, string>(), token: false);
        Assert.Equal(HttpStatusCode.BadRequest, withoutToken.Status);
        Assert.NotNull(browser.SessionCookie);

        var signedOut = await browser.PostAsync("/account/sign-out", new Dictionary<string, string>());
        AssertRedirect(signedOut, "/account/sign-in?signedOut=true");
        Assert.Null(browser.SessionCookie);
        Assert.Contains("You are signed out.", (await browser.GetAsync("/account/sign-in?signedOut=true")).Html);
        AssertRedirect(await browser.GetAsync("/"), "/account/sign-in?returnUrl=%2F");
    }

    [Fact]
    public async Task A_disabled_accounts_cookie_stops_working_at_its_next_request()
    {
        var person = await AdminAsync(web.Api);
        using var browser = web.Browser();
        await browser.SignInAsync(person);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/")).Status);

        await web.Api.Cluster.Client.GetGrain<IAccountGrain>(person.AccountId).Disable("left the office");

        var next = await browser.GetAsync("/");
        AssertRedirect(next, "/account/sign-in?returnUrl=%2F");
        Assert.Null(browser.SessionCookie);
        Assert.Contains("This account is not active.", (await browser.SignInAsync(person)).Html);
    }

    [Fact]
    public async Task A_tampered_cookie_reads_as_nobody_signed_in()
    {
        var person = await AdminAsync(web.Api);
        using var browser = web.Browser();
        await browser.SignInAsync(person);
        var cookie = browser.Cookies.GetCookies(browser.BaseAddress)["coop.session"]!;
        var value = cookie.Value.ToCharArray();
        value[value.Length / 2] = value[value.Length / 2] == 'A' ? 'B' : 'A';
        cookie.Value = new string(value);

        AssertRedirect(await browser.GetAsync("/"), "/account/sign-in?returnUrl=%2F");
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/account/sign-in")).Status);
    }

    [Fact]
    public async Task A_cookie_made_by_one_web_host_opens_on_another_sharing_the_key_ring()
    {
        var person = await AdminAsync(web.Api);
        await using var second = await WebHosts.StartAsync(web.Api);
        using var first = web.Browser();
        await first.SignInAsync(person);
        using var other = new Browser(second);
        other.Cookies.Add(first.BaseAddress, first.Cookies.GetCookies(first.BaseAddress)["coop.session"]!);
        var home = await other.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, home.Status);
        Assert.Contains(person.AccountId, home.Html);

        var ring = await web.Api.Cluster.Client.GetGrain<Contracts.Hosting.IWebKeyRingGrain>(Contracts.Hosting.IWebKeyRingGrain.Key).Keys();
        Assert.NotEmpty(ring);
        Assert.All(ring, key => Assert.Contains("<key ", key.Xml));
    }
}
