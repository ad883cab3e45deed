using Cooperation.Contracts.Common;
using Cooperation.Contracts.DonorReports;
using Cooperation.Contracts.Submissions;
using Cooperation.Web.Forms;

namespace Cooperation.Tests.Web;

/// <summary>
/// The subscription form read into the domain's definition: choices by their names, the default
/// schedule without a cron, recipients one a line, a blank webhook as none, the domain's field names
/// mapped to the form's; and the domain refusing what the form sent, never the form itself.
/// </summary>
public sealed class SubscriptionFormReadingTests
{
    private static readonly Dictionary<string, string> Sent = new()
    {
        ["title"] = " Monthly progress ",
        ["scope"] = "partnership:haiphong-kitakyushu",
        ["cadence"] = "Quarterly",
        ["when"] = "default",
        ["cron"] = "0 7 20 * *",
        ["timeZone"] = "Asia/Tokyo",
        ["language"] = "Ja",
        ["basis"] = "Approved",
        ["recipients"] = "a@example.jp\r\n b@example.jp ;c@example.jp\n\n",
        ["webhookUrl"] = "  ",
    };

    private static SubscriptionFormReading Read(Dictionary<string, string> sent, params string[] formats) =>
        SubscriptionForm.Read("moej", field => sent.GetValueOrDefault(field, ""), field => field == "formats" ? formats : []);

    [Fact]
    public void A_filled_form_becomes_the_domains_definition()
    {
        var reading = Read(Sent, "PDF", "CSV");

        Assert.Empty(reading.Unreadable);
        var definition = reading.Definition;
        definition.Validate();
        Assert.Equal(new ReportScope(ReportScopeKind.Partnership, "haiphong-kitakyushu", ValueList<string>.Empty), definition.Scope);
        Assert.Equal(new ReportSchedule(ReportCadence.Quarterly, null, "Asia/Tokyo"), definition.Schedule);
        Assert.Equal("Monthly progress", definition.Title);
        Assert.Equal(ReportLanguage.Ja, definition.Language);
        Assert.Equal(ReportFormats.Pdf | ReportFormats.Csv, definition.Formats);
        Assert.Equal(FigureBasis.Approved, definition.Basis);
        Assert.Equal(["a@example.jp", "b@example.jp", "c@example.jp"], definition.Recipients);
        Assert.Null(definition.WebhookUrl);
    }

    [Theory]
    [InlineData("partnership:haiphong-kitakyushu")]
    [InlineData("programme:ggpp")]
    [InlineData("pilots:hp-compost")]
    [InlineData("pilots:hp-compost,jcm-nck-chillers")]
    public void A_scope_choice_reads_back_as_the_scope_it_names(string value) =>
        Assert.Equal(value, SubscriptionForm.ScopeValue(SubscriptionForm.Scope(value)!));

    [Fact]
    public void Choices_the_form_never_offers_are_unreadable_and_an_own_cron_goes_to_the_domain_as_sent()
    {
        var sent = new Dictionary<string, string>(Sent) { ["scope"] = "city:hai-phong", ["cadence"] = "1", ["language"] = "Klingon", ["when"] = "cron" };

        var reading = Read(sent, "PDF", "DOCX");

        Assert.Equal(["cadence", "formats", "language", "scope"], reading.Unreadable.Keys.Order());
        Assert.Equal("0 7 20 * *", reading.Definition.Schedule.Cron);
    }

    [Fact]
    public void The_domains_refusals_name_the_forms_fields()
    {
        var sent = new Dictionary<string, string>(Sent) { ["recipients"] = "a@example.jp\nnot-an-address", ["when"] = "cron", ["cron"] = "daily" };

        var reading = Read(sent, "PDF");
        var refused = Assert.Throws<InvalidFieldException>(() => reading.Definition.Validate());

        Assert.Equal("cron", reading.Fields[refused.Violations[0].Field]);
        Assert.Equal("recipients", reading.Fields["recipients[1]"]);
        Assert.Equal("timeZone", reading.Fields["schedule.time_zone"]);
    }
}
