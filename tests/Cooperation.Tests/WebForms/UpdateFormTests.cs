using System.Net;
using System.Text.RegularExpressions;
using Cooperation.Contracts.Access;
using Cooperation.Contracts.Common;
using Cooperation.Contracts.DonorReports;
using Cooperation.Contracts.Pilots;
using Cooperation.Contracts.Submissions;
using Cooperation.Tests.Support;
using Cooperation.Tests.Web;
using static Cooperation.Tests.Web.WebPeople;
using Proto = Cooperation.Contracts.Grpc;

namespace Cooperation.Tests.WebForms;

/// <summary>
/// The partner's update form (<c>/pilots/{id}/update</c>) submits through the pilot grain's
/// SubmitUpdate as the signed-in person: once per form, refused by the domain's rules next to the
/// fields, warned by its plausibility rules until confirmed, and only for those who may submit.
/// </summary>
[Collection(WebCollection.Name)]
public sealed partial class UpdateFormTests(WebFixture web)
{
    private const string Value = "kpi.compost-produced.value";

    private sealed record Setup(ApiWorld World, string PilotId, TestPerson Partner)
    {
        public string Form(string period) => $"/pilots/{PilotId}/update?period={period}";
    }

    private async Task<Setup> PilotAsync(ReportLanguage language = ReportLanguage.En)
    {
        var world = await web.Api.CreateWorldAsync();
        var pilotId = await web.Api.CreatePilotWithKpiAsync(world);
        var partner = await ActiveAsync(web.Api, world.AgencyId, Role.PartnerAgency, language);
        return new Setup(world, pilotId, partner);
    }

    private IPilotGrain Pilot(string id) => web.Api.Cluster.Client.GetGrain<IPilotGrain>(id);

    private async Task<int> SubmissionsAsync(string pilotId, string period) => (await ReviewAsync(pilotId, period))?.Submissions ?? 0;

    private async Task<PeriodReview?> ReviewAsync(string pilotId, string period) =>
        (await Pilot(pilotId).GetReporting()).Select(r => r.Review).FirstOrDefault(r => r.Period.ToString() == period);

    private Task<long> UpdatesStoredAsync(string pilotId) => web.Api.Cluster.Postgres.ScalarAsync<long>(
        "SELECT count(*) FROM entity_event WHERE entity_type = 'pilot' AND entity_id = @id AND idempotency_key LIKE 'web-%'", ("id", pilotId));

    private Task<long> ReadingsAsync(string pilotId) => web.Api.Cluster.StoredReadingsAsync($"pilots/{pilotId}");

    private static string Key(string html) => KeyPattern().Match(html).Groups[1].Value;

    private static string Token(string html) => WebUtility.HtmlDecode(TokenPattern().Match(html).Groups[1].Value);

    [Fact]
    public async Task A_partner_submits_an_update_and_the_pilots_reporting_shows_it_submitted()
    {
        var setup = await PilotAsync();
        using var browser = web.Browser();
        await browser.SignInAsync(setup.Partner);
        var pilotPage = await browser.GetAsync($"/pilots/{setup.PilotId}");
        Assert.Contains($"href=\"/pilots/{setup.PilotId}/update\"", pilotPage.Html);

        var form = await browser.GetAsync(setup.Form("2025-01"));
        Assert.Equal(HttpStatusCode.OK, form.Status);
        Assert.Contains($"<label for=\"{Value}\">", form.Html);
        Assert.Contains("<legend>Compost produced (t)</legend>", form.Html);
        Assert.Matches("name=\"idempotency_key\" value=\"web-[0-9a-f]{32}\"", form.Html);
        var done = await browser.PostAsync(setup.Form("2025-01"), new Dictionary<string, string>
        {
            ["idempotency_key"] = Key(form.Html), [Value] = "40", ["note"] = "40 t from the weighbridge log.",
        });

        Assert.Equal(HttpStatusCode.SeeOther, done.Status);
        Assert.StartsWith($"/pilots/{setup.PilotId}?updated=2025-01", done.Location);
        var review = await ReviewAsync(setup.PilotId, "2025-01");
        Assert.Equal(ReviewStatus.Submitted, review?.Status);
        Assert.Equal(setup.World.AgencyId, review?.LastSubmittedBy);
        Assert.Equal(1, await ReadingsAsync(setup.PilotId));
        var confirmed = await browser.GetAsync(done.Location!);
        Assert.Contains("Your update for", Text(confirmed.Html));
    }

    [Fact]
    public async Task Bad_values_get_their_message_next_to_the_field_in_the_persons_language_and_nothing_is_stored()
    {
        var setup = await PilotAsync(ReportLanguage.Vi);
        var rate = Requests.Kpi(setup.PilotId, "recycling-rate");
        rate.Unit = "%";
        rate.Measure = Proto.KpiMeasure.Percentage;
        rate.Aggregation = Proto.KpiAggregation.Level;
        rate.Baseline.Value = 10;
        rate.Target.Value = 50;
        await web.Api.Kpis.DefineKpiAsync(rate);
        using var browser = web.Browser();
        await browser.SignInAsync(setup.Partner);
        var form = await browser.GetAsync(setup.Form("2025-01"));

        var refused = await browser.PostAsync(setup.Form("2025-01"), new Dictionary<string, string>
        {
            ["idempotency_key"] = Key(form.Html), [Value] = "1.5", ["kpi.recycling-rate.value"] = "150",
        });

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        var html = Text(refused.Html);
        // A dot decimal where Vietnamese writes a comma: refused, not read as fifteen.
        Assert.Contains($"id=\"{Value}-error\">Nhập một số, dùng dấu phẩy", html);
        Assert.Contains("id=\"kpi.recycling-rate.value-error\">Nhập tỷ lệ phần trăm từ 0 đến 100.", html);
        Assert.Contains($"aria-describedby=\"kpi.recycling-rate.beside kpi.recycling-rate.value-error\"", html);
        Assert.Contains("value=\"1.5\"", html);
        Assert.Equal(0, await UpdatesStoredAsync(setup.PilotId));
        Assert.Equal(0, await SubmissionsAsync(setup.PilotId, "2025-01"));

        // An empty form reports nothing: the domain's rule, next to the note.
        var empty = await browser.PostAsync(setup.Form("2025-01"), new Dictionary<string, string> { ["idempotency_key"] = Key(form.Html) });
        Assert.Contains("id=\"note-error\">Nhập ít nhất một số liệu", Text(empty.Html));
        // A period that is not over, and one off the pilot's calendar: refused by the grain, shown, nothing stored.
        foreach (var period in new[] { "2099-01", "2025-Q1" })
        {
            var refusedPeriod = await browser.PostAsync(setup.Form(period), new Dictionary<string, string> { ["idempotency_key"] = Key(form.Html), [Value] = "40" });
            Assert.Equal(HttpStatusCode.OK, refusedPeriod.Status);
            Assert.Contains("role=\"alert\"", refusedPeriod.Html);
        }
        Assert.Equal(0, await UpdatesStoredAsync(setup.PilotId));
    }

    [Fact]
    public async Task A_plausibility_warning_is_shown_and_nothing_stored_until_the_partner_confirms()
    {
        var setup = await PilotAsync();
        using var browser = web.Browser();
        await browser.SignInAsync(setup.Partner);
        var january = await browser.GetAsync(setup.Form("2025-01"));
        await browser.PostAsync(setup.Form("2025-01"), new Dictionary<string, string> { ["idempotency_key"] = Key(january.Html), [Value] = "40" });

        var february = await browser.GetAsync(setup.Form("2025-02"));
        Assert.Contains("Previous period: 40", Text(february.Html));
        var fields = new Dictionary<string, string> { ["idempotency_key"] = Key(february.Html), [Value] = "400" };
        var warned = await browser.PostAsync(setup.Form("2025-02"), fields);

        Assert.Equal(HttpStatusCode.OK, warned.Status);
        Assert.Contains($"id=\"{Value}-warning\"", warned.Html);
        Assert.Contains("More than three times the previous period&#x27;s value.", warned.Html);
        Assert.Contains("name=\"confirm\" type=\"checkbox\"", warned.Html);
        Assert.Equal(1, await UpdatesStoredAsync(setup.PilotId));
        Assert.Equal(0, await SubmissionsAsync(setup.PilotId, "2025-02"));

        var confirmed = await browser.PostAsync(setup.Form("2025-02"), new Dictionary<string, string>(fields) { ["confirm"] = "yes" });
        Assert.Equal(HttpStatusCode.SeeOther, confirmed.Status);
        Assert.Equal(2, await UpdatesStoredAsync(setup.PilotId));
        Assert.Equal(ReviewStatus.Submitted, (await ReviewAsync(setup.PilotId, "2025-02"))?.Status);
    }

    [Fact]
    public async Task The_same_form_posted_twice_stores_one_update()
    {
        var setup = await PilotAsync();
        using var browser = web.Browser();
        await browser.SignInAsync(setup.Partner);
        var form = await browser.GetAsync(setup.Form("2025-01"));
        var fields = new Dictionary<string, string>
        {
            [Browser.TokenField] = Token(form.Html), ["idempotency_key"] = Key(form.Html), [Value] = "40", ["note"] = "Double click.",
        };

        var first = await browser.PostAsync(setup.Form("2025-01"), fields);
        var second = await browser.PostAsync(setup.Form("2025-01"), fields);

        Assert.Equal(HttpStatusCode.SeeOther, first.Status);
        Assert.Equal(HttpStatusCode.SeeOther, second.Status);
        Assert.Equal(1, await UpdatesStoredAsync(setup.PilotId));
        Assert.Equal(1, await ReadingsAsync(setup.PilotId));
        Assert.Equal(1, (await ReviewAsync(setup.PilotId, "2025-01"))?.Submissions);
    }

    [Fact]
    public async Task Those_who_may_not_submit_get_the_forbidden_page_and_nothing_changes()
    {
        var setup = await PilotAsync();
        // The pilot's donor reads the pilot but does not report on it: no link, and 403 on the form.
        await web.Api.Pilots.SetFundingLineAsync(new Proto.SetFundingLineRequest
        {
            PilotId = setup.PilotId, LineId = "moej", DonorOrganisationId = setup.World.DonorId, Currency = Proto.Currency.Jpy, Committed = "45000000", Disbursed = "0",
        });
        var donor = await ActiveAsync(web.Api, setup.World.DonorId, Role.Donor);
        var stranger = Ids.New("agency");
        await web.Api.Organisations.CreateOrganisationAsync(Requests.Organisation(stranger, setup.World.FirstCityId, Proto.OrganisationKind.PartnerAgency));
        var outsider = await ActiveAsync(web.Api, stranger, Role.PartnerAgency);

        foreach (var person in new[] { donor, outsider })
        {
            using var browser = web.Browser();
            await browser.SignInAsync(person);
            var home = await browser.GetAsync("/");
            var pilotPage = await browser.GetAsync($"/pilots/{setup.PilotId}");
            Assert.DoesNotContain($"/pilots/{setup.PilotId}/update", pilotPage.Html);
            var form = await browser.GetAsync(setup.Form("2025-01"));
            Assert.Equal(HttpStatusCode.Forbidden, form.Status);
            // With a valid token (any page's form has one), the post is refused as the page is.
            Assert.NotEmpty(Token(home.Html));
            var post = await browser.PostAsync(setup.Form("2025-01"), new Dictionary<string, string>
            {
                [Browser.TokenField] = Token(home.Html), ["idempotency_key"] = "web-forbidden", [Value] = "40",
            });
            Assert.Equal(HttpStatusCode.Forbidden, post.Status);
        }
        Assert.Equal(HttpStatusCode.OK, (await DonorPageStatusAsync(donor, setup.PilotId)));
        Assert.Equal(0, await UpdatesStoredAsync(setup.PilotId));
    }

    private async Task<HttpStatusCode> DonorPageStatusAsync(TestPerson donor, string pilotId)
    {
        using var browser = web.Browser();
        await browser.SignInAsync(donor);
        return (await browser.GetAsync($"/pilots/{pilotId}")).Status;
    }

    [Fact]
    public async Task A_form_without_its_anti_forgery_token_gets_400_and_nothing_changes()
    {
        var setup = await PilotAsync();
        using var browser = web.Browser();
        await browser.SignInAsync(setup.Partner);
        var form = await browser.GetAsync(setup.Form("2025-01"));

        var forged = await browser.PostAsync(setup.Form("2025-01"), new Dictionary<string, string>
        {
            ["idempotency_key"] = Key(form.Html), [Value] = "40",
        }, token: false);

        Assert.Equal(HttpStatusCode.BadRequest, forged.Status);
        Assert.Equal(0, await UpdatesStoredAsync(setup.PilotId));
        Assert.Equal(0, await SubmissionsAsync(setup.PilotId, "2025-01"));
    }

    [GeneratedRegex("name=\"idempotency_key\" value=\"([^\"]+)\"")]
    private static partial Regex KeyPattern();

    [GeneratedRegex("name=\"" + Browser.TokenField + "\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
