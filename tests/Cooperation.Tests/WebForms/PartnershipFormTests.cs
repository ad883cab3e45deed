using System.Net;
using Cooperation.Contracts.Access;
using Cooperation.Contracts.DonorReports;
using Cooperation.Contracts.Mous;
using Cooperation.Contracts.Partnerships;
using Cooperation.Tests.Support;
using Cooperation.Tests.Web;
using static Cooperation.Tests.Web.WebPeople;

namespace Cooperation.Tests.WebForms;

/// <summary>
/// A city office creates a partnership, adds its members, drafts an MoU among them and adds its
/// commitments, each through the grain's call the API makes, as the person: a field the domain
/// refuses is named next to it in the person's language and nothing is stored; a person who may
/// not sees no form and is refused.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class PartnershipFormTests(WebFixture web)
{
    private Task<PartnershipView> PartnershipAsync(string id) => web.Api.Cluster.Client.GetGrain<IPartnershipGrain>(id).Get();

    private Task<long> EventsAsync(string type, string id) => web.Api.Cluster.Postgres.ScalarAsync<long>(
        "SELECT count(*) FROM entity_event WHERE entity_type = @type AND entity_id = @id", ("type", type), ("id", id));

    private async Task<Browser> SignedInAsync(TestPerson person)
    {
        var browser = web.Browser();
        await browser.SignInAsync(person);
        return browser;
    }

    private static void AssertRefused(WebPage page, string field, string message)
    {
        Assert.True(page.Status == HttpStatusCode.BadRequest, $"expected 400, got {(int)page.Status}");
        Assert.Contains($"id=\"{field}-error\"", page.Html);
        Assert.Contains(message, Text(page.Html));
    }

    private static Dictionary<string, string> PartnershipForm(string id, string first, string second) => new()
    {
        ["name"] = "Hai Phong – Test City", ["partnershipId"] = id, ["firstCity"] = first, ["secondCity"] = second,
        ["relation0Kind"] = "Friendship", ["relation0Year"] = "2009", ["relation1Kind"] = "SisterCity", ["relation1Year"] = "2014",
        ["relation2Kind"] = "", ["relation2Year"] = "",
    };

    [Fact]
    public async Task An_office_creates_a_partnership_of_its_city_then_adds_members_and_bad_stages_store_nothing()
    {
        var world = await web.Api.CreateWorldAsync();
        var office = await CityOfficeAsync(web.Api, world.FirstCityId);
        using var browser = await SignedInAsync(office);
        Assert.Contains("href=\"/partnerships/new\"", (await browser.GetAsync("/")).Html);
        var form = await browser.GetAsync("/partnerships/new");
        Assert.Contains($"<option value=\"{world.FirstCityId}\" selected=\"selected\">", form.Html);

        // Stages out of time order: named on the second stage's year; nothing stored.
        var id = Ids.New("partnership");
        var backwards = PartnershipForm(id, world.FirstCityId, world.SecondCityId);
        backwards["relation1Year"] = "2001";
        AssertRefused(await browser.PostAsync("/partnerships/new", backwards), "relation1Year", "Enter the stages oldest first");
        var same = PartnershipForm(id, world.FirstCityId, world.FirstCityId);
        AssertRefused(await browser.PostAsync("/partnerships/new", same), "secondCity", "Choose a city other than the first one.");
        var noYear = PartnershipForm(id, world.FirstCityId, world.SecondCityId);
        noYear["relation1Year"] = "twenty";
        AssertRefused(await browser.PostAsync("/partnerships/new", noYear), "relation1Year", "Enter a year such as 2014.");
        var badId = PartnershipForm("Not An Id", world.FirstCityId, world.SecondCityId);
        AssertRefused(await browser.PostAsync("/partnerships/new", badId), "partnershipId", "lowercase letters");
        Assert.Equal(0, await EventsAsync("partnership", id));

        // Two other cities: the office may not, said next to the first city.
        var third = Ids.New("city");
        await web.Api.Cities.CreateCityAsync(Requests.City(third));
        AssertRefused(await browser.PostAsync("/partnerships/new", PartnershipForm(id, world.SecondCityId, third)), "firstCity",
            "One of the two cities must be your own city.");
        Assert.Equal(0, await EventsAsync("partnership", id));

        var created = await browser.PostAsync("/partnerships/new", PartnershipForm(id, world.FirstCityId, third));
        AssertRedirect(created, $"/partnerships/{id}/members/new?done=created");
        var partnership = await PartnershipAsync(id);
        Assert.Equal([new RelationStage(RelationKind.Friendship, 2009), new RelationStage(RelationKind.SisterCity, 2014)], partnership.Definition.Relations);
        Assert.Equal("Hai Phong – Test City", partnership.Definition.Name.En);
        // The same form again (a double submit) is harmless; another partnership under the same id is refused.
        await browser.GetAsync("/partnerships/new");
        AssertRedirect(await browser.PostAsync("/partnerships/new", PartnershipForm(id, world.FirstCityId, third)), $"/partnerships/{id}/members/new?done=created");
        var another = PartnershipForm(id, world.FirstCityId, third);
        another["name"] = "Another";
        await browser.GetAsync("/partnerships/new");
        AssertRefused(await browser.PostAsync("/partnerships/new", another), "partnershipId", "Another partnership already has this id");

        var members = await browser.GetAsync(created.Location!);
        Assert.Equal(HttpStatusCode.OK, members.Status);
        Assert.Contains("The partnership was created.", Text(members.Html));
        Assert.Contains($"<option value=\"{world.AgencyId}\">", members.Html);
        var unknown = await browser.PostAsync($"/partnerships/{id}/members/new", new Dictionary<string, string> { ["organisation"] = "nobody-here", ["role"] = "Implementer" });
        AssertRefused(unknown, "organisation", "There is no nobody-here to choose here.");
        var noRole = await browser.PostAsync($"/partnerships/{id}/members/new", new Dictionary<string, string> { ["organisation"] = world.AgencyId, ["role"] = "Boss" });
        AssertRefused(noRole, "role", "Choose one of the options.");
        Assert.Empty((await PartnershipAsync(id)).Members);
        foreach (var (organisation, role) in new[] { (world.AgencyId, "Implementer"), (world.DonorId, "Donor") })
        {
            await browser.GetAsync($"/partnerships/{id}/members/new");
            var added = await browser.PostAsync($"/partnerships/{id}/members/new", new Dictionary<string, string> { ["organisation"] = organisation, ["role"] = role });
            AssertRedirect(added, $"/partnerships/{id}/members/new?done=added");
        }
        Assert.Equal([new PartnershipMember(world.AgencyId, PartnershipRole.Implementer), new PartnershipMember(world.DonorId, PartnershipRole.Donor)],
            (await PartnershipAsync(id)).Members);

        // A partner agency sees no form and is refused.
        using var partner = await SignedInAsync(await ActiveAsync(web.Api, world.AgencyId, Role.PartnerAgency));
        var denied = await partner.GetAsync("/partnerships/new");
        Assert.Contains("Only city offices and admins create partnerships.", Text(denied.Html));
        Assert.DoesNotContain("name=\"partnershipId\"", denied.Html);
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.PostAsync("/partnerships/new", PartnershipForm(Ids.New("p"), world.FirstCityId, third))).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.PostAsync($"/partnerships/{id}/members/new",
            new Dictionary<string, string> { ["organisation"] = world.AgencyId, ["role"] = "Donor" })).Status);
        Assert.Equal(PartnershipRole.Implementer, (await PartnershipAsync(id)).Members.Single(m => m.OrganisationId == world.AgencyId).Role);
    }

    [Fact]
    public async Task An_office_drafts_an_MoU_among_members_and_adds_a_commitment_in_Vietnamese()
    {
        var world = await web.Api.CreateWorldAsync();
        var pilotId = await web.Api.CreatePilotWithKpiAsync(world);
        await web.Api.Partnerships.SetPartnershipMemberAsync(new() { PartnershipId = world.PartnershipId, OrganisationId = world.AgencyId, Role = Contracts.Grpc.PartnershipRole.Implementer });
        await web.Api.Partnerships.SetPartnershipMemberAsync(new() { PartnershipId = world.PartnershipId, OrganisationId = world.DonorId, Role = Contracts.Grpc.PartnershipRole.Donor });
        var office = await CityOfficeAsync(web.Api, world.FirstCityId, ReportLanguage.Vi);
        using var browser = await SignedInAsync(office);
        var page = $"/partnerships/{world.PartnershipId}/mous/new";
        Assert.Contains($"href=\"{page}\"", (await browser.GetAsync($"/partnerships/{world.PartnershipId}")).Html);
        var form = await browser.GetAsync(page);
        Assert.Contains($"value=\"{pilotId}\"", form.Html);

        var mouId = Ids.New("mou");
        List<KeyValuePair<string, string>> Fields(string effective, string expiry, params string[] parties) =>
        [
            new("mouId", mouId), new("title", "Biên bản ghi nhớ thử"), new("scope", "Cùng vận hành dự án ủ phân."),
            new("effectiveDate", effective), new("expiryDate", expiry), new("pilots", pilotId),
            .. parties.Select(p => new KeyValuePair<string, string>("parties", p)),
        ];
        AssertRefused(await browser.PostAsync(page, Fields("2026-01-01", "2028-12-31", world.AgencyId)), "parties", "Chọn từ 2 đến 20 bên.");
        AssertRefused(await browser.PostAsync(page, Fields("2026-01-01", "2025-12-31", world.AgencyId, world.DonorId)), "expiryDate",
            "Ngày cuối cùng có hiệu lực phải sau ngày đầu tiên.");
        AssertRefused(await browser.PostAsync(page, Fields("1.1.2026", "2028-12-31", world.AgencyId, world.DonorId)), "effectiveDate", "Nhập ngày dạng 2026-12-01");
        Assert.Equal(0, await EventsAsync("mou", mouId));

        var drafted = await browser.PostAsync(page, Fields("2026-01-01", "2028-12-31", world.AgencyId, world.DonorId));
        AssertRedirect(drafted, $"/mous/{mouId}?changed=created");
        var mou = await web.Api.Cluster.Client.GetGrain<IMouGrain>(mouId).Get();
        Assert.Equal((MouStatus.Draft, world.PartnershipId), (mou.Status, mou.Definition.PartnershipId));
        Assert.Equal([world.AgencyId, world.DonorId], mou.Definition.PartyOrganisationIds);
        Assert.Equal([pilotId], mou.Definition.LinkedPilotIds);
        var shown = await browser.GetAsync(drafted.Location!);
        Assert.Contains($"href=\"/mous/{mouId}/commitments/new\"", shown.Html);

        var commitments = $"/mous/{mouId}/commitments/new";
        await browser.GetAsync(commitments);
        var notParty = await browser.PostAsync(commitments, new Dictionary<string, string>
        {
            ["commitmentId"] = "train", ["text"] = "Đào tạo vận hành", ["owner"] = office.OrganisationId, ["dueDate"] = "2027-06-30",
        });
        AssertRefused(notParty, "owner", "không phải là một bên của biên bản ghi nhớ.");
        var added = await browser.PostAsync(commitments, new Dictionary<string, string>
        {
            ["commitmentId"] = "train", ["text"] = "Đào tạo vận hành", ["owner"] = world.AgencyId, ["dueDate"] = "2027-06-30",
        });
        AssertRedirect(added, $"/mous/{mouId}?changed=commitment");
        var commitment = Assert.Single((await web.Api.Cluster.Client.GetGrain<IMouGrain>(mouId).Get()).Commitments);
        Assert.Equal((world.AgencyId, new DateOnly(2027, 6, 30)), (commitment.Definition.OwnerOrganisationId, commitment.Definition.DueDate));

        // A party sees the MoU but neither the link nor the form, and is refused.
        using var party = await SignedInAsync(await ActiveAsync(web.Api, world.AgencyId, Role.PartnerAgency));
        Assert.DoesNotContain("/commitments/new", (await party.GetAsync($"/mous/{mouId}")).Html);
        var partyForm = await party.GetAsync(commitments);
        Assert.DoesNotContain("name=\"commitmentId\"", partyForm.Html);
        Assert.Equal(HttpStatusCode.Forbidden, (await party.PostAsync(commitments, new Dictionary<string, string>
        {
            ["commitmentId"] = "more", ["text"] = "More", ["owner"] = world.AgencyId, ["dueDate"] = "2027-06-30",
        })).Status);
        Assert.DoesNotContain("name=\"mouId\"", (await party.GetAsync(page)).Html);
        Assert.Single((await web.Api.Cluster.Client.GetGrain<IMouGrain>(mouId).Get()).Commitments);
    }
}
