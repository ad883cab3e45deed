using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Cooperation.Contracts.Access;
using Cooperation.Contracts.DonorReports;
using Cooperation.Reports.Readings;
using Cooperation.Tests.Support;
using Cooperation.Tests.Web;
using Cooperation.Web.Forms;
using static Cooperation.Tests.Web.WebPeople;
using Proto = Cooperation.Contracts.Grpc;

namespace Cooperation.Tests.WebForms;

/// <summary>
/// A partner's file of readings on the pilot's import page (<c>/pilots/{id}/import</c>): read by the
/// API's parser and stored through the same import grain as the person, all or nothing or row by
/// row, once per form; refused rows shown with their cells and messages in the person's language;
/// files that are no readings file refused whole, nothing stored.
/// </summary>
[Collection(WebCollection.Name)]
public sealed partial class ReadingImportPageTests(WebFixture web)
{
    private const string Header = "pilot_id,kpi_code,period,value,note";

    private sealed record Setup(ApiWorld World, string PilotId, TestPerson Partner)
    {
        public string Page => $"/pilots/{PilotId}/import";
    }

    private async Task<Setup> PilotAsync(ReportLanguage language = ReportLanguage.En)
    {
        var world = await web.Api.CreateWorldAsync();
        var pilotId = await web.Api.CreatePilotWithKpiAsync(world);
        return new Setup(world, pilotId, await ActiveAsync(web.Api, world.AgencyId, Role.PartnerAgency, language));
    }

    private Task<long> ReadingsAsync(string pilotId) => web.Api.Cluster.StoredReadingsAsync($"pilots/{pilotId}");

    private static string Key(string html) => KeyPattern().Match(html).Groups[1].Value;

    private static Task<WebPage> UploadAsync(Browser browser, Setup setup, string key, string csv, string mode = "AllOrNothing", string name = "readings.csv") =>
        browser.PostFileAsync(setup.Page, new Dictionary<string, string> { ["idempotency_key"] = key, ["mode"] = mode },
            ReadingUpload.FileField, name, Encoding.UTF8.GetBytes(csv));

    /// <summary>The text of the table row of file row <paramref name="row"/>, tags removed.</summary>
    private static string RowOf(string html, int row) =>
        Regex.Replace(RefusedRowPattern(row).Match(html).Value, "<[^>]+>", " ");

    [Fact]
    public async Task A_partner_downloads_the_template_uploads_it_filled_and_a_reload_stores_it_once()
    {
        var setup = await PilotAsync();
        using var browser = web.Browser();
        await browser.SignInAsync(setup.Partner);
        Assert.Contains($"href=\"/pilots/{setup.PilotId}/import\"", (await browser.GetAsync($"/pilots/{setup.PilotId}")).Html);

        var template = await browser.GetAsync($"{setup.Page}?handler=Template");
        Assert.Equal(HttpStatusCode.OK, template.Status);
        var lines = template.Html.TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal("pilot_id,kpi_code,period,value,numerator,denominator,breakdown,note", lines[0]);
        Assert.Matches($"^{setup.PilotId},compost-produced,\\d{{4}}-\\d{{2}},,,,,$", lines[1]);

        var form = await browser.GetAsync(setup.Page);
        Assert.Equal(HttpStatusCode.OK, form.Status);
        Assert.Contains("<label for=\"file\">", form.Html);
        Assert.Contains("enctype=\"multipart/form-data\"", form.Html);
        var csv = $"{Header}\n{setup.PilotId},compost-produced,2025-01,40,weighbridge\n{setup.PilotId},compost-produced,2025-02,42.5,\n";
        var stored = await UploadAsync(browser, setup, Key(form.Html), csv);

        Assert.Equal(HttpStatusCode.OK, stored.Status);
        Assert.Contains("2 of 2 rows were stored", Text(stored.Html));
        Assert.Contains("id=\"import-periods-heading\"", stored.Html);
        Assert.Equal(2, await ReadingsAsync(setup.PilotId));
        var series = await web.Api.Kpis.GetKpiSeriesAsync(new Proto.GetKpiSeriesRequest { Subject = $"pilots/{setup.PilotId}", KpiCode = "compost-produced" });
        Assert.Equal([40, 42.5], series.Periods.OrderBy(p => p.Period).Select(p => p.Value));

        // The browser posts the same form again (a reload): the import answers its first result, stores nothing more.
        var again = await UploadAsync(browser, setup, Key(form.Html), csv);
        Assert.Contains("already been uploaded", Text(again.Html));
        Assert.Equal(2, await ReadingsAsync(setup.PilotId));
    }

    [Fact]
    public async Task All_or_nothing_stores_nothing_and_shows_each_bad_row_in_the_persons_language_then_row_by_row_stores_the_good_ones()
    {
        var setup = await PilotAsync(ReportLanguage.Ja);
        var other = await web.Api.CreatePilotWithKpiAsync(setup.World);
        using var browser = web.Browser();
        await browser.SignInAsync(setup.Partner);
        var form = await browser.GetAsync(setup.Page);
        var csv = $"""
            {Header}
            {setup.PilotId},compost-produced,2025-01,40,good
            {setup.PilotId},compost-produced,2025-02,N/A,
            {setup.PilotId},compost-produced,2025-03,"1,5",
            {setup.PilotId},unknown-kpi,2025-01,1,
            {other},compost-produced,2025-01,7,
            {setup.PilotId},compost-produced,2025-13,3,
            """;

        var refused = await UploadAsync(browser, setup, Key(form.Html), csv);

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        var html = Text(refused.Html);
        Assert.Contains("何も保存されていません", html);
        Assert.Empty(RowOf(refused.Html, 2));   // the good row is not listed
        Assert.Contains("'N/A' は数値ではありません", Text(RowOf(refused.Html, 3)));
        Assert.Contains("'1,5' は数値ではありません", Text(RowOf(refused.Html, 4)));
        Assert.Contains("1,5", Text(RowOf(refused.Html, 4)));   // the cell as written
        Assert.Contains("'unknown-kpi' はこのパイロットの KPI ではありません", Text(RowOf(refused.Html, 5)));
        Assert.Contains($"'{setup.PilotId}' の実績値のみ", Text(RowOf(refused.Html, 6)));
        Assert.Contains("2026-11（月）", Text(RowOf(refused.Html, 7)));
        Assert.Equal(0, await ReadingsAsync(setup.PilotId));
        Assert.Equal(0, await ReadingsAsync(other));

        var rowByRow = await UploadAsync(browser, setup, Key(form.Html), csv, mode: "RowByRow");

        Assert.Equal(HttpStatusCode.OK, rowByRow.Status);
        Assert.Contains("6 行のうち 1 行を保存しました", Text(rowByRow.Html));
        Assert.Contains("'N/A' は数値ではありません", Text(RowOf(rowByRow.Html, 3)));
        Assert.Equal(1, await ReadingsAsync(setup.PilotId));
        Assert.Equal(0, await ReadingsAsync(other));
    }

    [Fact]
    public async Task A_file_that_is_no_readings_file_is_refused_next_to_the_field_and_nothing_is_stored()
    {
        var setup = await PilotAsync(ReportLanguage.Vi);
        using var browser = web.Browser();
        await browser.SignInAsync(setup.Partner);
        var key = Key((await browser.GetAsync(setup.Page)).Html);
        var good = $"{Header}\n{setup.PilotId},compost-produced,2025-01,40,\n";
        var cases = new (string Name, byte[] Content, string Message)[]
        {
            ("readings.xls", Encoding.UTF8.GetBytes(good), "Đây không phải tệp CSV"),
            ("readings.csv", [0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00], "Đây không phải tệp CSV"),
            ("readings.csv", [], "Tệp này trống"),
            ("readings.csv", Encoding.UTF8.GetBytes("  \n"), "Tệp này trống"),
            ("readings.csv", new byte[ReadingUpload.MaxBytes + 1], "lớn hơn 2 MB"),
            ("readings.csv", [0x70, 0x69, 0xFF, 0xFE, 0x0A], "không phải văn bản UTF-8"),
            ("readings.csv", Encoding.UTF8.GetBytes(Header + "\n"), "chỉ có dòng tiêu đề"),
            ("readings.csv", Encoding.UTF8.GetBytes($"pilot_id,kpi_code,period\n{setup.PilotId},compost-produced,2025-01\n"), "thiếu cột 'value'"),
            ("readings.csv", Encoding.UTF8.GetBytes($"{Header},colour\n{setup.PilotId},compost-produced,2025-01,40,,red\n"), "Cột không xác định 'colour'"),
        };
        foreach (var (name, content, message) in cases)
        {
            var refused = await browser.PostFileAsync(setup.Page, new Dictionary<string, string> { ["idempotency_key"] = key, ["mode"] = "AllOrNothing" },
                ReadingUpload.FileField, name, content);
            Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
            Assert.Contains("id=\"file-error\">", refused.Html);
            Assert.Contains(message, Text(refused.Html));
            Assert.Contains("aria-describedby=\"file-hint file-error\"", refused.Html);
        }
        // No file at all, and a mode that is none of the two.
        var none = await browser.PostAsync(setup.Page, new Dictionary<string, string> { ["idempotency_key"] = key, ["mode"] = "Sometimes" });
        Assert.Equal(HttpStatusCode.BadRequest, none.Status);
        Assert.Contains("Hãy chọn một tệp để tải lên.", Text(none.Html));
        Assert.Contains("id=\"mode-error\"", none.Html);
        Assert.Equal(0, await ReadingsAsync(setup.PilotId));

        // The same form then takes a good file: nothing refused before was stored under its key.
        var stored = await UploadAsync(browser, setup, key, good);
        Assert.Equal(HttpStatusCode.OK, stored.Status);
        Assert.Equal(1, await ReadingsAsync(setup.PilotId));
    }

    [Fact]
    public async Task An_excel_workbook_works_both_ways_in_the_same_shape()
    {
        var setup = await PilotAsync();
        using var browser = web.Browser();
        await browser.SignInAsync(setup.Partner);
        var form = await browser.GetAsync(setup.Page);
        Assert.Contains("handler=Template&amp;format=xlsx", form.Html);

        var template = await browser.DownloadAsync($"{setup.Page}?handler=Template&format=xlsx");
        Assert.Equal((HttpStatusCode.OK, ReadingWorkbook.ContentType), (template.Status, template.ContentType));
        var cells = ReadingWorkbook.ReadAsCsv(new MemoryStream(template.Body))!.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal("pilot_id,kpi_code,period,value,numerator,denominator,breakdown,note", cells[0]);
        Assert.Matches($"^{setup.PilotId},compost-produced,\\d{{4}}-\\d{{2}},,,,,$", cells[1]);

        // A filled workbook: one good row, one refused; row by row stores the good one.
        string[][] rows =
        [
            ["pilot_id", "kpi_code", "period", "value"],
            [setup.PilotId, "compost-produced", "2025-01", "40"],
            [setup.PilotId, "compost-produced", "2025-02", "N/A"],
        ];
        var stored = await browser.PostFileAsync(setup.Page, new Dictionary<string, string> { ["idempotency_key"] = Key(form.Html), ["mode"] = "RowByRow" },
            ReadingUpload.FileField, "readings.xlsx", ReadingWorkbook.Write(rows), ReadingWorkbook.ContentType);
        Assert.Equal(HttpStatusCode.OK, stored.Status);
        Assert.Contains("1 of 2 rows were stored", Text(stored.Html));
        Assert.Contains("'N/A' is not a number", Text(RowOf(stored.Html, 3)));
        Assert.Equal(1, await ReadingsAsync(setup.PilotId));

        // A file named .xlsx that is no workbook is refused whole.
        var damaged = await browser.PostFileAsync(setup.Page, new Dictionary<string, string> { ["idempotency_key"] = Key(stored.Html), ["mode"] = "AllOrNothing" },
            ReadingUpload.FileField, "readings.xlsx", Encoding.UTF8.GetBytes("pilot_id,kpi_code\n"), ReadingWorkbook.ContentType);
        Assert.Equal(HttpStatusCode.BadRequest, damaged.Status);
        Assert.Contains("This Excel workbook cannot be read", Text(damaged.Html));
        Assert.Equal(1, await ReadingsAsync(setup.PilotId));
    }

    [Fact]
    public async Task Those_who_may_not_submit_get_no_link_and_the_forbidden_page()
    {
        var setup = await PilotAsync();
        await web.Api.Pilots.SetFundingLineAsync(new Proto.SetFundingLineRequest
        {
            PilotId = setup.PilotId, LineId = "moej", DonorOrganisationId = setup.World.DonorId, Currency = Proto.Currency.Jpy, Committed = "45000000", Disbursed = "0",
        });
        var donor = await ActiveAsync(web.Api, setup.World.DonorId, Role.Donor);
        using var browser = web.Browser();
        await browser.SignInAsync(donor);
        var home = await browser.GetAsync("/");
        Assert.DoesNotContain(setup.Page, (await browser.GetAsync($"/pilots/{setup.PilotId}")).Html);
        Assert.Equal(HttpStatusCode.Forbidden, (await browser.GetAsync(setup.Page)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await browser.GetAsync($"{setup.Page}?handler=Template")).Status);
        await browser.GetAsync("/");
        var post = await UploadAsync(browser, setup, "web-forbidden", $"{Header}\n{setup.PilotId},compost-produced,2025-01,40,\n");
        Assert.Equal(HttpStatusCode.Forbidden, post.Status);
        Assert.NotEmpty(home.Html);
        Assert.Equal(0, await ReadingsAsync(setup.PilotId));
    }

    [GeneratedRegex("name=\"idempotency_key\" value=\"([^\"]+)\"")]
    private static partial Regex KeyPattern();

    private static Regex RefusedRowPattern(int row) => new($"<tr>\\s*<th scope=\"row\" class=\"number\">{row}</th>.*?</tr>", RegexOptions.Singleline);
}
