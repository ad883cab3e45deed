using System.Net;
using System.Text.RegularExpressions;
using Cooperation.Contracts.Access;
using Cooperation.Contracts.DonorReports;
using Cooperation.Reports.Delivery;
using Cooperation.Tests.Support;
using Cooperation.Tests.Web;
using Cooperation.Web.Words;
using Microsoft.Extensions.DependencyInjection;
using static Cooperation.Tests.Web.WebPeople;
using Proto = Cooperation.Contracts.Grpc;

namespace Cooperation.Tests.WebForms;

/// <summary>
/// Donors manage their report subscriptions in the browser (<c>/donors/{id}/subscriptions</c> and the
/// reports page): through the donor's subscriptions grain as the person, refused by the domain's
/// rules next to the fields in the person's language with nothing stored, refused to those who may
/// not manage them; the webhook secret shown on the answer to its making, once.
/// </summary>
[Collection(WebCollection.Name)]
public sealed partial class SubscriptionFormTests(WebFixture web)
{
    private static List<KeyValuePair<string, string>> Form(string subscriptionId, string partnershipId, params (string Name, string Value)[] changes)
    {
        var fields = new Dictionary<string, string>
        {
            ["subscription"] = subscriptionId,
            ["title"] = "Monthly progress",
            ["scope"] = "partnership:" + partnershipId,
            ["cadence"] = "Monthly",
            ["when"] = "default",
            ["cron"] = "",
            ["timeZone"] = "Asia/Tokyo",
            ["language"] = "Ja",
            ["basis"] = "All",
            ["recipients"] = "reports@example.jp\nsecond@example.jp",
            ["webhookUrl"] = "",
        };
        foreach (var (name, value) in changes.Where(c => c.Name != "formats"))
            fields[name] = value;
        var formats = changes.Any(c => c.Name == "formats") ? changes.Where(c => c.Name == "formats" && c.Value.Length > 0).Select(c => c.Value) : ["PDF", "CSV"];
        return [.. fields, .. formats.Select(f => new KeyValuePair<string, string>("formats", f))];
    }

    private static string NewSubscriptionId(WebPage form) => SubscriptionIdPattern().Match(form.Html).Groups[1].Value;

    private async Task<IReadOnlyList<Proto.Subscription>> StoredAsync(string donorId)
    {
        try
        {
            return [.. (await web.Api.Reporting.ListSubscriptionsAsync(new() { DonorOrganisationId = donorId })).Subscriptions];
        }
        catch (Grpc.Core.RpcException error) when (error.StatusCode == Grpc.Core.StatusCode.NotFound)
        {
            return [];
        }
    }

    [Fact]
    public async Task A_donor_creates_a_subscription_and_sees_its_webhook_secret_once()
    {
        var world = await web.Api.CreateWorldAsync();
        var donor = await ActiveAsync(web.Api, world.DonorId, Role.Donor, ReportLanguage.Ja);
        using var browser = web.Browser();
        await browser.SignInAsync(donor);
        var reports = await browser.GetAsync($"/donors/{world.DonorId}/reports");
        Assert.Contains($"href=\"/donors/{world.DonorId}/subscriptions\"", reports.Html);

        var form = await browser.GetAsync($"/donors/{world.DonorId}/subscriptions");
        Assert.Equal(HttpStatusCode.OK, form.Status);
        var id = NewSubscriptionId(form);
        Assert.StartsWith("s-", id);
        var fields = Form(id, world.PartnershipId, ("webhookUrl", "https://hooks.example.jp/reports"));
        var created = await browser.PostAsync($"/donors/{world.DonorId}/subscriptions", fields);

        Assert.Equal(HttpStatusCode.OK, created.Status);
        var secret = SecretPattern().Match(created.Html).Groups[1].Value;
        var stored = Assert.Single(await StoredAsync(world.DonorId));
        Assert.Equal(id, stored.SubscriptionId);
        Assert.Equal(Proto.ReportLanguage.Ja, stored.Language);
        Assert.Equal([Proto.ReportFormat.Pdf, Proto.ReportFormat.Csv], stored.Formats.Order());
        Assert.Equal(["reports@example.jp", "second@example.jp"], stored.Recipients);
        Assert.Equal("Asia/Tokyo", stored.Schedule.TimeZone);
        Assert.Equal("", stored.Schedule.Cron);
        // The secret shown is the one webhooks are signed with, and it is shown nowhere else.
        var view = await CallerContext.AsPlatformAsync(() => web.Api.Cluster.Client.GetGrain<IReportSubscriptionsGrain>(world.DonorId).Get(id));
        Assert.Equal(await web.Api.Services.GetRequiredService<WebhookSecrets>().OfAsync(view), secret);
        Assert.DoesNotContain(secret, (await browser.GetAsync($"/donors/{world.DonorId}/reports")).Html);
        Assert.DoesNotContain(secret, (await browser.GetAsync($"/donors/{world.DonorId}/subscriptions/{id}")).Html);

        // The same form sent again (a double click) stores nothing more and shows no secret.
        await browser.GetAsync($"/donors/{world.DonorId}/subscriptions");
        var again = await browser.PostAsync($"/donors/{world.DonorId}/subscriptions", fields);
        Assert.Equal(HttpStatusCode.SeeOther, again.Status);
        Assert.DoesNotContain(secret, again.Html);
        Assert.Single(await StoredAsync(world.DonorId));
    }

    [Fact]
    public async Task A_donor_changes_a_subscription_to_its_own_cron_and_rotates_its_secret()
    {
        var world = await web.Api.CreateWorldAsync();
        var donor = await ActiveAsync(web.Api, world.DonorId, Role.Donor);
        using var browser = web.Browser();
        await browser.SignInAsync(donor);
        var id = NewSubscriptionId(await browser.GetAsync($"/donors/{world.DonorId}/subscriptions"));
        var first = SecretPattern().Match((await browser.PostAsync($"/donors/{world.DonorId}/subscriptions", Form(id, world.PartnershipId))).Html).Groups[1].Value;

        var edit = await browser.GetAsync($"/donors/{world.DonorId}/subscriptions/{id}");
        Assert.Contains("value=\"Monthly progress\"", edit.Html);
        var changed = await browser.PostAsync($"/donors/{world.DonorId}/subscriptions/{id}",
            Form(id, world.PartnershipId, ("when", "cron"), ("cron", "0 7 20 * *"), ("language", "Vi"), ("formats", "XLSX")));
        Assert.Equal(HttpStatusCode.SeeOther, changed.Status);
        var stored = Assert.Single(await StoredAsync(world.DonorId));
        Assert.Equal("0 7 20 * *", stored.Schedule.Cron);
        Assert.Equal(Proto.ReportLanguage.Vi, stored.Language);
        Assert.Equal([Proto.ReportFormat.Xlsx], stored.Formats);

        await browser.GetAsync($"/donors/{world.DonorId}/reports");
        var rotated = await browser.PostAsync($"/donors/{world.DonorId}/reports?handler=Rotate", new Dictionary<string, string> { ["subscription"] = id });
        Assert.Equal(HttpStatusCode.OK, rotated.Status);
        var second = SecretPattern().Match(rotated.Html).Groups[1].Value;
        Assert.Matches("^[0-9a-f]{64}$", second);
        Assert.NotEqual(first, second);
        Assert.DoesNotContain(second, (await browser.GetAsync($"/donors/{world.DonorId}/reports")).Html);
    }

    [Theory]
    [InlineData("recipients", "not-an-address", "rule.must be a plain e-mail address such as \"office@example.org\"")]
    [InlineData("cron", "every day", "rule.must be a five-field cron expression such as \"{0} {1} {2} * *\"")]
    [InlineData("formats", "", "rule.must name one or more of PDF, HTML, CSV, XLSX")]
    [InlineData("webhookUrl", "ftp://hooks.example.jp", "rule.must be an absolute http(s) link")]
    [InlineData("title", " ", "rule.is required")]
    public async Task Bad_input_is_refused_next_to_its_field_in_the_persons_language_and_nothing_is_stored(string field, string value, string rule)
    {
        var world = await web.Api.CreateWorldAsync();
        var donor = await ActiveAsync(web.Api, world.DonorId, Role.Donor, ReportLanguage.Vi);
        using var browser = web.Browser();
        await browser.SignInAsync(donor);
        var id = NewSubscriptionId(await browser.GetAsync($"/donors/{world.DonorId}/subscriptions"));
        (string, string)[] changes = field == "cron" ? [("when", "cron"), (field, value)] : [(field, value)];

        var refused = await browser.PostAsync($"/donors/{world.DonorId}/subscriptions", Form(id, world.PartnershipId, changes));

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        var message = Regex.Match(refused.Html, $"<p class=\"error\" id=\"{field}-error\">([^<]*)</p>");
        Assert.True(message.Success, $"No message next to {field}");
        var expected = rule.Contains("{0}", StringComparison.Ordinal)
            ? WebWords.Format(rule, ReportLanguage.Vi, "0", "7", "20")
            : WebWords.Word(rule, ReportLanguage.Vi);
        Assert.Equal(expected, WebUtility.HtmlDecode(message.Groups[1].Value));
        // What was sent stays in the form, under the same id.
        Assert.Contains($"value=\"{id}\"", refused.Html);
        Assert.Empty(await StoredAsync(world.DonorId));
    }

    [Fact]
    public async Task A_person_of_another_organisation_or_role_is_refused_and_nothing_is_stored()
    {
        var world = await web.Api.CreateWorldAsync();
        var otherDonor = Ids.New("donor");
        await web.Api.Organisations.CreateOrganisationAsync(Requests.Organisation(otherDonor, world.SecondCityId, Proto.OrganisationKind.Donor));
        var strangers = new[]
        {
            await ActiveAsync(web.Api, otherDonor, Role.Donor),
            await ActiveAsync(web.Api, world.AgencyId, Role.PartnerAgency),
        };
        foreach (var stranger in strangers)
        {
            using var browser = web.Browser();
            await browser.SignInAsync(stranger);
            Assert.Equal(HttpStatusCode.Forbidden, (await browser.GetAsync($"/donors/{world.DonorId}/subscriptions")).Status);
            await browser.GetAsync("/");
            var posted = await browser.PostAsync($"/donors/{world.DonorId}/subscriptions", Form("s-stranger", world.PartnershipId));
            Assert.Equal(HttpStatusCode.Forbidden, posted.Status);
        }
        Assert.Empty(await StoredAsync(world.DonorId));

        // Nor may they act on an existing one.
        await web.Api.Reporting.CreateSubscriptionAsync(new() { Subscription = Subscription(world, "kept") });
        foreach (var stranger in strangers)
        {
            using var browser = web.Browser();
            await browser.SignInAsync(stranger);
            await browser.GetAsync("/");
            foreach (var handler in new[] { "Paused", "SendNow", "Rotate" })
            {
                var acted = await browser.PostAsync($"/donors/{world.DonorId}/reports?handler={handler}",
                    new Dictionary<string, string> { ["subscription"] = "kept", ["paused"] = "true" });
                Assert.Equal(HttpStatusCode.Forbidden, acted.Status);
            }
            Assert.Equal(HttpStatusCode.Forbidden, (await browser.GetAsync($"/donors/{world.DonorId}/subscriptions/kept")).Status);
        }
        Assert.False(Assert.Single(await StoredAsync(world.DonorId)).Paused);
    }

    [Fact]
    public async Task A_donor_pauses_and_resumes_a_subscription_on_the_reports_page()
    {
        var world = await web.Api.CreateWorldAsync();
        await web.Api.Reporting.CreateSubscriptionAsync(new() { Subscription = Subscription(world, "monthly") });
        var donor = await ActiveAsync(web.Api, world.DonorId, Role.Donor);
        using var browser = web.Browser();
        await browser.SignInAsync(donor);
        var page = await browser.GetAsync($"/donors/{world.DonorId}/reports");
        Assert.Contains("name=\"paused\" value=\"true\"", page.Html);

        var paused = await browser.PostAsync($"/donors/{world.DonorId}/reports?handler=Paused",
            new Dictionary<string, string> { ["subscription"] = "monthly", ["paused"] = "true" });
        Assert.Equal(HttpStatusCode.SeeOther, paused.Status);
        Assert.True(Assert.Single(await StoredAsync(world.DonorId)).Paused);
        page = await browser.GetAsync($"/donors/{world.DonorId}/reports");
        Assert.Contains("name=\"paused\" value=\"false\"", page.Html);

        await browser.PostAsync($"/donors/{world.DonorId}/reports?handler=Paused",
            new Dictionary<string, string> { ["subscription"] = "monthly", ["paused"] = "false" });
        Assert.False(Assert.Single(await StoredAsync(world.DonorId)).Paused);
    }

    [Fact]
    public async Task A_donor_sends_a_period_it_chooses_and_deletes_a_subscription_once_it_confirms()
    {
        var world = await web.Api.CreateWorldAsync();
        await web.Api.Reporting.CreateSubscriptionAsync(new() { Subscription = Subscription(world, "monthly") });
        var donor = await ActiveAsync(web.Api, world.DonorId, Role.Donor);
        using var browser = web.Browser();
        await browser.SignInAsync(donor);
        var reports = $"/donors/{world.DonorId}/reports";
        var page = await browser.GetAsync(reports);
        Assert.Contains("<label for=\"period-monthly\"", page.Html);

        // A quarter for a monthly subscription, and a period not yet over: refused, said above the list.
        foreach (var (period, message) in new[] { ("2025-Q1", "Enter a month such as 2026-10"), ("2999-01", "Reports cover periods that have ended."), ("N/A", "Enter a period such as") })
        {
            var refused = await browser.PostAsync($"{reports}?handler=SendNow", new Dictionary<string, string> { ["subscription"] = "monthly", ["period"] = period });
            Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
            Assert.Contains(message, Text(refused.Html));
        }
        var sent = await browser.PostAsync($"{reports}?handler=SendNow", new Dictionary<string, string> { ["subscription"] = "monthly", ["period"] = " 2026-01 " });
        Assert.Equal(HttpStatusCode.SeeOther, sent.Status);
        Assert.Equal($"{reports}?sent=2026-01#archive-heading", sent.Location);

        var edit = $"/donors/{world.DonorId}/subscriptions/monthly";
        Assert.Contains("name=\"confirmDelete\"", (await browser.GetAsync(edit)).Html);
        var unconfirmed = await browser.PostAsync($"{edit}?handler=Delete", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.BadRequest, unconfirmed.Status);
        Assert.Contains("id=\"confirmDelete-error\"", unconfirmed.Html);
        Assert.Single(await StoredAsync(world.DonorId));
        var deleted = await browser.PostAsync($"{edit}?handler=Delete", new Dictionary<string, string> { ["confirmDelete"] = "true" });
        Assert.Equal(HttpStatusCode.SeeOther, deleted.Status);
        Assert.Contains("The subscription monthly was deleted.", Text((await browser.GetAsync(deleted.Location!)).Html));
        Assert.Empty(await StoredAsync(world.DonorId));
    }

    [Fact]
    public async Task Send_now_on_the_reports_page_queues_the_due_report_and_its_files_open_from_the_archive()
    {
        using var moej = await Cooperation.Tests.WebPages.DemoBrowsers.SignedInAsync(web, "MOEJ");
        var id = NewSubscriptionId(await moej.GetAsync("/donors/moej/subscriptions"));
        var created = await moej.PostAsync("/donors/moej/subscriptions", Form(id, "haiphong-kitakyushu", ("title", "Send-now test " + id)));
        Assert.Equal(HttpStatusCode.OK, created.Status);

        await moej.GetAsync("/donors/moej/reports");
        await using (var mailbox = await SmtpSink.StartAsync(web.Api.SmtpPort))
        {
            var sent = await moej.PostAsync("/donors/moej/reports?handler=SendNow", new Dictionary<string, string> { ["subscription"] = id });
            Assert.Equal(HttpStatusCode.SeeOther, sent.Status);
            Assert.Matches("^/donors/moej/reports\\?sent=[0-9]{4}-[0-9]{2}#archive-heading$", sent.Location);
            var notice = await moej.GetAsync(sent.Location!);
            Assert.Contains("role=\"status\"", notice.Html);
            await ArchivedAsync("moej", id, files: 2);
            // The report is mailed once archived: the mailbox stays open until it came.
            Assert.NotEmpty(await mailbox.MessagesToAsync("reports@example.jp", 1, TimeSpan.FromSeconds(60)));
        }

        var page = await moej.GetAsync("/donors/moej/reports");
        var links = Regex.Matches(page.Html, $"<th scope=\"row\">[0-9]{{4}}-[0-9]{{2}} <span class=\"muted small\">{id}</span></th>[\\s\\S]*?</tr>").Single().Value;
        var files = Regex.Matches(links, "href=\"(/reports/[0-9]+/file)\"[^>]*>(PDF|CSV)</a>").ToDictionary(m => m.Groups[2].Value, m => m.Groups[1].Value);
        Assert.Equal(["CSV", "PDF"], files.Keys.Order());
        // The subscription's revisions alone, and a subscription the page does not know answered with all.
        var revisions = await moej.GetAsync($"/donors/moej/reports?subscription={id}");
        var listed = ArchiveRow().Matches(revisions.Html).Select(m => m.Groups[1].Value).Distinct().ToList();
        Assert.Equal([id], listed);
        var unknown = await moej.GetAsync("/donors/moej/reports?subscription=nope");
        Assert.Equal(HttpStatusCode.BadRequest, unknown.Status);
        Assert.Contains(id, unknown.Html);

        using var http = Cooperation.Tests.WebPages.DemoBrowsers.Client(web, moej);
        using var pdf = await http.GetAsync(files["PDF"]);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString((await pdf.Content.ReadAsByteArrayAsync())[..4]));
        using var csv = await http.GetAsync(files["CSV"]);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_failed_delivery_shows_with_its_error_on_the_reports_page()
    {
        using var moej = await Cooperation.Tests.WebPages.DemoBrowsers.SignedInAsync(web, "MOEJ");
        var id = NewSubscriptionId(await moej.GetAsync("/donors/moej/subscriptions"));
        await moej.PostAsync("/donors/moej/subscriptions", Form(id, "haiphong-kitakyushu", ("title", "Failing " + id), ("formats", "CSV")));
        await moej.GetAsync("/donors/moej/reports");

        // Nothing listens on the SMTP port: every attempt fails (the first and the tests' 2 retries).
        var sent = await moej.PostAsync("/donors/moej/reports?handler=SendNow", new Dictionary<string, string> { ["subscription"] = id });
        Assert.Equal(HttpStatusCode.SeeOther, sent.Status);
        var failed = await FailedAsync("moej", id, attempts: 3);

        var page = WebUtility.HtmlDecode((await moej.GetAsync($"/donors/moej/reports?subscription={id}")).Html);
        Assert.Contains(failed.LastError, page);
        Assert.Contains($"{id} · ", page);
        Assert.DoesNotContain(WebWords.Word("subscription.failed-none", ReportLanguage.Ja), page);
    }

    // Waits until the delivery log lists a failed delivery of a subscription after its last attempt.
    private async Task<Proto.Delivery> FailedAsync(string donorId, string subscriptionId, int attempts)
    {
        var until = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < until)
        {
            var failed = await web.Api.Reporting.ListFailedDeliveriesAsync(new() { DonorOrganisationId = donorId });
            if (failed.Deliveries.FirstOrDefault(d => d.SubscriptionId == subscriptionId && d.Attempts >= attempts) is { } delivery)
                return delivery;
            await Task.Delay(250);
        }
        throw new Xunit.Sdk.XunitException($"No delivery of {subscriptionId} failed {attempts} times within 90 s.");
    }

    // Waits until the archive holds the report files of a subscription (the worker's job made them).
    private async Task ArchivedAsync(string donorId, string subscriptionId, int files)
    {
        var until = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < until)
        {
            var reports = await web.Api.Reporting.ListReportsAsync(new() { DonorOrganisationId = donorId, SubscriptionId = subscriptionId });
            if (reports.Reports.Count >= files)
                return;
            await Task.Delay(250);
        }
        Assert.Fail($"No {files} archived files of {subscriptionId} within 90 s.");
    }

    private static Proto.Subscription Subscription(ApiWorld world, string id) => new()
    {
        SubscriptionId = id,
        DonorOrganisationId = world.DonorId,
        Title = "Kept",
        Scope = new() { Kind = Proto.ReportScopeKind.Partnership, Id = world.PartnershipId },
        Schedule = new() { Cadence = Proto.ReportCadence.Monthly, TimeZone = "Asia/Tokyo" },
        Language = Proto.ReportLanguage.En,
        Formats = { Proto.ReportFormat.Pdf },
        Figures = Proto.Figures.All,
        Recipients = { "kept@example.org" },
    };

    [GeneratedRegex("name=\"subscription\" value=\"(s-[0-9a-f]+)\"")]
    private static partial Regex SubscriptionIdPattern();

    [GeneratedRegex("<th scope=\"row\">[0-9]{4}-[0-9]{2} <span class=\"muted small\">([a-z0-9-]+)</span></th>")]
    private static partial Regex ArchiveRow();

    [GeneratedRegex("<code id=\"webhook-secret\">([0-9a-f]{64})</code>")]
    private static partial Regex SecretPattern();
}
