using System.Net;
using Cooperation.Contracts.Access;
using Cooperation.Contracts.Common;
using Cooperation.Contracts.DonorReports;
using Cooperation.Contracts.Kpis;
using Cooperation.Contracts.Partnerships;
using Cooperation.Contracts.Pilots;
using Cooperation.Tests.Support;
using Cooperation.Tests.Web;
using static Cooperation.Tests.Web.WebPeople;

namespace Cooperation.Tests.WebForms;

/// <summary>
/// A city office manages a pilot on its page: moves its status with a reason, adds milestones and
/// funding lines, through the pilot grain's calls as the person. Each form: it stores what was sent;
/// a field the domain refuses is named next to it in the person's language and nothing is stored;
/// a person without the right sees no form and is refused.
/// </summary>
[Collection(WebCollection.Name)]
public sealed partial class ManageFormTests(WebFixture web)
{
    private sealed record Setup(ApiWorld World, string PilotId, TestPerson Office)
    {
        public string Page => $"/pilots/{PilotId}";

        public string Handler(string name) => $"/pilots/{PilotId}?handler={name}";
    }

    private async Task<Setup> PilotAsync(ReportLanguage language = ReportLanguage.En)
    {
        var world = await web.Api.CreateWorldAsync();
        var pilotId = await web.Api.CreatePilotWithKpiAsync(world);
        var office = await CityOfficeAsync(web.Api, world.FirstCityId, language);
        return new Setup(world, pilotId, office);
    }

    private Task<PilotView> StoredAsync(string pilotId) => web.Api.Cluster.Client.GetGrain<IPilotGrain>(pilotId).Get();

    private Task<long> EventsAsync(string pilotId) => web.Api.Cluster.Postgres.ScalarAsync<long>(
        "SELECT count(*) FROM entity_event WHERE entity_type = 'pilot' AND entity_id = @id", ("id", pilotId));

    private async Task<Browser> SignedInAsync(TestPerson person)
    {
        var browser = web.Browser();
        await browser.SignInAsync(person);
        return browser;
    }

    // Posts a form of the pilot page as the page would (its token from the page read first).
    private static async Task<WebPage> PostAsync(Browser browser, Setup setup, string handler, Dictionary<string, string> fields)
    {
        await browser.GetAsync(setup.Page);
        return await browser.PostAsync(setup.Handler(handler), fields);
    }

    private static void AssertRefused(WebPage page, string field, string message)
    {
        Assert.True(page.Status == HttpStatusCode.BadRequest, $"expected 400, got {(int)page.Status}");
        Assert.Contains($"id=\"{field}-error\"", page.Html);
        Assert.Contains($"aria-describedby=\"{field}-error\"", page.Html.Replace($"{field}-hint ", "", StringComparison.Ordinal));
        Assert.Contains(message, Text(page.Html));
    }

    [Fact]
    public async Task An_office_moves_a_pilots_status_with_a_reason_and_the_page_shows_it()
    {
        var setup = await PilotAsync();
        using var browser = await SignedInAsync(setup.Office);
        var page = await browser.GetAsync(setup.Page);
        Assert.Contains("handler=Status", page.Html);
        // Only the moves the lifecycle allows from Proposed are offered.
        Assert.Contains("<option value=\"Approved\">", page.Html);
        Assert.DoesNotContain("<option value=\"Completed\">", page.Html);

        var done = await PostAsync(browser, setup, "Status", new() { ["status"] = "Approved", ["statusReason"] = "Approved by the city's steering committee." });
        AssertRedirect(done, $"/pilots/{setup.PilotId}?changed=status");
        var pilot = await StoredAsync(setup.PilotId);
        Assert.Equal(PilotStatus.Approved, pilot.Status);
        Assert.Equal("Approved by the city's steering committee.", Assert.Single(pilot.StatusHistory).Reason);
        var shown = Text((await browser.GetAsync(done.Location!)).Html);
        Assert.Contains("The pilot's status was changed.", shown);
        Assert.Contains("Approved by the city's steering committee.", shown);
    }

    [Fact]
    public async Task A_cancellation_without_a_reason_is_refused_next_to_the_reason_in_the_persons_language_and_nothing_is_stored()
    {
        var setup = await PilotAsync(ReportLanguage.Vi);
        using var browser = await SignedInAsync(setup.Office);
        var events = await EventsAsync(setup.PilotId);

        var refused = await PostAsync(browser, setup, "Status", new() { ["status"] = "Cancelled", ["statusReason"] = "  " });
        AssertRefused(refused, "statusReason", "Hãy nêu lý do hủy thí điểm.");
        var future = await PostAsync(browser, setup, "Status", new() { ["status"] = "Approved", ["statusEffectiveOn"] = "2999-01-01" });
        Assert.Equal(HttpStatusCode.BadRequest, future.Status);
        Assert.Contains("id=\"statusEffectiveOn-error\"", future.Html);
        Assert.Contains("tại thành phố của thí điểm", Text(future.Html));
        var unknown = await PostAsync(browser, setup, "Status", new() { ["status"] = "Finished" });
        AssertRefused(unknown, "status", "Hãy chọn một trong các lựa chọn.");
        // A move the lifecycle refuses (sent by hand: the list never offers it) is the form's message.
        var skipped = await PostAsync(browser, setup, "Status", new() { ["status"] = "Completed" });
        Assert.Equal(HttpStatusCode.BadRequest, skipped.Status);
        Assert.Contains("class=\"problem\" role=\"alert\"", skipped.Html);

        Assert.Equal(PilotStatus.Proposed, (await StoredAsync(setup.PilotId)).Status);
        Assert.Equal(events, await EventsAsync(setup.PilotId));
    }

    [Fact]
    public async Task An_office_adds_a_milestone_and_a_refused_one_stores_nothing()
    {
        var setup = await PilotAsync(ReportLanguage.Ja);
        using var browser = await SignedInAsync(setup.Office);

        var done = await PostAsync(browser, setup, "Milestone", new()
        {
            ["milestoneTitle"] = "用地の準備完了", ["milestoneId"] = "site-ready", ["milestonePlannedDate"] = "2027-03-31",
        });
        AssertRedirect(done, $"/pilots/{setup.PilotId}?changed=milestone");
        var milestone = Assert.Single((await StoredAsync(setup.PilotId)).Milestones).Definition;
        Assert.Equal(new MilestoneDefinition("site-ready", new LocalizedText(null, "用地の準備完了", null), new DateOnly(2027, 3, 31)), milestone);
        Assert.Contains("用地の準備完了", Text((await browser.GetAsync(done.Location!)).Html));

        var events = await EventsAsync(setup.PilotId);
        var blank = await PostAsync(browser, setup, "Milestone", new()
        {
            ["milestoneTitle"] = " ", ["milestoneId"] = "Site Ready", ["milestonePlannedDate"] = "31/03/2027",
        });
        AssertRefused(blank, "milestoneTitle", "この項目を入力してください。");
        AssertRefused(blank, "milestoneId", "英小文字・数字・ハイフン");
        AssertRefused(blank, "milestonePlannedDate", "2026-12-01 のような形式で");
        var taken = await PostAsync(browser, setup, "Milestone", new()
        {
            ["milestoneTitle"] = "別の題", ["milestoneId"] = "site-ready", ["milestonePlannedDate"] = "2027-04-30",
        });
        AssertRefused(taken, "milestoneId", "このIDは別のマイルストーンで使われています。");
        Assert.Contains("value=\"別の題\"", taken.Html);   // what was sent is shown again
        Assert.Single((await StoredAsync(setup.PilotId)).Milestones);
        Assert.Equal(events, await EventsAsync(setup.PilotId));
    }

    [Fact]
    public async Task An_office_sets_a_funding_line_and_a_comma_amount_an_unknown_donor_or_no_donor_stores_nothing()
    {
        var setup = await PilotAsync();
        using var browser = await SignedInAsync(setup.Office);
        var events = await EventsAsync(setup.PilotId);
        Dictionary<string, string> Line(string donor, string committed, string disbursed = "") => new()
        {
            ["lineId"] = "moej-2026", ["lineDonor"] = donor, ["lineCurrency"] = "Jpy", ["lineCommitted"] = committed, ["lineDisbursed"] = disbursed,
        };

        AssertRefused(await PostAsync(browser, setup, "Funding", Line(setup.World.DonorId, "1,5")), "lineCommitted", "with a dot for decimals");
        AssertRefused(await PostAsync(browser, setup, "Funding", Line(setup.World.DonorId, "N/A")), "lineCommitted", "with a dot for decimals");
        AssertRefused(await PostAsync(browser, setup, "Funding", Line(setup.World.DonorId, "100", "200")), "lineDisbursed",
            "The disbursed amount must be between 0 and the committed amount.");
        AssertRefused(await PostAsync(browser, setup, "Funding", Line("nobody-" + setup.PilotId, "100")), "lineDonor", "There is no organisation with the id");
        AssertRefused(await PostAsync(browser, setup, "Funding", Line(setup.World.AgencyId, "100")), "lineDonor", "is not a donor organisation.");
        Assert.Empty((await StoredAsync(setup.PilotId)).FundingLines);
        Assert.Equal(events, await EventsAsync(setup.PilotId));

        var done = await PostAsync(browser, setup, "Funding", Line(setup.World.DonorId, "30000000", "1500000.50"));
        AssertRedirect(done, $"/pilots/{setup.PilotId}?changed=funding");
        var line = Assert.Single((await StoredAsync(setup.PilotId)).FundingLines);
        Assert.Equal(new FundingLine("moej-2026", setup.World.DonorId, Currency.Jpy, 30_000_000m, 1_500_000.50m), line);
        // The same id again replaces the line.
        AssertRedirect(await PostAsync(browser, setup, "Funding", Line(setup.World.DonorId, "40000000")), $"/pilots/{setup.PilotId}?changed=funding");
        Assert.Equal(40_000_000m, Assert.Single((await StoredAsync(setup.PilotId)).FundingLines).Committed);
    }

    [Fact]
    public async Task A_partner_sees_no_management_form_and_its_posts_are_refused()
    {
        var setup = await PilotAsync();
        var partner = await ActiveAsync(web.Api, setup.World.AgencyId, Role.PartnerAgency);
        using var browser = await SignedInAsync(partner);
        var page = await browser.GetAsync(setup.Page);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.DoesNotContain("handler=Status", page.Html);
        Assert.DoesNotContain("handler=Milestone", page.Html);
        Assert.DoesNotContain("handler=Funding", page.Html);
        var events = await EventsAsync(setup.PilotId);

        Assert.Equal(HttpStatusCode.Forbidden, (await browser.PostAsync(setup.Handler("Status"),
            new Dictionary<string, string> { ["status"] = "Approved" })).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await browser.PostAsync(setup.Handler("Milestone"), new Dictionary<string, string>
        {
            ["milestoneTitle"] = "Site ready", ["milestoneId"] = "site-ready", ["milestonePlannedDate"] = "2027-03-31",
        })).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await browser.PostAsync(setup.Handler("Kpi"), Kpi("households", "households", "1000"))).Status);
        // Another city's office may not read the pilot at all.
        var stranger = await CityOfficeAsync(web.Api, (await web.Api.CreateWorldAsync()).FirstCityId);
        using var other = await SignedInAsync(stranger);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync(setup.Page)).Status);
        Assert.Equal(events, await EventsAsync(setup.PilotId));
        Assert.Equal(PilotStatus.Proposed, (await StoredAsync(setup.PilotId)).Status);
    }

    private static Dictionary<string, string> NewPilot(ApiWorld world, string pilotId, string title) => new()
    {
        ["kind"] = "Compost", ["title"] = title, ["pilotId"] = pilotId, ["programme"] = world.ProgrammeId, ["city"] = world.FirstCityId,
        ["location"] = "Trang Cat landfill", ["frequency"] = "Monthly", ["lead"] = world.AgencyId,
    };

    // The form's fields with the template boxes ticked for <paramref name="codes"/>.
    private static List<KeyValuePair<string, string>> Ticking(Dictionary<string, string> fields, IEnumerable<string> codes) =>
        [.. fields, .. codes.Select(c => KeyValuePair.Create("templates", c))];

    [Fact]
    public async Task An_office_creates_a_pilot_with_its_kinds_kpi_templates_or_without_them()
    {
        var setup = await PilotAsync();
        var world = setup.World;
        using var browser = await SignedInAsync(setup.Office);
        var form = $"/partnerships/{world.PartnershipId}/pilots/new";
        Assert.Contains($"href=\"{form}\"", (await browser.GetAsync($"/partnerships/{world.PartnershipId}")).Html);
        var page = await browser.GetAsync(form + "?kind=Compost");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        var templates = Contracts.Pilots.Kinds.PilotKinds.Of(PilotKind.Compost).KpiTemplates;
        foreach (var template in templates)
            Assert.Contains(template.Name.En!, Text(page.Html));
        foreach (var template in templates)
            Assert.Contains($"name=\"templates\" value=\"{template.Code}\" checked", page.Html);

        var withTemplates = Ids.New("pilot");
        var done = await browser.PostAsync(form, Ticking(NewPilot(world, withTemplates, "Compost at Trang Cat"), templates.Select(t => t.Code)));
        AssertRedirect(done, $"/pilots/{withTemplates}?changed=created");
        var created = await StoredAsync(withTemplates);
        Assert.Equal(templates.Select(t => t.Code), created.Kpis.Select(k => k.Definition.Code));
        Assert.Equal(new LocalizedText(null, null, "Compost at Trang Cat"), created.Definition.Title);
        Assert.Equal(world.AgencyId, created.Definition.LeadOrganisationId);
        Assert.Contains("The pilot was created.", Text((await browser.GetAsync(done.Location!)).Html));

        var without = Ids.New("pilot");
        await browser.GetAsync(form);
        AssertRedirect(await browser.PostAsync(form, NewPilot(world, without, "Compost, no templates")), $"/pilots/{without}?changed=created");
        Assert.Empty((await StoredAsync(without)).Kpis);

        // Some of them: the pilot starts with those ticked; a box the kind has no template for is refused next to the templates.
        var some = Ids.New("pilot");
        await browser.GetAsync(form);
        var unknown = await browser.PostAsync(form, Ticking(NewPilot(world, some, "Compost, some"), [templates[0].Code, "no-such-kpi"]));
        AssertRefused(unknown, "templates", "no-such-kpi");
        Assert.Equal(0, await EventsAsync(some));
        AssertRedirect(await browser.PostAsync(form, Ticking(NewPilot(world, some, "Compost, some"), [templates[^1].Code])), $"/pilots/{some}?changed=created");
        Assert.Equal([templates[^1].Code], (await StoredAsync(some)).Kpis.Select(k => k.Definition.Code));
    }

    [Fact]
    public async Task A_refused_pilot_names_its_fields_in_the_persons_language_and_stores_nothing()
    {
        var setup = await PilotAsync(ReportLanguage.Vi);
        var world = setup.World;
        using var browser = await SignedInAsync(setup.Office);
        var form = $"/partnerships/{world.PartnershipId}/pilots/new";
        await browser.GetAsync(form);
        var pilotId = Ids.New("pilot");
        var fields = NewPilot(world, "Pilot 1", " ");
        fields["location"] = " trailing ";
        var refused = await browser.PostAsync(form, fields);
        AssertRefused(refused, "title", "Vui lòng điền vào trường này.");
        AssertRefused(refused, "pilotId", "Dùng 1–64 chữ thường");
        // The grain's own rules (a city outside the partnership, an unknown lead): next to their fields.
        fields = NewPilot(world, pilotId, "Phân compost");
        fields["city"] = "nowhere";
        AssertRefused(await browser.PostAsync(form, fields), "city", "");
        fields = NewPilot(world, pilotId, "Phân compost");
        fields["lead"] = "nobody-" + pilotId;
        AssertRefused(await browser.PostAsync(form, fields), "lead", "nobody-" + pilotId);
        // An id in use with other content.
        fields = NewPilot(world, setup.PilotId, "Phân compost");
        AssertRefused(await browser.PostAsync(form, fields), "pilotId", "Một thí điểm khác đã dùng mã này");
        await Assert.ThrowsAsync<EntityNotFoundException>(() => StoredAsync(pilotId));
    }

    [Fact]
    public async Task A_partner_may_not_create_a_pilot()
    {
        var setup = await PilotAsync();
        var world = setup.World;
        var form = $"/partnerships/{world.PartnershipId}/pilots/new";
        using var adminBrowser = await SignedInAsync(await AdminAsync(web.Api));
        Assert.Contains("name=\"pilotId\"", (await adminBrowser.GetAsync(form)).Html);
        // A member partner reads the partnership: it sees why it has no form, and the grain refuses its post.
        await web.Api.Cluster.Client.GetGrain<IPartnershipGrain>(world.PartnershipId).SetMember(new PartnershipMember(world.AgencyId, PartnershipRole.Implementer));
        using var browser = await SignedInAsync(await ActiveAsync(web.Api, world.AgencyId, Role.PartnerAgency));
        Assert.DoesNotContain($"href=\"{form}\"", (await browser.GetAsync($"/partnerships/{world.PartnershipId}")).Html);
        var page = await browser.GetAsync(form);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Only the offices of the partnership's cities and admins create pilots in it.", Text(page.Html));
        Assert.DoesNotContain("name=\"pilotId\"", page.Html);
        var pilotId = Ids.New("pilot");
        var refused = await browser.PostAsync(form, NewPilot(world, pilotId, "Compost"));
        Assert.True(refused.Status is HttpStatusCode.Forbidden, $"got {(int)refused.Status}");
        await Assert.ThrowsAsync<EntityNotFoundException>(() => StoredAsync(pilotId));
    }

    private static Dictionary<string, string> Kpi(string code, string unit, string target, string baseline = "0") => new()
    {
        ["kpiName"] = "Households served", ["kpiCode"] = code, ["kpiUnit"] = unit, ["kpiMeasure"] = "Number",
        ["kpiDirection"] = "HigherIsBetter", ["kpiAggregation"] = "Cumulative",
        ["kpiBaselineValue"] = baseline, ["kpiBaselineDate"] = "2025-01-01", ["kpiTargetValue"] = target, ["kpiTargetDate"] = "2027-12-31",
        ["kpiDimensions"] = "district, income-group",
    };

    [Fact]
    public async Task An_office_adds_a_kpi_and_a_refused_one_names_its_fields_in_japanese_and_stores_nothing()
    {
        var setup = await PilotAsync(ReportLanguage.Ja);
        using var browser = await SignedInAsync(setup.Office);
        var events = await EventsAsync(setup.PilotId);

        AssertRefused(await PostAsync(browser, setup, "Kpi", Kpi("households", "households", "500", baseline: "800")), "kpiTargetValue",
            "目標値は基準値より高くしてください（高いほど良い）。");
        var comma = await PostAsync(browser, setup, "Kpi", Kpi("households", " ", "1,5"));
        AssertRefused(comma, "kpiTargetValue", "1.5");
        AssertRefused(comma, "kpiUnit", "");
        var noDate = Kpi("households", "households", "N/A");
        noDate["kpiTargetDate"] = "";
        var refused = await PostAsync(browser, setup, "Kpi", noDate);
        AssertRefused(refused, "kpiTargetValue", "");
        AssertRefused(refused, "kpiTargetDate", "");
        var ratio = Kpi("households", "households", "1000");
        ratio["kpiAggregation"] = "Ratio";
        AssertRefused(await PostAsync(browser, setup, "Kpi", ratio), "kpiDimensions", "比率やはい／いいえのKPIは内訳に分けられません。");
        AssertRefused(await PostAsync(browser, setup, "Kpi", Kpi("compost-produced", "households", "1000")), "kpiCode", "このコードはこのパイロットの別のKPIで使われています。");
        Assert.Equal(events, await EventsAsync(setup.PilotId));

        var done = await PostAsync(browser, setup, "Kpi", Kpi("households", "households", "1000"));
        AssertRedirect(done, $"/pilots/{setup.PilotId}?changed=kpi");
        var kpi = (await StoredAsync(setup.PilotId)).Kpis.Single(k => k.Definition.Code == "households").Definition;
        Assert.Equal(new KpiPoint(1000, new DateOnly(2027, 12, 31)), kpi.Target);
        Assert.Equal(new KpiPoint(0, new DateOnly(2025, 1, 1)), kpi.Baseline);
        Assert.Equal(["district", "income-group"], kpi.Dimensions);
        Assert.Equal(Contracts.Kpis.KpiAggregation.Cumulative, kpi.Aggregation);
        Assert.Equal("Households served", kpi.Name.Ja);
    }

    [Fact]
    public async Task An_office_creates_a_programme_and_a_refused_one_stores_nothing()
    {
        var setup = await PilotAsync(ReportLanguage.Vi);
        var world = setup.World;
        using var browser = await SignedInAsync(setup.Office);
        var form = $"/partnerships/{world.PartnershipId}/programmes/new";
        Assert.Contains($"href=\"{form}\"", (await browser.GetAsync($"/partnerships/{world.PartnershipId}")).Html);
        await browser.GetAsync(form);
        var programmeId = Ids.New("programme");
        Dictionary<string, string> Programme(string start, string end, string window = "20") => new()
        {
            ["name"] = "Kế hoạch tăng trưởng xanh", ["programmeId"] = programmeId, ["start"] = start, ["end"] = end,
            ["frequency"] = "Quarterly", ["submissionWindowDays"] = window,
        };

        var refused = await browser.PostAsync(form, Programme("2026-01-01", "2025-12-31", "500"));
        AssertRefused(refused, "end", "Ngày kết thúc phải sau ngày bắt đầu.");
        var window = await browser.PostAsync(form, Programme("2026-01-01", "", "500"));
        AssertRefused(window, "submissionWindowDays", "Nhập từ 1 đến");
        AssertRefused(await browser.PostAsync(form, Programme("01/01/2026", "")), "start", "2026-12-01");
        var taken = Programme("2026-01-01", "");
        taken["programmeId"] = world.ProgrammeId;
        AssertRefused(await browser.PostAsync(form, taken), "programmeId", "Một chương trình khác đã dùng mã này");
        await Assert.ThrowsAsync<EntityNotFoundException>(() => web.Api.Cluster.Client.GetGrain<Contracts.Programmes.IProgrammeGrain>(programmeId).Get());

        var done = await browser.PostAsync(form, Programme("2026-01-01", "2030-12-31"));
        AssertRedirect(done, $"/partnerships/{world.PartnershipId}?created={programmeId}");
        var programme = await web.Api.Cluster.Client.GetGrain<Contracts.Programmes.IProgrammeGrain>(programmeId).Get();
        Assert.Equal(20, programme.Definition.SubmissionWindowDays);
        Assert.Equal(ReportingFrequency.Quarterly, programme.Definition.Frequency);
        Assert.Contains("Kế hoạch tăng trưởng xanh", Text((await browser.GetAsync($"/partnerships/{world.PartnershipId}")).Html));

        // A partner member reads the partnership but is refused the form and the post.
        await web.Api.Cluster.Client.GetGrain<IPartnershipGrain>(world.PartnershipId).SetMember(new PartnershipMember(world.AgencyId, PartnershipRole.Implementer));
        using var partner = await SignedInAsync(await ActiveAsync(web.Api, world.AgencyId, Role.PartnerAgency));
        Assert.DoesNotContain("name=\"programmeId\"", (await partner.GetAsync(form)).Html);
        var other = Programme("2026-01-01", "");
        other["programmeId"] = Ids.New("programme");
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.PostAsync(form, other)).Status);
    }
}
