using System.Net;
using Cooperation.Contracts.Access;
using Cooperation.Contracts.People;
using Cooperation.Tests.Support;
using static Cooperation.Tests.Web.WebPeople;

namespace Cooperation.Tests.Web;

/// <summary>
/// The people pages act as the signed-in person: the account grains' AccessPolicy decides what a
/// list shows and who may invite or disable; bad input is named next to its field and stores
/// nothing; a form without its anti-forgery token is refused with a clear page and changes nothing.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class PeoplePageTests(WebFixture web)
{
    private IAccountDirectoryGrain Directory => web.Api.Cluster.Client.GetGrain<IAccountDirectoryGrain>(IAccountDirectoryGrain.Key);

    [Fact]
    public async Task A_city_office_lists_the_people_of_an_organisation_of_its_city_and_a_partner_sees_only_itself()
    {
        var world = await web.Api.CreateWorldAsync();
        var office = await CityOfficeAsync(web.Api, world.FirstCityId);
        var partner = await ActiveAsync(web.Api, world.AgencyId, Role.PartnerAgency, name: "Phạm Thu Hà");
        var colleague = await ActiveAsync(web.Api, world.AgencyId, Role.PartnerAgency, name: "Lê Quang Vinh");

        using var officeBrowser = web.Browser();
        await officeBrowser.SignInAsync(office);
        var home = await officeBrowser.GetAsync("/");
        Assert.Contains("href=\"/people\"", home.Html);
        var list = await officeBrowser.GetAsync($"/people?organisation={world.AgencyId}");
        Assert.Equal(HttpStatusCode.OK, list.Status);
        Assert.Contains("Phạm Thu Hà", list.Html);
        Assert.Contains("Lê Quang Vinh", list.Html);
        Assert.Contains("Partner agency", list.Html);

        using var partnerBrowser = web.Browser();
        await partnerBrowser.SignInAsync(partner);
        Assert.DoesNotContain("href=\"/people\"", (await partnerBrowser.GetAsync("/")).Html);
        var own = await partnerBrowser.GetAsync($"/people?organisation={world.AgencyId}");
        Assert.Contains("Phạm Thu Hà", own.Html);
        Assert.DoesNotContain("Lê Quang Vinh", own.Html);
        Assert.DoesNotContain(colleague.Email, own.Html);
    }

    [Fact]
    public async Task A_form_without_its_anti_forgery_token_gets_a_clear_400_page_and_nothing_is_stored()
    {
        var world = await web.Api.CreateWorldAsync();
        var admin = await AdminAsync(web.Api, Contracts.DonorReports.ReportLanguage.Ja);
        using var browser = web.Browser();
        await browser.SignInAsync(admin);
        var email = $"{Ids.New("forged")}@example.org";
        var page = await browser.PostAsync("/people/invite", new Dictionary<string, string>
        {
            ["email"] = email, ["name"] = "Forged", ["organisation"] = world.AgencyId, ["role"] = nameof(Role.PartnerAgency), ["language"] = "en",
        }, token: false);
        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains("<html lang=\"ja\">", page.Html);
        Assert.Contains("このフォームは受け付けられませんでした", page.Html);
        Assert.Contains("何も変更されていません。", page.Html);
        Assert.Null(await Directory.Find(email));
    }

    [Fact]
    public async Task Bad_fields_of_an_invitation_are_named_next_to_each_and_nothing_is_stored()
    {
        var world = await web.Api.CreateWorldAsync();
        var office = await CityOfficeAsync(web.Api, world.FirstCityId);
        var existing = await ActiveAsync(web.Api, world.AgencyId, Role.PartnerAgency);
        using var browser = web.Browser();
        await browser.SignInAsync(office);

        var empty = await browser.SubmitAsync("/people/invite", new Dictionary<string, string> { ["email"] = "", ["name"] = " ", ["organisation"] = world.AgencyId, ["role"] = "Admin", ["language"] = "xx" });
        Assert.Equal(HttpStatusCode.OK, empty.Status);
        Assert.Contains("id=\"email-error\"", empty.Html);
        Assert.Contains("id=\"name-error\"", empty.Html);
        // A city office may not make admins: the role is not offered, and refused when sent.
        Assert.Contains("id=\"role-error\"", empty.Html);
        Assert.DoesNotContain("value=\"Admin\"", empty.Html);
        Assert.Contains("id=\"language-error\"", empty.Html);

        var taken = await browser.SubmitAsync("/people/invite", Invitation(existing.Email, world.AgencyId));
        Assert.Contains("Another account already uses this address.", taken.Html);

        // The second city's donor is outside what the first city's office manages.
        var outside = $"{Ids.New("outside")}@example.org";
        var refused = await browser.SubmitAsync("/people/invite", Invitation(outside, world.DonorId, Role.Donor));
        Assert.Contains("You may not manage the people of this organisation.", refused.Html);
        var unknown = await browser.SubmitAsync("/people/invite", Invitation(outside, "no-such-organisation"));
        Assert.Contains("No organisation has this id.", unknown.Html);
        Assert.Null(await Directory.Find(outside));
    }

    [Fact]
    public async Task Disabling_takes_a_reason_ends_the_persons_session_and_enabling_lets_them_back()
    {
        var world = await web.Api.CreateWorldAsync();
        var office = await CityOfficeAsync(web.Api, world.FirstCityId);
        var partner = await ActiveAsync(web.Api, world.AgencyId, Role.PartnerAgency, name: "Vũ Đức Anh");
        using var partnerBrowser = web.Browser();
        await partnerBrowser.SignInAsync(partner);
        using var browser = web.Browser();
        await browser.SignInAsync(office);
        var list = $"/people?organisation={world.AgencyId}";

        await browser.GetAsync(list);
        var noReason = await browser.PostAsync("/people?handler=Disable", new Dictionary<string, string> { ["accountId"] = partner.AccountId, ["organisation"] = world.AgencyId, ["reason"] = "" });
        Assert.Equal(HttpStatusCode.OK, noReason.Status);
        Assert.Contains("Please fill in this field.", noReason.Html);
        Assert.Equal(AccountStatus.Active, (await web.Api.Cluster.Client.GetGrain<IAccountGrain>(partner.AccountId).Get()).Status);

        var disabled = await browser.PostAsync("/people?handler=Disable", new Dictionary<string, string> { ["accountId"] = partner.AccountId, ["organisation"] = world.AgencyId, ["reason"] = "moved to another agency" });
        Assert.Equal(HttpStatusCode.Redirect, disabled.Status);
        var after = await browser.GetAsync(disabled.Location!);
        Assert.Contains("Vũ Đức Anh was disabled", after.Html);
        Assert.Contains("Disabled: moved to another agency", after.Html);
        AssertRedirect(await partnerBrowser.GetAsync("/"), "/account/sign-in?returnUrl=%2F");

        var enabled = await browser.PostAsync("/people?handler=Enable", new Dictionary<string, string> { ["accountId"] = partner.AccountId, ["organisation"] = world.AgencyId });
        Assert.Contains("Vũ Đức Anh was enabled.", (await browser.GetAsync(enabled.Location!)).Html);
        AssertRedirect(await partnerBrowser.SignInAsync(partner), "/");
    }

    [Fact]
    public async Task A_partner_that_tries_to_disable_someone_gets_the_403_page_in_its_language_and_nothing_changes()
    {
        var world = await web.Api.CreateWorldAsync();
        var partner = await ActiveAsync(web.Api, world.AgencyId, Role.PartnerAgency, Contracts.DonorReports.ReportLanguage.Vi);
        var colleague = await ActiveAsync(web.Api, world.AgencyId, Role.PartnerAgency);
        using var browser = web.Browser();
        await browser.SignInAsync(partner);
        await browser.GetAsync("/people");
        var page = await browser.PostAsync("/people?handler=Disable", new Dictionary<string, string> { ["accountId"] = colleague.AccountId, ["reason"] = "because" });
        Assert.Equal(HttpStatusCode.Forbidden, page.Status);
        Assert.Contains("<html lang=\"vi\">", page.Html);
        Assert.Contains("Bạn không được xem trang này", page.Html);
        Assert.Equal(AccountStatus.Active, (await web.Api.Cluster.Client.GetGrain<IAccountGrain>(colleague.AccountId).Get()).Status);
    }

    private static Dictionary<string, string> Invitation(string email, string organisation, Role role = Role.PartnerAgency) => new()
    {
        ["email"] = email, ["name"] = "Someone", ["organisation"] = organisation, ["role"] = role.ToString(), ["language"] = "en",
    };
}
