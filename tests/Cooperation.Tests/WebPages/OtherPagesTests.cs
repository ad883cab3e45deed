using System.Net;
using System.Text.RegularExpressions;
using Cooperation.Contracts.DonorReports;
using Cooperation.Tests.Support;
using Cooperation.Tests.Web;

namespace Cooperation.Tests.WebPages;

/// <summary>The MoU, city and donor-report pages, and report downloads, refuse and filter as GetMou, GetCity, ListSubscriptions, ListReports and DownloadReport do.</summary>
[Collection(WebCollection.Name)]
public sealed partial class OtherPagesTests(WebFixture web)
{
    [Fact]
    public async Task An_mou_shows_to_its_parties_and_the_partnerships_office_and_is_forbidden_to_others()
    {
        var party = await DemoBrowsers.ReadAsync(web, "NAM_CAU_KIEN", "/mous/nck-eip-mou");
        var office = await DemoBrowsers.ReadAsync(web, "HP_DOFA", "/mous/nck-eip-mou");
        var donor = await DemoBrowsers.ReadAsync(web, "MOEJ", "/mous/nck-eip-mou");
        var partner = await DemoBrowsers.ReadAsync(web, "HP_URENCO", "/mous/nck-eip-mou");

        Assert.Equal(HttpStatusCode.OK, party.Status);
        Assert.Contains(DemoBrowsers.Word(web, "mou.commitments", ReportLanguage.Vi), party.Html);
        Assert.Contains("href=\"/pilots/nck-eco-industrial-park\"", party.Html);
        // Its history, as GetMouHistory shows it: the demo's signatures among its events.
        Assert.Contains("id=\"history-heading\"", party.Html);
        Assert.Contains(DemoBrowsers.Word(web, "event.mou.signed", ReportLanguage.Vi), party.Html);
        Assert.Equal(HttpStatusCode.OK, office.Status);
        Assert.Equal(HttpStatusCode.Forbidden, donor.Status);
        Assert.Contains(DemoBrowsers.Forbidden(web, ReportLanguage.Ja), donor.Html);
        Assert.Equal(HttpStatusCode.Forbidden, partner.Status);
    }

    [Fact]
    public async Task A_city_shows_its_index_components_by_year_and_only_the_partnerships_the_person_may_read()
    {
        var city = await DemoBrowsers.ReadAsync(web, "JICA", "/cities/quang-ninh");
        var admin = await DemoBrowsers.ReadAsync(web, "ADMIN", "/cities/quang-ninh");
        var haiPhong = await DemoBrowsers.ReadAsync(web, "NAM_CAU_KIEN", "/cities/hai-phong");

        Assert.Equal(HttpStatusCode.OK, city.Status);
        Assert.Contains("<th scope=\"col\" class=\"number\">2023</th>", city.Html);
        Assert.Contains("<td class=\"number\"><strong>26</strong></td>", city.Html);
        // The province's own programme is its office's (and admins') to read, as GetCity lists it.
        Assert.Contains("<strong>Quang Ninh", admin.Html);
        Assert.DoesNotContain("<strong>Quang Ninh", city.Html);
        Assert.Contains("href=\"/partnerships/haiphong-kitakyushu\"", haiPhong.Html);
        Assert.Equal(HttpStatusCode.NotFound, (await DemoBrowsers.ReadAsync(web, "ADMIN", "/cities/atlantis")).Status);
    }

    [Fact]
    public async Task A_donors_reports_show_to_the_donor_and_the_office_and_are_forbidden_to_another_donor_and_a_partner()
    {
        var moej = await DemoBrowsers.ReadAsync(web, "MOEJ", "/donors/moej/reports");
        var office = await DemoBrowsers.ReadAsync(web, "HP_DOFA", "/donors/moej/reports");
        var jica = await DemoBrowsers.ReadAsync(web, "JICA", "/donors/moej/reports");
        var partner = await DemoBrowsers.ReadAsync(web, "HP_URENCO", "/donors/moej/reports");

        Assert.Equal(HttpStatusCode.OK, moej.Status);
        Assert.Contains("GGPP 月次進捗報告", moej.Html);
        Assert.Contains(DemoBrowsers.Html(web, Cooperation.Reports.Rendering.ReportText.Of(ReportCadence.Monthly, ReportLanguage.Ja)), moej.Html);
        Assert.Equal(HttpStatusCode.OK, office.Status);
        Assert.Equal(HttpStatusCode.Forbidden, jica.Status);
        Assert.Equal(HttpStatusCode.Forbidden, partner.Status);
    }

    [Fact]
    public async Task An_archived_report_opens_from_the_archive_for_the_donor_and_is_forbidden_to_another_donor()
    {
        await DemoBrowsers.UsersAsync(web);
        var period = ReportingPeriodOf(DateTime.UtcNow.AddMonths(-2));
        // The report is mailed to the subscription's recipients once archived.
        await using (await SmtpSink.StartAsync(web.Api.SmtpPort))
            await ReportTesting.SendNowAsync(web.Api, "moej", "monthly", period);
        using var moej = await DemoBrowsers.SignedInAsync(web, "MOEJ");
        var archive = await moej.GetAsync("/donors/moej/reports");
        var pdf = PdfLink().Match(archive.Html).Groups[1].Value;
        Assert.StartsWith("/reports/", pdf);

        using var http = DemoBrowsers.Client(web, moej);
        using var file = await http.GetAsync(pdf);
        var bytes = await file.Content.ReadAsByteArrayAsync();
        var jica = await DemoBrowsers.ReadAsync(web, "JICA", pdf);
        var unknown = await DemoBrowsers.ReadAsync(web, "MOEJ", "/reports/999999999/file");

        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal("application/pdf", file.Content.Headers.ContentType?.MediaType);
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(bytes, 0, 4));
        Assert.Equal(HttpStatusCode.Forbidden, jica.Status);
        Assert.Equal(HttpStatusCode.Forbidden, unknown.Status);
        Assert.Equal(HttpStatusCode.NotFound, (await DemoBrowsers.ReadAsync(web, "MOEJ", "/reports/abc/file")).Status);
    }

    private static string ReportingPeriodOf(DateTime month) => $"{month.Year:D4}-{month.Month:D2}";

    [GeneratedRegex("href=\"(/reports/[0-9]+/file)\"[^>]*>PDF</a>")]
    private static partial Regex PdfLink();
}
