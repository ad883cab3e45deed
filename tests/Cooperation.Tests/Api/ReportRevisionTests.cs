using System.Net;
using System.Net.Http.Headers;
using Cooperation.Contracts.Access;
using Cooperation.Contracts.Common;
using Cooperation.Contracts.DonorReports;
using Cooperation.Gateway.DonorReports;
using Cooperation.Reports;
using Cooperation.Reports.Delivery;
using Cooperation.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MimeKit;
using static Cooperation.Tests.Support.ReportTesting;
using Proto = Cooperation.Contracts.Grpc;

namespace Cooperation.Tests.Api;

/// <summary>
/// Reports that open as files and are revised: the links of a report e-mail open each file over
/// real HTTP without a key (and nothing else), a changed or later verified figure leads to the
/// period's next revision beside the earlier one, each revision is delivered once per channel, and
/// a scheduled run waits for the submission window and looks back at the periods it reported.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class ReportRevisionTests(ApiFixture api)
{
    private const string Period = "2025-03";

    [Fact]
    public async Task A_mails_links_open_each_file_in_a_browser_without_a_key_and_a_changed_figure_leads_to_revision_2()
    {
        var (world, pilotId, _) = await PilotAsync();
        var recipient = $"{world.DonorId}@example.org";
        await using var mailbox = await SmtpSink.StartAsync(api.SmtpPort);
        await using var gateway = await KestrelGateway.StartAsync(api);
        var subscriptionId = await SubscribeAsync(world, recipient);

        await SendNowAsync(api, world.DonorId, subscriptionId, Period);
        var mail = Assert.Single(await mailbox.MessagesToAsync(recipient, 1));
        var links = Links(mail.TextBody!);
        Assert.Equal(3, links.Count);

        // Each link, as a browser follows it: no key, the file itself.
        using var browser = new HttpClient();
        var attachments = mail.Attachments.OfType<MimePart>().ToDictionary(a => a.FileName!);
        foreach (var link in links)
        {
            using var head = await browser.SendAsync(new HttpRequestMessage(HttpMethod.Head, gateway.Reach(link)));
            Assert.Equal(HttpStatusCode.OK, head.StatusCode);
            var fileName = head.Content.Headers.ContentDisposition?.FileName?.Trim('"');
            Assert.NotNull(fileName);
            Assert.Equal(attachments[fileName].ContentType.MimeType, head.Content.Headers.ContentType?.MediaType);
            var bytes = await browser.GetByteArrayAsync(gateway.Reach(link));
            Assert.Equal(bytes.Length, head.Content.Headers.ContentLength);
            Assert.Equal(await BytesAsync(attachments[fileName]), bytes);
            Assert.NotNull(head.Headers.ETag);
        }
        var pdfLink = gateway.Reach(LinkOf(mail, "application/pdf"));
        var curl = await RunAsync("curl", ["-sI", pdfLink.ToString()]);
        Assert.Equal(0, curl.ExitCode);
        Assert.Contains("content-type: application/pdf", curl.Output, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("content-disposition: inline; filename=", curl.Output, StringComparison.OrdinalIgnoreCase);

        // A changed figure of the period: revision 2, beside revision 1, mailed as a revision with what changed.
        await api.Kpis.RecordKpiReadingsAsync(Requests.Reading(pilotId, Period, 52));
        await SendNowAsync(api, world.DonorId, subscriptionId, Period);
        var revised = (await mailbox.MessagesToAsync(recipient, 2)).Single(m => m.MessageId != mail.MessageId);
        Assert.EndsWith("— Revision 2", revised.Subject);
        Assert.Contains("Revision 2: 1 figures changed, 0 newly verified", revised.TextBody);
        var archive = (await api.Reporting.ListReportsAsync(new() { DonorOrganisationId = world.DonorId, SubscriptionId = subscriptionId })).Reports;
        Assert.Equal([1, 1, 1, 2, 2, 2], archive.Select(r => r.Revision).Order());
        Assert.All(archive.Where(r => r.Revision == 2), r => Assert.Equal((1, 0), (r.FiguresChanged, r.NewlyVerified)));
        Assert.All(archive.Where(r => r.Revision == 2), r => Assert.EndsWith($"{Period}-r2.{r.Format.ToString().ToLowerInvariant()}", r.FileName));
        var pdf2 = archive.Single(r => r.Revision == 2 && r.Format == Proto.ReportFormat.Pdf);
        Assert.Contains("Revision 2: 1 figures changed", await PdfTextAsync(await DownloadAsync(api, pdf2.ReportId)));
        // Revision 1 stays what was sent: its link still opens the same bytes.
        Assert.Equal(await BytesAsync(attachments.Values.Single(a => a.ContentType.MimeType == "application/pdf")),
            await browser.GetByteArrayAsync(pdfLink));

        // Nothing new since: no third revision, and revision 2 is not mailed again.
        await SendNowAsync(api, world.DonorId, subscriptionId, Period);
        Assert.Equal(2, (await mailbox.MessagesToAsync(recipient, 3, TimeSpan.FromSeconds(2))).Count);
        Assert.Equal(6, (await api.Reporting.ListReportsAsync(new() { DonorOrganisationId = world.DonorId, SubscriptionId = subscriptionId })).Reports.Count);
    }

    [Fact]
    public async Task A_link_opens_only_its_own_file_until_it_expires_and_an_api_key_opens_what_the_caller_may_read()
    {
        var (world, _, _) = await PilotAsync();
        await using var gateway = await KestrelGateway.StartAsync(api);
        var subscriptionId = await SubscribeAsync(world, $"{world.DonorId}@example.org");
        var reportId = await Requests.ArchiveReportAsync(api, world.DonorId, subscriptionId);
        var links = api.Services.GetRequiredService<ReportLinks>();
        var link = gateway.Reach((await links.ForAsync(reportId)).Url);
        using var browser = new HttpClient();

        var ok = await browser.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var etag = ok.Headers.ETag!;

        // Another report's id under this signature, a forged signature, a later expiry: refused alike.
        var otherId = new Uri(link.ToString().Replace($"/reports/{reportId}/", $"/reports/{reportId + 1}/", StringComparison.Ordinal));
        var forged = new Uri(link.ToString()[..^4] + "AAAA");
        var extended = new Uri(System.Text.RegularExpressions.Regex.Replace(link.ToString(), "expires=\\d+", "expires=99999999999"));
        foreach (var refused in new[] { otherId, forged, extended })
        {
            var answer = await browser.GetAsync(refused);
            Assert.Equal(HttpStatusCode.Forbidden, answer.StatusCode);
            Assert.Contains("\"code\":7", await answer.Content.ReadAsStringAsync());
        }
        var expired = new ReportLinks(api.Services.GetRequiredService<ReportKeys>(),
            Options.Create(new DonorReportOptions { LinkLifetime = TimeSpan.FromSeconds(-5) }), TimeProvider.System);
        Assert.Equal(HttpStatusCode.Forbidden, (await browser.GetAsync(gateway.Reach((await expired.ForAsync(reportId)).Url))).StatusCode);

        // No link and no key; then keys: the admin's opens it, an outsider's is refused as for a report that does not exist.
        var bare = new Uri(gateway.Address, ReportLinks.PathOf(reportId));
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync(bare)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Keyed(bare, api.AdminKey)).StatusCode);
        var outsider = await api.IssueKeyAsync(world.AgencyId, Role.PartnerAgency);
        var refusedExisting = await Keyed(bare, outsider);
        var refusedMissing = await Keyed(new Uri(gateway.Address, ReportLinks.PathOf(long.MaxValue - 1)), outsider);
        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (refusedExisting.StatusCode, refusedMissing.StatusCode));
        Assert.DoesNotContain(subscriptionId, await refusedExisting.Content.ReadAsStringAsync());
        Assert.DoesNotContain(world.DonorId, await refusedExisting.Content.ReadAsStringAsync());

        // Asked again with its ETag: not modified.
        using var again = new HttpRequestMessage(HttpMethod.Get, link);
        again.Headers.IfNoneMatch.Add(etag);
        Assert.Equal(HttpStatusCode.NotModified, (await browser.SendAsync(again)).StatusCode);

        async Task<HttpResponseMessage> Keyed(Uri uri, string key)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, uri);
            request.Headers.Add("x-api-key", key);
            return await browser.SendAsync(request);
        }
    }

    [Fact]
    public async Task A_figure_approved_after_the_report_leads_to_a_revision_that_counts_it_newly_verified()
    {
        var (world, pilotId, partner) = await PilotAsync(submitted: true);
        var recipient = $"{world.DonorId}@example.org";
        await using var mailbox = await SmtpSink.StartAsync(api.SmtpPort);
        var subscriptionId = await SubscribeAsync(world, recipient);
        await SendNowAsync(api, world.DonorId, subscriptionId, Period);

        await api.Reviews.ApprovePeriodAsync(new() { PilotId = pilotId, Period = Period, Comment = "Weighbridge log checked." });
        await SendNowAsync(api, world.DonorId, subscriptionId, Period);

        var archive = (await api.Reporting.ListReportsAsync(new() { DonorOrganisationId = world.DonorId, SubscriptionId = subscriptionId })).Reports;
        var revision2 = Assert.Single(archive, r => r.Revision == 2 && r.Format == Proto.ReportFormat.Pdf);
        Assert.Equal((0, 1), (revision2.FiguresChanged, revision2.NewlyVerified));
        Assert.Contains(await mailbox.MessagesToAsync(recipient, 2), m => m.TextBody!.Contains("0 figures changed, 1 newly verified", StringComparison.Ordinal));
        Assert.NotNull(partner);
    }

    [Fact]
    public async Task A_scheduled_run_reports_the_period_once_its_window_closed_and_revises_earlier_periods_whose_figures_changed()
    {
        var (world, pilotId, _) = await PilotAsync();
        // A programme of the partnership with the longest window (45 days): the subscription waits
        // for it, so last month's report falls due after the subscription exists whatever today is.
        var longWindow = Requests.Programme(Ids.New("programme"), world.PartnershipId);
        longWindow.SubmissionWindowDays = 45;
        await api.Programmes.CreateProgrammeAsync(longWindow);
        var recipient = $"{world.DonorId}@example.org";
        await using var mailbox = await SmtpSink.StartAsync(api.SmtpPort);
        var subscriptionId = await SubscribeAsync(world, recipient);
        var view = await SubscriptionAsync(world.DonorId, subscriptionId);
        var calendar = api.Services.GetRequiredService<SubscriptionSchedule>().CalendarOf(view);
        // Last month is over everywhere (the earliest zone's today is in this month), so it takes readings.
        var earliestToday = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(-14));
        var month = ReportingPeriod.Containing(new DateOnly(earliestToday.Year, earliestToday.Month, 1).AddDays(-1), ReportingFrequency.Monthly);
        Assert.True(calendar.DueAt(month) > DateTimeOffset.UtcNow, "last month's report must fall due after the subscription was made");
        await api.Kpis.RecordKpiReadingsAsync(Requests.Reading(pilotId, month.ToString(), 70));
        // The subject names the period as the report's language writes it ("Nov 2026").
        static string Month(Contracts.Common.ReportingPeriod period) => Reports.Rendering.ReportCulture.Period(period, Contracts.DonorReports.ReportLanguage.En);
        async Task<string[]> SubjectsAsync(int count, int seconds = 30) =>
            [.. (await mailbox.MessagesToAsync(recipient, count, TimeSpan.FromSeconds(seconds))).Select(m => m.Subject!).Where(s => s.Contains(Month(month)) || s.Contains(Month(month.Next()))).Order()];

        // Half a day before it is due, a run does not report it.
        await Job(calendar.DueAt(month).AddHours(-12)).RunScheduledAsync(world.DonorId, subscriptionId, CancellationToken.None);
        Assert.Empty(await SubjectsAsync(9, seconds: 1));

        // At the first run after it is due, once; the next day's run finds it done.
        var firstRun = calendar.DueAt(month).AddHours(8);
        await Job(firstRun).RunScheduledAsync(world.DonorId, subscriptionId, CancellationToken.None);
        await Job(firstRun.AddHours(24)).RunScheduledAsync(world.DonorId, subscriptionId, CancellationToken.None);
        Assert.Equal([$"Monthly progress — {Month(month)}"], await SubjectsAsync(9, seconds: 2));

        // A correction of that month, then the next month's run: the next month's report, and the corrected month's revision 2.
        await api.Kpis.RecordKpiReadingsAsync(Requests.Reading(pilotId, month.ToString(), 75));
        await Job(calendar.DueAt(month.Next()).AddHours(8)).RunScheduledAsync(world.DonorId, subscriptionId, CancellationToken.None);
        string[] expected = [$"Monthly progress — {Month(month)}", $"Monthly progress — {Month(month)} — Revision 2", $"Monthly progress — {Month(month.Next())}"];
        Assert.Equal(expected.Order(), await SubjectsAsync(9, seconds: 3));
    }

    private DonorReportJob Job(DateTimeOffset now)
    {
        var services = api.Services;
        return new DonorReportJob(services.GetRequiredService<IGrainFactory>(), services.GetRequiredService<DonorReportBuilder>(),
            services.GetRequiredService<ReportArchive>(), services.GetRequiredService<ScheduledRuns>(), services.GetRequiredService<ReportDelivery>(),
            services.GetRequiredService<SubscriptionSchedule>(), services.GetRequiredService<IOptions<DonorReportOptions>>(), new FixedClock(now),
            NullLogger<DonorReportJob>.Instance);
    }

    private async Task<ReportSubscriptionView> SubscriptionAsync(string donorId, string subscriptionId)
    {
        CallerContext.ActAsPlatform();
        return await api.Services.GetRequiredService<IGrainFactory>().GetGrain<IReportSubscriptionsGrain>(donorId).Get(subscriptionId);
    }

    /// <summary>A pilot the donor funds with a reading of the period: recorded, or submitted by its partner for review.</summary>
    private async Task<(ApiWorld World, string PilotId, ApiClients Partner)> PilotAsync(bool submitted = false)
    {
        var world = await api.CreateWorldAsync();
        var pilotId = await api.CreatePilotWithKpiAsync(world);
        await api.Pilots.SetFundingLineAsync(AccessWorld.Funding(pilotId, world));
        var partner = api.As(await api.IssueKeyAsync(world.AgencyId, Role.PartnerAgency));
        if (submitted)
        {
            await partner.Submissions.SubmitUpdateAsync(new()
            {
                PilotId = pilotId, IdempotencyKey = Guid.NewGuid().ToString(), Period = Period,
                Readings = { new Proto.KpiReadingInput { KpiCode = "compost-produced", Value = 45 } },
            });
        }
        else
        {
            await api.Kpis.RecordKpiReadingsAsync(Requests.Reading(pilotId, Period, 45));
        }
        return (world, pilotId, partner);
    }

    private async Task<string> SubscribeAsync(ApiWorld world, string recipient)
    {
        var subscription = Requests.Subscription(world, Ids.New("sub"));
        subscription.Recipients[0] = recipient;
        subscription.Formats.Add(Proto.ReportFormat.Html);
        subscription.Formats.Add(Proto.ReportFormat.Csv);
        await api.Reporting.CreateSubscriptionAsync(new() { Subscription = subscription });
        return subscription.SubscriptionId;
    }

    /// <summary>The link the mail gives for its attachment of <paramref name="mediaType"/> (on the line naming the file).</summary>
    private static string LinkOf(MimeMessage mail, string mediaType)
    {
        var name = mail.Attachments.OfType<MimePart>().Single(a => a.ContentType.MimeType == mediaType).FileName;
        return Links(mail.TextBody!.Split('\n').Single(l => l.Contains(name + " ", StringComparison.Ordinal))).Single();
    }
}
