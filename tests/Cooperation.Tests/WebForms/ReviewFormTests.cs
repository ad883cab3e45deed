using System.Net;
using System.Text.RegularExpressions;
using Cooperation.Contracts.Access;
using Cooperation.Contracts.DonorReports;
using Cooperation.Contracts.Pilots;
using Cooperation.Contracts.Submissions;
using Cooperation.Tests.Support;
using Cooperation.Tests.Web;
using static Cooperation.Tests.Web.WebPeople;

namespace Cooperation.Tests.WebForms;

/// <summary>
/// The office's side of the monthly cycle in the browser: the review inbox, the review page's
/// decisions through the pilot grain's ReviewPeriod (four eyes as the platform enforces it), and the
/// partner's side of a return: the comment on its home, the form pre-filled for the correction; and
/// the partner's drafts, kept per organisation until the update is submitted.
/// </summary>
[Collection(WebCollection.Name)]
public sealed partial class ReviewFormTests(WebFixture web)
{
    private const string Value = "kpi.compost-produced.value";

    private sealed record Setup(ApiWorld World, string PilotId, TestPerson Partner, TestPerson Office)
    {
        public string Form(string period) => $"/pilots/{PilotId}/update?period={period}";

        public string Review(string period) => $"/pilots/{PilotId}/review/{period}";
    }

    private async Task<Setup> PilotAsync(ReportLanguage language = ReportLanguage.En)
    {
        var world = await web.Api.CreateWorldAsync();
        var pilotId = await web.Api.CreatePilotWithKpiAsync(world);
        var partner = await ActiveAsync(web.Api, world.AgencyId, Role.PartnerAgency, language, name: "Tanaka Hiroshi");
        var office = await CityOfficeAsync(web.Api, world.FirstCityId, language);
        return new Setup(world, pilotId, partner, office);
    }

    private async Task<PeriodReview?> ReviewAsync(string pilotId, string period) =>
        (await web.Api.Cluster.Client.GetGrain<IPilotGrain>(pilotId).GetReporting()).Select(r => r.Review).FirstOrDefault(r => r.Period.ToString() == period);

    private static string Key(string html) => KeyPattern().Match(html).Groups[1].Value;

    private static async Task SubmitAsync(Browser browser, Setup setup, string period, string value, string note)
    {
        var form = await browser.GetAsync(setup.Form(period));
        var done = await browser.PostAsync(setup.Form(period), new Dictionary<string, string>
        {
            ["idempotency_key"] = Key(form.Html), [Value] = value, ["note"] = note, ["action"] = "submit",
        });
        Assert.Equal(HttpStatusCode.SeeOther, done.Status);
    }

    [Fact]
    public async Task The_office_returns_with_a_comment_the_partner_corrects_from_a_prefilled_form_and_the_office_approves()
    {
        var setup = await PilotAsync();
        using var partner = web.Browser();
        await partner.SignInAsync(setup.Partner);
        await SubmitAsync(partner, setup, "2025-01", "40", "From the weighbridge log.");

        using var office = web.Browser();
        await office.SignInAsync(setup.Office);
        var home = await office.GetAsync("/");
        Assert.Contains("1 awaiting review", Text(home.Html));
        var inbox = await office.GetAsync("/reviews");
        Assert.Equal(HttpStatusCode.OK, inbox.Status);
        Assert.Contains($"href=\"{setup.Review("2025-01")}\"", inbox.Html);

        var page = await office.GetAsync(setup.Review("2025-01"));
        Assert.Equal(HttpStatusCode.OK, page.Status);
        var text = Text(page.Html);
        Assert.Contains("<strong>40</strong>", text);
        Assert.Contains("From the weighbridge log.", text);
        Assert.Contains("Tanaka Hiroshi", text);
        Assert.Contains("name=\"decision\" value=\"return\"", page.Html);

        // A return without its comment: the domain's rule next to the field; nothing changes.
        var refused = await office.PostAsync(setup.Review("2025-01"), new Dictionary<string, string> { ["decision"] = "return", ["comment"] = " " });
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains("id=\"comment-error\">Please fill in this field.", Text(refused.Html));
        Assert.Equal(ReviewStatus.Submitted, (await ReviewAsync(setup.PilotId, "2025-01"))?.Status);

        var returned = await office.PostAsync(setup.Review("2025-01"), new Dictionary<string, string>
        {
            ["decision"] = "return", ["comment"] = "The weighbridge log says 42 t; please correct.",
        });
        Assert.Equal(HttpStatusCode.SeeOther, returned.Status);
        Assert.Equal(ReviewStatus.Returned, (await ReviewAsync(setup.PilotId, "2025-01"))?.Status);

        // The partner's home shows the comment and the way back to the form, which starts from what was submitted.
        var partnerHome = Text((await partner.GetAsync("/")).Html);
        Assert.Contains("Returned to you for correction", partnerHome);
        Assert.Contains("The weighbridge log says 42 t; please correct.", partnerHome);
        Assert.Contains($"href=\"{setup.Form("2025-01")}\"", partnerHome);
        var correction = await partner.GetAsync(setup.Form("2025-01"));
        Assert.Contains($"name=\"{Value}\" inputmode=\"decimal\" value=\"40\"", correction.Html);
        Assert.Contains(">From the weighbridge log.</textarea>", Text(correction.Html));
        Assert.Contains("The weighbridge log says 42 t; please correct.", Text(correction.Html));
        await SubmitAsync(partner, setup, "2025-01", "42", "Corrected from the weighbridge log.");
        Assert.Equal(ReviewStatus.Submitted, (await ReviewAsync(setup.PilotId, "2025-01"))?.Status);

        Assert.Contains($"href=\"{setup.Review("2025-01")}\"", (await office.GetAsync("/reviews")).Html);
        Assert.Contains("Corrected from", Text((await office.GetAsync(setup.Review("2025-01"))).Html));
        var approved = await office.PostAsync(setup.Review("2025-01"), new Dictionary<string, string> { ["decision"] = "approve", ["comment"] = "" });
        Assert.Equal(HttpStatusCode.SeeOther, approved.Status);
        var review = await ReviewAsync(setup.PilotId, "2025-01");
        Assert.Equal(ReviewStatus.Approved, review?.Status);
        Assert.Equal(42, Assert.Single(review!.ApprovedReadings).Value);
        var steps = Text((await office.GetAsync(approved.Location!)).Html);
        Assert.Contains("Approved. The period is locked", steps);
        // Submitted, returned, submitted, approved: each step of the period, oldest first.
        Assert.Equal(["Submitted", "Returned", "Submitted", "Approved"], StepPattern().Matches(steps).Select(m => m.Groups[1].Value));

        // Approving twice (a double click, the form's token reused): the second is told the period changed, nothing more happens.
        await office.GetAsync(setup.Review("2025-01"));
        var again = await office.PostAsync(setup.Review("2025-01"), new Dictionary<string, string> { ["decision"] = "approve" });
        Assert.Equal(HttpStatusCode.BadRequest, again.Status);
        Assert.Contains("This period changed meanwhile", Text(again.Html));
    }

    [Fact]
    public async Task The_organisation_that_submitted_may_not_decide_and_the_page_says_why()
    {
        var setup = await PilotAsync(ReportLanguage.Vi);
        using var office = web.Browser();
        await office.SignInAsync(setup.Office);
        await SubmitAsync(office, setup, "2025-02", "40", "Entered by the office.");

        var page = await office.GetAsync(setup.Review("2025-02"));
        Assert.Contains("Tổ chức của bạn đã nộp cập nhật này", Text(page.Html));
        Assert.DoesNotContain("name=\"decision\"", page.Html);
        var refused = await office.PostAsync(setup.Review("2025-02"), new Dictionary<string, string> { ["decision"] = "approve", ["comment"] = "ok" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains("Tổ chức của bạn đã nộp cập nhật này", Text(refused.Html));
        Assert.Equal(ReviewStatus.Submitted, (await ReviewAsync(setup.PilotId, "2025-02"))?.Status);

        // The partner reads the review page, without a decision form.
        using var partner = web.Browser();
        await partner.SignInAsync(setup.Partner);
        var partnerView = await partner.GetAsync(setup.Review("2025-02"));
        Assert.Equal(HttpStatusCode.OK, partnerView.Status);
        Assert.DoesNotContain("name=\"decision\"", partnerView.Html);
        // A period that names none is a page that does not exist.
        Assert.Equal(HttpStatusCode.NotFound, (await partner.GetAsync($"/pilots/{setup.PilotId}/review/N-A")).Status);
    }

    [Fact]
    public async Task A_draft_is_kept_for_its_organisation_only_and_submitting_turns_it_into_the_update()
    {
        var setup = await PilotAsync();
        using var partner = web.Browser();
        await partner.SignInAsync(setup.Partner);
        var form = await partner.GetAsync(setup.Form("2025-03"));
        // A draft keeps what was typed, even what a submission would refuse.
        var saved = await partner.PostAsync(setup.Form("2025-03"), new Dictionary<string, string>
        {
            ["idempotency_key"] = Key(form.Html), [Value] = "1,5", ["note"] = "Half done.", ["action"] = "draft",
        });
        Assert.Equal(HttpStatusCode.OK, saved.Status);
        Assert.Contains("Draft saved", Text(saved.Html));
        Assert.Null(await ReviewAsync(setup.PilotId, "2025-03"));

        var back = await partner.GetAsync(setup.Form("2025-03"));
        Assert.Contains($"name=\"{Value}\" inputmode=\"decimal\" value=\"1,5\"", back.Html);
        Assert.Contains("your organisation&#x27;s draft", back.Html);

        // Another organisation that reports on the pilot sees its own form, not this draft.
        using var office = web.Browser();
        await office.SignInAsync(setup.Office);
        var officeForm = await office.GetAsync(setup.Form("2025-03"));
        Assert.DoesNotContain("1,5", officeForm.Html);
        Assert.DoesNotContain("Half done.", officeForm.Html);

        Assert.Equal(1, await DraftsStoredAsync(setup.PilotId));

        await SubmitAsync(partner, setup, "2025-03", "1.5", "Half done.");
        var after = await partner.GetAsync(setup.Form("2025-03"));
        Assert.DoesNotContain("your organisation&#x27;s draft", after.Html);
        Assert.Contains($"name=\"{Value}\" inputmode=\"decimal\" value=\"1.5\"", after.Html);
        Assert.Equal(0, await DraftsStoredAsync(setup.PilotId));
    }

    // Drafts kept in grain storage for the pilot's March (a cleared one keeps its row without a payload).
    private Task<long> DraftsStoredAsync(string pilotId) => web.Api.Cluster.Postgres.ScalarAsync<long>(
        "SELECT count(*) FROM orleansstorage WHERE payloadbinary IS NOT NULL AND grainidextensionstring LIKE @key", ("key", $"%{pilotId}|2025-03|%"));

    [Fact]
    public async Task Numbers_are_read_in_the_persons_language_and_a_locked_period_takes_nothing()
    {
        var setup = await PilotAsync();
        using var partner = web.Browser();
        await partner.SignInAsync(setup.Partner);
        foreach (var typed in new[] { "1,5", "N/A", "" })
        {
            var form = await partner.GetAsync(setup.Form("2025-04"));
            var refused = await partner.PostAsync(setup.Form("2025-04"), new Dictionary<string, string>
            {
                ["idempotency_key"] = Key(form.Html), [Value] = typed, ["action"] = "submit",
            });
            Assert.Equal(HttpStatusCode.OK, refused.Status);
            // "1,5" and "N/A" are no English numbers; an empty form reports nothing: each named next to its field.
            Assert.Contains(typed.Length > 0 ? $"id=\"{Value}-error\">Enter a number with a dot" : "id=\"note-error\">Enter at least one reading", Text(refused.Html));
        }
        Assert.Null(await ReviewAsync(setup.PilotId, "2025-04"));
        // A period the address cannot name: 400, the message next to the period, the default period's form.
        var bogus = await partner.GetAsync(setup.Form("April"));
        Assert.Equal(HttpStatusCode.BadRequest, bogus.Status);
        Assert.Contains("id=\"period-error\"", bogus.Html);

        // A Vietnamese person's "1,5" is one and a half.
        var vietnamese = await ActiveAsync(web.Api, setup.World.AgencyId, Role.PartnerAgency, ReportLanguage.Vi);
        using var vi = web.Browser();
        await vi.SignInAsync(vietnamese);
        await SubmitAsync(vi, setup, "2025-04", "1,5", "Một nửa.");
        var stored = (await web.Api.Cluster.Client.GetGrain<IPilotGrain>(setup.PilotId).ListKpiSeries()).Single().Periods.Single();
        Assert.Equal(1.5, stored.Value);
        Assert.Contains($"value=\"1,5\"", (await vi.GetAsync(setup.Form("2025-04"))).Html);

        // Approved, the period is locked: the form says so and stores nothing.
        using var office = web.Browser();
        await office.SignInAsync(setup.Office);
        await office.GetAsync(setup.Review("2025-04"));
        await office.PostAsync(setup.Review("2025-04"), new Dictionary<string, string> { ["decision"] = "approve" });
        Assert.Equal(ReviewStatus.Approved, (await ReviewAsync(setup.PilotId, "2025-04"))?.Status);
        var locked = await partner.GetAsync(setup.Form("2025-04"));
        var closed = await partner.PostAsync(setup.Form("2025-04"), new Dictionary<string, string>
        {
            ["idempotency_key"] = Key(locked.Html), [Value] = "2", ["action"] = "submit",
        });
        Assert.Equal(HttpStatusCode.OK, closed.Status);
        Assert.Contains("approved and locked", Text(closed.Html));
        Assert.Equal(1, (await ReviewAsync(setup.PilotId, "2025-04"))?.Submissions);
    }

    [Fact]
    public async Task A_breakdown_must_add_up_to_the_value_and_comes_back_for_a_correction()
    {
        var world = await web.Api.CreateWorldAsync();
        var pilotId = Ids.New("pilot");
        await web.Api.Pilots.CreatePilotAsync(Requests.Pilot(pilotId, world));
        var kpi = Requests.Kpi(pilotId);
        kpi.Dimensions.Add("waste-stream");
        await web.Api.Kpis.DefineKpiAsync(kpi);
        var person = await ActiveAsync(web.Api, world.AgencyId, Role.PartnerAgency, ReportLanguage.Vi);
        using var partner = web.Browser();
        await partner.SignInAsync(person);
        var path = $"/pilots/{pilotId}/update?period=2025-05";
        const string market = "kpi.compost-produced.breakdown.waste-stream.0";
        const string households = "kpi.compost-produced.breakdown.waste-stream.1";
        var form = await partner.GetAsync(path);
        Assert.Contains($"name=\"{market}.category\"", form.Html);
        Dictionary<string, string> Sent(string second) => new()
        {
            ["idempotency_key"] = Key(form.Html), [Value] = "10", ["action"] = "submit",
            [$"{market}.category"] = "chợ", [$"{market}.value"] = "4,5", [$"{households}.category"] = "hộ gia đình", [$"{households}.value"] = second,
        };

        var refused = await partner.PostAsync(path, Sent("5"));
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        var message = Regex.Match(Text(refused.Html), "id=\"kpi.compost-produced.breakdown-error\">([^<]*)<").Groups[1].Value;
        Assert.True(message.StartsWith("Tổng các phần theo 'waste-stream' là 9.5", StringComparison.Ordinal), message);
        Assert.Equal(0, await web.Api.Cluster.StoredReadingsAsync($"pilots/{pilotId}"));

        var stored = await partner.PostAsync(path, Sent("5,5"));
        Assert.Equal(HttpStatusCode.SeeOther, stored.Status);
        var reading = (await web.Api.Cluster.Client.GetGrain<IPilotGrain>(pilotId).ListKpiSeries()).Single().Periods.Single();
        Assert.Equal([("chợ", 4.5), ("hộ gia đình", 5.5)], reading.Breakdown.Select(b => (b.Category, b.Value)));
        var again = await partner.GetAsync(path);
        Assert.Contains($"name=\"{households}.value\" value=\"5,5\"", again.Html);
    }

    [Fact]
    public async Task A_milestones_progress_is_reported_on_its_own_with_the_domains_rules_next_to_the_fields()
    {
        var setup = await PilotAsync(ReportLanguage.Vi);
        await web.Api.Pilots.AddMilestoneAsync(new() { PilotId = setup.PilotId, MilestoneId = "plant", Title = new() { En = "Plant built", Vi = "Xây xong nhà máy" }, PlannedDate = "2025-03-31" });
        var path = $"/pilots/{setup.PilotId}/milestones/plant";
        using var partner = web.Browser();
        await partner.SignInAsync(setup.Partner);
        Assert.Contains($"href=\"{path}\"", (await partner.GetAsync($"/pilots/{setup.PilotId}")).Html);
        await partner.GetAsync(path);

        // Done without the day it was done: the domain's rule, in Vietnamese, next to the date; nothing stored.
        var refused = await partner.PostAsync(path, new Dictionary<string, string> { ["milestone.plant.status"] = "Done", ["milestone.plant.actual_date"] = "" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains("id=\"milestone.plant.actual_date-error\"", refused.Html);
        var milestone = (await web.Api.Cluster.Client.GetGrain<IPilotGrain>(setup.PilotId).Get()).Milestones.Single();
        Assert.NotEqual(MilestoneStatus.Done, milestone.Progress.Status);

        var done = await partner.PostAsync(path, new Dictionary<string, string>
        {
            ["milestone.plant.status"] = "Done", ["milestone.plant.actual_date"] = "2025-03-20", ["milestone.plant.evidence_link"] = "https://example.org/plant.jpg",
        });
        Assert.Equal(HttpStatusCode.SeeOther, done.Status);
        milestone = (await web.Api.Cluster.Client.GetGrain<IPilotGrain>(setup.PilotId).Get()).Milestones.Single();
        Assert.Equal((MilestoneStatus.Done, new DateOnly(2025, 3, 20)), (milestone.Progress.Status, milestone.Progress.ActualDate));

        // The office reads the pilot but the pilot does not let a stranger report: 403, and an unknown milestone 404.
        Assert.Equal(HttpStatusCode.NotFound, (await partner.GetAsync($"/pilots/{setup.PilotId}/milestones/nope")).Status);
        var donor = await ActiveAsync(web.Api, setup.World.DonorId, Role.Donor);
        using var outsider = web.Browser();
        await outsider.SignInAsync(donor);
        Assert.Equal(HttpStatusCode.Forbidden, (await outsider.GetAsync(path)).Status);
    }

    [GeneratedRegex("<li>\\s*<strong>([^<]+)</strong>")]
    private static partial Regex StepPattern();

    [GeneratedRegex("name=\"idempotency_key\" value=\"([^\"]+)\"")]
    private static partial Regex KeyPattern();
}
