using System.Net;
using Cooperation.Contracts.Access;
using Cooperation.Contracts.Common;
using Cooperation.Contracts.DonorReports;
using Cooperation.Reports.Rendering;
using Cooperation.Tests.Support;
using Cooperation.Tests.Web;
using Proto = Cooperation.Contracts.Grpc;

namespace Cooperation.Tests.WebPages;

/// <summary>Each role's home on the demo world, as its person reads it: what it lists is what the API lets that organisation read.</summary>
[Collection(WebCollection.Name)]
public sealed class HomePageTests(WebFixture web)
{
    [Fact]
    public async Task A_city_office_sees_its_citys_partnership_at_a_glance_in_its_persons_language()
    {
        var home = await DemoBrowsers.ReadAsync(web, "HP_DOFA", "/");

        Assert.Equal(HttpStatusCode.OK, home.Status);
        Assert.Contains("<html lang=\"vi\">", home.Html);
        Assert.Contains("href=\"/partnerships/haiphong-kitakyushu\"", home.Html);
        Assert.Contains(DemoBrowsers.Word(web, "home.office.partnerships", ReportLanguage.Vi), home.Html);
        Assert.Contains("href=\"/cities/hai-phong\"", home.Html);
        // Its roll-up covers every pilot: nothing marked partial.
        Assert.DoesNotContain(DemoBrowsers.Word(web, "glance.partial", ReportLanguage.Vi), home.Html);
    }

    [Fact]
    public async Task A_partner_agency_sees_only_its_pilots_and_what_it_owes()
    {
        var home = await DemoBrowsers.ReadAsync(web, "NAM_CAU_KIEN", "/");

        Assert.Equal(HttpStatusCode.OK, home.Status);
        Assert.Contains("href=\"/pilots/nck-eco-industrial-park\"", home.Html);
        Assert.Contains("href=\"/pilots/jcm-nck-chillers\"", home.Html);
        Assert.DoesNotContain("/pilots/hp-compost\"", home.Html);
        Assert.Contains(DemoBrowsers.Word(web, "home.partner.owed", ReportLanguage.Vi), home.Html);
        // A member reading only some pilots: the roll-up says it counts what the park may read.
        Assert.Contains(DemoBrowsers.Word(web, "glance.partial", ReportLanguage.Vi), home.Html);
    }

    [Fact]
    public async Task A_partner_owes_the_overdue_milestone_of_the_pilot_it_leads_not_that_of_a_pilot_it_only_takes_part_in()
    {
        var world = await web.Api.CreateWorldAsync();
        var other = Ids.New("agency");
        await web.Api.Organisations.CreateOrganisationAsync(Requests.Organisation(other, world.FirstCityId, Proto.OrganisationKind.PartnerAgency));
        var led = Ids.New("pilot");
        var joined = Ids.New("pilot");
        await web.Api.Pilots.CreatePilotAsync(Requests.Pilot(led, world));
        var joining = Requests.Pilot(joined, world);
        joining.LeadOrganisationId = other;
        joining.ParticipantOrganisationIds.Add(world.AgencyId);
        await web.Api.Pilots.CreatePilotAsync(joining);
        await web.Api.Pilots.AddMilestoneAsync(new() { PilotId = led, MilestoneId = "plant", Title = new() { En = "Compost plant commissioned" }, PlannedDate = "2025-01-15" });
        await web.Api.Pilots.AddMilestoneAsync(new() { PilotId = joined, MilestoneId = "audit", Title = new() { En = "Energy audit of the other lead" }, PlannedDate = "2025-01-15" });
        using var partner = await DemoBrowsers.PersonAsync(web, world.AgencyId, Role.PartnerAgency);

        var home = await partner.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, home.Status);
        var owed = home.Html[home.Html.IndexOf("owed-heading", StringComparison.Ordinal)..home.Html.IndexOf("pilots-heading", StringComparison.Ordinal)];
        Assert.Contains("Compost plant commissioned", owed);
        Assert.Contains(DemoBrowsers.Word(web, "owed.overdue", ReportLanguage.En), owed);
        Assert.Contains(DemoBrowsers.Html(web, ReportCulture.Date(new DateOnly(2025, 1, 15), ReportLanguage.En)), owed);
        Assert.Contains($"href=\"/pilots/{led}\"", owed);
        Assert.DoesNotContain("Energy audit of the other lead", owed);
        // Both pilots are the partner's to read.
        Assert.Contains($"href=\"/pilots/{joined}\"", home.Html);
    }

    [Fact]
    public async Task A_donor_sees_the_four_pilots_it_funds_with_its_own_funding_only()
    {
        var home = await DemoBrowsers.ReadAsync(web, "MOEJ", "/");

        Assert.Equal(HttpStatusCode.OK, home.Status);
        Assert.Contains("<html lang=\"ja\">", home.Html);
        string[] funded = ["hp-compost", "nck-eco-industrial-park", "jcm-nck-chillers", "hp-rooftop-solar"];
        foreach (var pilot in funded)
            Assert.Contains($"href=\"/pilots/{pilot}\"", home.Html);
        Assert.Equal(funded.Length, home.Html.Split("href=\"/pilots/").Length - 1);
        // 45 + 120 + 60 + 30 million yen committed, 30 + 95 + 60 + 12 disbursed; JICA's dollars nowhere.
        Assert.Contains(DemoBrowsers.Html(web, ReportCulture.Money(255_000_000, Currency.Jpy, ReportLanguage.Ja)), home.Html);
        Assert.Contains(DemoBrowsers.Html(web, ReportCulture.Money(197_000_000, Currency.Jpy, ReportLanguage.Ja)), home.Html);
        Assert.DoesNotContain(DemoBrowsers.Html(web, ReportCulture.Money(250_000, Currency.Usd, ReportLanguage.Ja)), home.Html);
        Assert.DoesNotContain(ReportText.Of(Currency.Usd, ReportLanguage.Ja), home.Html);
        Assert.Contains("href=\"/donors/moej/reports\"", home.Html);
    }

    [Fact]
    public async Task The_admin_sees_every_organisation_with_its_people_and_keys_and_every_partnership()
    {
        var home = await DemoBrowsers.ReadAsync(web, "ADMIN", "/");

        Assert.Equal(HttpStatusCode.OK, home.Status);
        foreach (var organisation in new[] { "hp-dofa", "nam-cau-kien-ip", "moej", "jica", "kitakyushu-city", "qn-peoples-committee" })
            Assert.Contains($"href=\"/people?organisation={organisation}\"", home.Html);
        Assert.Contains("href=\"/donors/jica/reports\"", home.Html);
        Assert.Contains("href=\"/partnerships/haiphong-kitakyushu\"", home.Html);
    }

    [Fact]
    public async Task A_wrong_sort_on_the_partners_home_is_a_message_and_the_default_order_not_a_fault()
    {
        var home = await DemoBrowsers.ReadAsync(web, "HP_URENCO", "/?sort=<script>");

        Assert.Equal(HttpStatusCode.BadRequest, home.Status);
        Assert.Contains("id=\"sort-error\"", home.Html);
        Assert.DoesNotContain("<script>", home.Html);
        Assert.Contains("href=\"/pilots/hp-compost\"", home.Html);
    }
}
