using System.Globalization;
using System.Text;
using Cooperation.Gateway.DonorReports;
using Cooperation.Reports;
using Cooperation.Reports.Delivery;
using Cooperation.Reports.Rendering;
using Cooperation.Tests.Support;
using Hangfire;
using Hangfire.States;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using static Cooperation.Tests.Support.ReportTesting;
using Proto = Cooperation.Contracts.Grpc;

namespace Cooperation.Tests.Api;

/// <summary>
/// Donors' reports end to end: subscriptions kept in step with Hangfire recurring jobs, "send now"
/// running the job, every file mailed to a real SMTP server on loopback and the PDF read back with
/// pdftotext, the archive, the signed webhook, no second sending of a revision, and a failing SMTP
/// server leading to retries and a visible failed delivery.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class DonorReportTests(ApiFixture api)
{
    private const string Period = "2025-03";

    [Fact]
    public async Task The_recurring_job_follows_the_subscription_and_the_next_run_waits_for_the_submission_window()
    {
        var world = await api.CreateWorldAsync();
        var subscription = Requests.Subscription(world, Ids.New("sub"));
        var jobId = $"report:{world.DonorId}:{subscription.SubscriptionId}";

        var created = await api.Reporting.CreateSubscriptionAsync(new() { Subscription = subscription });
        // The worker keeps the schedule in step once the change is committed: soon after, not at once.
        await EventuallyAsync(() => RecurringJob(jobId)?.Cron == "0 7 * * *");
        Assert.Equal("Asia/Tokyo", RecurringJob(jobId)?.TimeZoneId);
        // The period the next run reports has closed, and so has its submission window (15 days, then a day's grace).
        var covered = Contracts.Common.ReportingPeriod.Parse(created.NextRunPeriod, "next_run_period");
        var nextRun = DateTimeOffset.Parse(created.NextRunAt, CultureInfo.InvariantCulture);
        var tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");
        Assert.True(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(nextRun, tokyo).DateTime) >= covered.End.AddDays(15 + 2), $"{nextRun} reports {covered}");
        Assert.True(nextRun > DateTimeOffset.UtcNow);

        subscription.Schedule.Cron = "30 6 2 * *";
        await api.Reporting.UpdateSubscriptionAsync(new() { Subscription = subscription });
        await EventuallyAsync(() => RecurringJob(jobId)?.Cron == "30 6 2 * *");

        var paused = await api.Reporting.SetSubscriptionPausedAsync(new() { DonorOrganisationId = world.DonorId, SubscriptionId = subscription.SubscriptionId, Paused = true });
        await EventuallyAsync(() => RecurringJob(jobId) is null);
        Assert.Empty(paused.NextRunAt);
        Assert.Empty(paused.NextRunPeriod);
        await api.Reporting.SetSubscriptionPausedAsync(new() { DonorOrganisationId = world.DonorId, SubscriptionId = subscription.SubscriptionId, Paused = false });
        await EventuallyAsync(() => RecurringJob(jobId) is not null);

        await api.Reporting.DeleteSubscriptionAsync(new() { DonorOrganisationId = world.DonorId, SubscriptionId = subscription.SubscriptionId });
        await EventuallyAsync(() => RecurringJob(jobId) is null);
    }

    private static async Task EventuallyAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the worker did not follow the change within 15 s");
            await Task.Delay(50);
        }
    }

    [Fact]
    public async Task Send_now_mails_every_format_archives_them_calls_the_webhook_and_never_sends_a_revision_twice()
    {
        var (world, recipient) = await PortfolioAsync();
        await using var mailbox = await SmtpSink.StartAsync(api.SmtpPort);
        using var webhook = new WebhookReceiver();
        var subscription = Requests.Subscription(world, Ids.New("sub"));
        subscription.Recipients[0] = recipient;
        subscription.Formats.Add(Proto.ReportFormat.Html);
        subscription.Formats.Add(Proto.ReportFormat.Csv);
        subscription.WebhookUrl = webhook.Url;
        var created = await api.Reporting.CreateSubscriptionAsync(new() { Subscription = subscription });

        var sent = await SendNowAsync(api, world.DonorId, subscription.SubscriptionId, Period);
        Assert.Equal(Period, sent.Period);
        var mail = Assert.Single(await mailbox.MessagesToAsync(recipient, 1));
        var attached = mail.Attachments.OfType<MimePart>().ToDictionary(p => p.ContentType.MimeType);
        Assert.Equal(["application/pdf", "text/csv", "text/html"], attached.Keys.Order());
        Assert.Equal(3, Links(mail.TextBody!).Count);
        var text = await PdfTextAsync(await BytesAsync(attached["application/pdf"]));
        Assert.Contains("Sản xuất phân compost", text);
        Assert.Contains("堆肥化", text);
        Assert.Contains("Compost produced", text);

        var reports = (await api.Reporting.ListReportsAsync(new() { DonorOrganisationId = world.DonorId, SubscriptionId = subscription.SubscriptionId })).Reports;
        Assert.Equal(["csv", "html", "pdf"], reports.Select(r => r.Format.ToString().ToLowerInvariant()).Order());
        Assert.All(reports, r => Assert.Equal((2, 1), (r.PilotCount, r.Revision)));
        var csv = Encoding.UTF8.GetString(await DownloadAsync(api, reports.Single(r => r.Format == Proto.ReportFormat.Csv).ReportId));
        Assert.Contains($"compost-produced,Compost produced,t,{Period},45,", csv);
        Assert.Equal(csv, Encoding.UTF8.GetString(await BytesAsync(attached["text/csv"])));
        var html = Encoding.UTF8.GetString(await DownloadAsync(api, reports.Single(r => r.Format == Proto.ReportFormat.Html).ReportId));
        Assert.Contains("<svg", html);
        Assert.Contains("<td>Green Growth Promotion Plan</td><td>2</td>", html);
        Assert.Contains("堆肥化", html);

        // The operators' mailbox command saves every attachment as sent, the text ones too.
        var saved = Path.Combine(Path.GetTempPath(), $"coop-saved-{Guid.NewGuid():N}");
        var save = await RunAsync("bash", [Path.Combine(Ops.Root, "ops", "mailbox.sh"), "save", "1", saved],
            new Dictionary<string, string> { ["COOPERATION_MAILDIR"] = mailbox.Maildir });
        Assert.True(save.ExitCode == 0, save.Output);
        foreach (var part in attached.Values)
            Assert.Equal(await BytesAsync(part), await File.ReadAllBytesAsync(Path.Combine(saved, part.FileName!)));
        Directory.Delete(saved, recursive: true);

        var (body, signature) = Assert.Single(webhook.Received);
        Assert.Equal(WebhookSender.Signature(created.WebhookSecret, body), signature);
        var json = Encoding.UTF8.GetString(body);
        Assert.All(reports, r => Assert.Contains($"/v1/reports/{r.ReportId}/content?expires=", json, StringComparison.Ordinal));
        Assert.Contains("\"revision\":1", json, StringComparison.Ordinal);

        // The same period again, figures unchanged: the job runs and succeeds, and sends nothing new.
        await SendNowAsync(api, world.DonorId, subscription.SubscriptionId, Period);
        Assert.Single(await mailbox.MessagesToAsync(recipient, 2, TimeSpan.FromSeconds(2)));
        Assert.Single(webhook.Received);
        Assert.Equal(3, (await api.Reporting.ListReportsAsync(new() { DonorOrganisationId = world.DonorId, SubscriptionId = subscription.SubscriptionId })).Reports.Count);
    }

    [Fact]
    public async Task An_xlsx_subscription_mails_the_workbook_and_its_download_is_saved_not_opened()
    {
        const string Spreadsheet = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        var (world, recipient) = await PortfolioAsync();
        await using var mailbox = await SmtpSink.StartAsync(api.SmtpPort);
        var subscription = Requests.Subscription(world, Ids.New("sub"));
        subscription.Recipients[0] = recipient;
        subscription.Formats.Clear();
        subscription.Formats.Add(Proto.ReportFormat.Xlsx);
        var created = await api.Reporting.CreateSubscriptionAsync(new() { Subscription = subscription });
        Assert.Equal([Proto.ReportFormat.Xlsx], created.Formats);

        await SendNowAsync(api, world.DonorId, subscription.SubscriptionId, Period);
        var mail = Assert.Single(await mailbox.MessagesToAsync(recipient, 1));
        var attachment = Assert.Single(mail.Attachments.OfType<MimePart>());
        Assert.Equal(Spreadsheet, attachment.ContentType.MimeType);
        Assert.EndsWith($"-{Period}.xlsx", attachment.FileName);
        var mailed = await BytesAsync(attachment);

        var report = Assert.Single((await api.Reporting.ListReportsAsync(new() { DonorOrganisationId = world.DonorId, SubscriptionId = subscription.SubscriptionId })).Reports);
        Assert.Equal((Proto.ReportFormat.Xlsx, Spreadsheet, attachment.FileName), (report.Format, report.ContentType, report.FileName));
        using var download = await api.Http.GetAsync($"/v1/reports/{report.ReportId}/content");
        Assert.Equal(System.Net.HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(Spreadsheet, download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(attachment.FileName, download.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Equal(mailed, await download.Content.ReadAsByteArrayAsync());

        // The workbook holds the period's figure as a number, on both pilots' rows.
        using var workbook = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(mailed), isEditable: false);
        var values = workbook.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>().Skip(1)
            .Where(r => r.Elements<DocumentFormat.OpenXml.Spreadsheet.Cell>().Any(c => c.InnerText == Period))
            .Select(r => r.Elements<DocumentFormat.OpenXml.Spreadsheet.Cell>().Single(c => c.CellReference!.Value!.StartsWith('H')))
            .ToArray();
        Assert.Equal(2, values.Length);
        Assert.All(values, v => Assert.Equal((null, "45"), (v.DataType, v.CellValue?.Text)));
    }

    [Fact]
    public async Task A_failing_smtp_server_is_retried_and_the_failed_delivery_is_listed()
    {
        var (world, recipient) = await PortfolioAsync();
        var subscription = Requests.Subscription(world, Ids.New("sub"));
        subscription.Recipients[0] = recipient;
        await api.Reporting.CreateSubscriptionAsync(new() { Subscription = subscription });

        // Nothing listens on the SMTP port: every attempt fails.
        var sent = await api.Reporting.SendReportNowAsync(new() { DonorOrganisationId = world.DonorId, SubscriptionId = subscription.SubscriptionId, Period = Period });
        var state = await WaitForJobAsync(api, sent.JobId, FailedState.StateName, TimeSpan.FromSeconds(60));
        Assert.Equal(FailedState.StateName, state);

        var failed = Assert.Single((await api.Reporting.ListFailedDeliveriesAsync(new() { DonorOrganisationId = world.DonorId })).Deliveries,
            d => d.SubscriptionId == subscription.SubscriptionId);
        Assert.Equal(("email", 1, 3), (failed.Channel, failed.Revision, failed.Attempts));
        Assert.NotEmpty(failed.LastError);
    }

    [Fact]
    public async Task A_period_made_again_from_stored_data_at_its_cut_off_gives_the_same_figures()
    {
        var (world, _) = await PortfolioAsync();
        var subscription = Requests.Subscription(world, Ids.New("sub"));
        await api.Reporting.CreateSubscriptionAsync(new() { Subscription = subscription });
        var grains = api.Services.GetRequiredService<IGrainFactory>();
        Contracts.Access.CallerContext.ActAsPlatform();
        var view = await grains.GetGrain<Contracts.DonorReports.IReportSubscriptionsGrain>(world.DonorId).Get(subscription.SubscriptionId);
        var builder = api.Services.GetRequiredService<DonorReportBuilder>();
        var period = Contracts.Common.ReportingPeriod.Parse(Period, "period");
        var cutoff = DateTimeOffset.UtcNow;
        var first = ReportCsv.Render(await builder.BuildAsync(view, period, cutoff));
        await Task.Delay(50);

        // After the cut-off: a correction of the period's reading in every pilot.
        foreach (var pilot in (await api.Partnerships.ListPartnershipPilotsAsync(new() { PartnershipId = world.PartnershipId })).Pilots)
            await api.Kpis.RecordKpiReadingsAsync(Requests.Reading(pilot.PilotId, Period, 99));

        Assert.Equal(first, ReportCsv.Render(await builder.BuildAsync(view, period, cutoff)));
        var now = ReportCsv.Render(await builder.BuildAsync(view, period, DateTimeOffset.UtcNow));
        Assert.NotEqual(first, now);
        Assert.Contains($"{Period},99,", Encoding.UTF8.GetString(now));
    }

    /// <summary>Two pilots funded by the donor, one named only in Vietnamese and one only in Japanese, with readings of the period.</summary>
    private async Task<(ApiWorld World, string Recipient)> PortfolioAsync()
    {
        var world = await api.CreateWorldAsync();
        foreach (var title in new[] { new Proto.LocalizedText { Vi = "Sản xuất phân compost" }, new Proto.LocalizedText { Ja = "堆肥化" } })
        {
            var pilotId = Ids.New("pilot");
            var pilot = Requests.Pilot(pilotId, world);
            pilot.Title = title;
            await api.Pilots.CreatePilotAsync(pilot);
            await api.Kpis.DefineKpiAsync(Requests.Kpi(pilotId));
            await api.Kpis.RecordKpiReadingsAsync(Requests.Reading(pilotId, "2025-02", 40));
            await api.Kpis.RecordKpiReadingsAsync(Requests.Reading(pilotId, Period, 45));
            await api.Pilots.SetFundingLineAsync(AccessWorld.Funding(pilotId, world));
        }
        return (world, $"{world.DonorId}@example.org");
    }

    private RecurringJobDto? RecurringJob(string id)
    {
        using var connection = api.Services.GetRequiredService<JobStorage>().GetConnection();
        return connection.GetRecurringJobs([id]).SingleOrDefault(j => !j.Removed);
    }
}
