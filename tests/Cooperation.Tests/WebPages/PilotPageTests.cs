using System.Net;
using Cooperation.Contracts.Access;
using Cooperation.Contracts.Common;
using Cooperation.Contracts.Kpis;
using Cooperation.Contracts.Pilots;
using Cooperation.Gateway.Demo;
using Cooperation.Contracts.DonorReports;
using Cooperation.Reports.Rendering;
using Cooperation.Tests.Web;

namespace Cooperation.Tests.WebPages;

/// <summary>The pilot page refuses and filters as GetPilot does, for each demo role; its query parameters are checked.</summary>
[Collection(WebCollection.Name)]
public sealed class PilotPageTests(WebFixture web)
{
    private const string Compost = "/pilots/hp-compost";

    [Fact]
    public async Task The_nam_cau_kien_park_gets_the_forbidden_page_for_hp_compost_the_same_as_for_a_pilot_that_does_not_exist()
    {
        var forbidden = await DemoBrowsers.ReadAsync(web, "NAM_CAU_KIEN", Compost);
        var unknown = await DemoBrowsers.ReadAsync(web, "NAM_CAU_KIEN", "/pilots/hp-nowhere");

        Assert.Equal(HttpStatusCode.Forbidden, forbidden.Status);
        Assert.Equal(HttpStatusCode.Forbidden, unknown.Status);
        Assert.Contains(DemoBrowsers.Forbidden(web, ReportLanguage.Vi), forbidden.Html);
        Assert.DoesNotContain("hp-compost", forbidden.Html.Replace("/pilots/hp-compost", ""));
        // To an admin, who could see it, an unknown pilot is simply not there.
        Assert.Equal(HttpStatusCode.NotFound, (await DemoBrowsers.ReadAsync(web, "ADMIN", "/pilots/hp-nowhere")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await DemoBrowsers.ReadAsync(web, "ADMIN", "/pilots/Not_An_Id!")).Status);
    }

    [Fact]
    public async Task Funding_shows_to_the_lines_own_donor_the_citys_office_and_nobody_else()
    {
        var moej = await DemoBrowsers.ReadAsync(web, "MOEJ", Compost);
        var jica = await DemoBrowsers.ReadAsync(web, "JICA", Compost);
        var office = await DemoBrowsers.ReadAsync(web, "HP_DOFA", Compost);
        var partner = await DemoBrowsers.ReadAsync(web, "HP_URENCO", Compost);
        string Yen(ReportLanguage language) => DemoBrowsers.Html(web, ReportCulture.Money(45_000_000, Currency.Jpy, language));
        string Dollars(ReportLanguage language) => DemoBrowsers.Html(web, ReportCulture.Money(250_000, Currency.Usd, language));

        Assert.All([moej, jica, office, partner], page => Assert.Equal(HttpStatusCode.OK, page.Status));
        Assert.Contains(Yen(ReportLanguage.Ja), moej.Html);
        Assert.DoesNotContain(Dollars(ReportLanguage.Ja), moej.Html);
        Assert.Contains(Dollars(ReportLanguage.En), jica.Html);
        Assert.DoesNotContain(Yen(ReportLanguage.En), jica.Html);
        Assert.Contains(Yen(ReportLanguage.Vi), office.Html);
        Assert.Contains(Dollars(ReportLanguage.Vi), office.Html);
        Assert.DoesNotContain(Yen(ReportLanguage.Vi), partner.Html);
        Assert.DoesNotContain(Dollars(ReportLanguage.Vi), partner.Html);
        Assert.Contains(DemoBrowsers.Word(web, "pilot.funding-none", ReportLanguage.Vi), partner.Html);
    }

    [Fact]
    public async Task The_pilot_page_has_a_chart_per_kpi_with_its_numbers_its_periods_in_review_and_its_history()
    {
        var page = await DemoBrowsers.ReadAsync(web, "MOEJ", Compost);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("ハイフォン市の有機廃棄物の堆肥化", page.Html);
        Assert.Contains("<script type=\"application/json\" id=\"kpi-compost-produced-data\">", page.Html);
        Assert.Contains("data-chart=\"kpi-compost-produced-data\"", page.Html);
        Assert.Contains("\"kind\":\"kpi\"", page.Html);
        Assert.Contains("\"key\":\"trajectory\"", page.Html);
        Assert.Contains("src=\"/js/charts.js", page.Html);
        // No script runs inline: every script element has a source or is data.
        Assert.DoesNotContain("<script>", page.Html);
        Assert.Contains(DemoBrowsers.Word(web, "pilot.periods", ReportLanguage.Ja), page.Html);
        Assert.Contains(DemoBrowsers.Html(web, ReportText.Of(Contracts.Submissions.ReviewStatus.Submitted, ReportLanguage.Ja)), page.Html);
        Assert.Contains(DemoBrowsers.Word(web, "event.pilot.update-submitted", ReportLanguage.Ja), page.Html);
        Assert.Contains(DemoBrowsers.Word(web, "history.older", ReportLanguage.Ja), page.Html);
    }

    [Fact]
    public async Task The_history_pages_back_and_the_jcm_pilot_shows_its_monitoring()
    {
        using var office = await DemoBrowsers.SignedInAsync(web, "HP_DOFA");
        var first = await office.GetAsync(Compost);
        var older = System.Text.RegularExpressions.Regex.Match(first.Html, "href=\"(/pilots/hp-compost\\?before=[0-9]+)#history-heading\"");
        Assert.True(older.Success);

        var second = await office.GetAsync(older.Groups[1].Value);
        var jcm = await office.GetAsync("/pilots/jcm-nck-chillers");

        Assert.Equal(HttpStatusCode.OK, second.Status);
        Assert.Contains(DemoBrowsers.Word(web, "history.newest", ReportLanguage.Vi), second.Html);
        Assert.Equal(HttpStatusCode.OK, jcm.Status);
        Assert.Contains(DemoBrowsers.Word(web, "jcm.title", ReportLanguage.Vi), jcm.Html);
        Assert.Contains("VN_AM003", jcm.Html);
        Assert.Contains(DemoBrowsers.Html(web, ReportText.Of(Contracts.Jcm.CreditHolder.GovernmentOfJapan, ReportLanguage.Vi)), jcm.Html);
    }

    [Fact]
    public async Task The_history_names_the_person_who_acted()
    {
        await DemoBrowsers.UsersAsync(web);
        var person = await WebPeople.ActiveAsync(web.Api, "hp-urenco", Role.PartnerAgency, ReportLanguage.Vi, "Lê Thị Kiểm Thử");
        var lastMonth = ReportingPeriod.Containing(DemoPeriods.Today().AddMonths(-1), ReportingFrequency.Monthly);
        await RecordAsync(new Caller("hp-urenco", Role.PartnerAgency, null, "hai-phong", person.AccountId), lastMonth);

        var page = await DemoBrowsers.ReadAsync(web, "HP_DOFA", Compost);

        Assert.Contains(DemoBrowsers.Html(web, "Lê Thị Kiểm Thử"), page.Html);
    }

    private async Task RecordAsync(Caller caller, ReportingPeriod period)
    {
        CallerContext.Set(caller);
        await web.Api.Cluster.Client.GetGrain<IPilotGrain>("hp-compost").RecordReadings([new KpiReadingInput("compost-produced", period, 72)]);
    }

    [Theory]
    [InlineData("?figures=everything", "figures")]
    [InlineData("?before=abc", "before")]
    [InlineData("?before=-5", "before")]
    public async Task A_wrong_query_parameter_is_a_message_and_the_default_not_a_fault(string query, string parameter)
    {
        var page = await DemoBrowsers.ReadAsync(web, "HP_DOFA", Compost + query);

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains("class=\"problem\" role=\"alert\"", page.Html);
        Assert.Contains(parameter, page.Html);
        Assert.Contains("kpi-compost-produced-data", page.Html);
    }

    [Fact]
    public async Task Approved_figures_are_read_when_asked_for()
    {
        var approved = await DemoBrowsers.ReadAsync(web, "HP_DOFA", Compost + "?figures=approved");

        Assert.Equal(HttpStatusCode.OK, approved.Status);
        Assert.Contains($"<strong>{DemoBrowsers.Word(web, "figures.approved", ReportLanguage.Vi)}</strong>", approved.Html);
    }
}
