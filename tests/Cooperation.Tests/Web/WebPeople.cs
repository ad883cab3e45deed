using System.Net;
using System.Text.RegularExpressions;
using Cooperation.Contracts.Access;
using Cooperation.Contracts.DonorReports;
using Cooperation.Contracts.People;
using Cooperation.Tests.Support;
using MimeKit;
using Proto = Cooperation.Contracts.Grpc;

namespace Cooperation.Tests.Web;

/// <summary>People for the web tests, made through the account grains as the platform (the tests' client acts as it).</summary>
public static partial class WebPeople
{
    /// <summary>A password that keeps the rules.</summary>
    public const string Password = TestPeople.Password;

    /// <summary>An active person of <paramref name="organisationId"/> in <paramref name="role"/> (<see cref="TestPeople.ActiveAsync"/>).</summary>
    public static Task<TestPerson> ActiveAsync(ApiFixture api, string organisationId, Role role, ReportLanguage language = ReportLanguage.En,
        string? name = null) => TestPeople.ActiveAsync(api, organisationId, role, language, name);

    /// <summary>A platform admin.</summary>
    public static Task<TestPerson> AdminAsync(ApiFixture api, ReportLanguage language = ReportLanguage.En) =>
        ActiveAsync(api, "platform", Role.Admin, language);

    /// <summary>A new city office (a city department of <paramref name="cityId"/>) with a person in it.</summary>
    public static async Task<TestPerson> CityOfficeAsync(ApiFixture api, string cityId, ReportLanguage language = ReportLanguage.En)
    {
        var office = Ids.New("office");
        await api.Organisations.CreateOrganisationAsync(Requests.Organisation(office, cityId, Proto.OrganisationKind.CityDepartment));
        return await ActiveAsync(api, office, Role.CityOffice, language);
    }

    /// <summary>Signs <paramref name="person"/> in through the sign-in page; the page it lands on.</summary>
    public static Task<WebPage> SignInAsync(this Browser browser, TestPerson person) => browser.SignInAsync(person.Email, person.Password);

    /// <summary>Posts the sign-in form with <paramref name="email"/> and <paramref name="password"/>.</summary>
    public static Task<WebPage> SignInAsync(this Browser browser, string email, string password) =>
        browser.SubmitAsync("/account/sign-in", new Dictionary<string, string> { ["email"] = email, ["password"] = password });

    /// <summary>The one-time link (as a path of the web host) in <paramref name="message"/>'s text.</summary>
    public static string LinkIn(MimeMessage message)
    {
        var match = LinkPattern().Match(message.TextBody);
        Assert.True(match.Success, "no link in: " + message.TextBody);
        return match.Value[WebHosts.PublicBaseUrl.Length..];
    }

    /// <summary>Asserts <paramref name="page"/> redirects to <paramref name="path"/> (a path of the host).</summary>
    public static void AssertRedirect(WebPage page, string path)
    {
        Assert.True(page.Status == HttpStatusCode.Redirect, $"expected a redirect to {path}, got {(int)page.Status}: {page.Html[..Math.Min(page.Html.Length, 2000)]}");
        Assert.Equal(path, new Uri(new Uri("http://localhost"), page.Location!).PathAndQuery);
    }

    /// <summary>The text of <paramref name="html"/> as a reader sees it (entities decoded), for assertions on sentences.</summary>
    public static string Text(string html) => WebUtility.HtmlDecode(html);

    [GeneratedRegex(@"http://web\.test/account/[a-z/-]+\?token=[^\s]+")]
    private static partial Regex LinkPattern();
}
