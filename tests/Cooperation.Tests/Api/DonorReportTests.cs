using System.Diagnostics;
using System.Net;
using System.Text;
using Cooperation.Gateway.Reporting;
using Cooperation.Gateway.Reporting.Delivery;
using Cooperation.Gateway.Reporting.Rendering;
using Cooperation.Tests.Support;
using Hangfire;
using Hangfire.States;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Proto = Cooperation.Contracts.Grpc;

namespace Cooperation.Tests.Api;

/// <summary>
/// Donors' reports end to end: subscriptions kept in step with Hangfire recurring jobs, "send now"
/// running the job, the PDF mailed to a real SMTP server on loopback and read back with
/// pdftotext, the archive, the signed webhook, no second sending for a period, and a failing
/// SMTP server leading to retries and a visible failed delivery.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class DonorReportTests(ApiFixture api)
{
    private const string Period = "2025-03";

    [Fact]
    public async Task The_recurring_job_follows_the_subscription()
    {
        var world = await api.CreateWorldAsync();
        var subscription = Requests.Subscription(world, Ids.New("sub"));
        var jobId = $"report:{world.DonorId}:{subscription.SubscriptionId}";

        var created = await api.Reporting.CreateSubscriptionAsync(new() { Subscription = subscription });
        Assert.Equal("0 7 1 * *", RecurringJob(jobId)?.Cron);
        Assert.Equal("Asia/Tokyo", RecurringJob(jobId)?.TimeZoneId);
        Assert.NotEmpty(created.NextRunAt);

        subscription.Schedule.Cron = "30 6 2 * *";
        await api.Reporting.UpdateSubscriptionAsync(new() { Subscription = subscription });
        Assert.Equal("30 6 2 * *", RecurringJob(jobId)?.Cron);

        var paused = await api.Reporting.SetSubscriptionPausedAsync(new() { DonorOrganisationId = world.DonorId, SubscriptionId = subscription.SubscriptionId, Paused = true });
        Assert.Null(RecurringJob(jobId));
        Assert.Empty(paused.NextRunAt);
        await api.Reporting.SetSubscriptionPausedAsync(new() { DonorOrganisationId = world.DonorId, SubscriptionId = subscription.SubscriptionId, Paused = false });
        Assert.NotNull(RecurringJob(jobId));

        await api.Reporting.DeleteSubscriptionAsync(new() { DonorOrganisationId = world.DonorId, SubscriptionId = subscription.SubscriptionId });
        Assert.Null(RecurringJob(jobId));
    }

    [Fact]
    public async Task Send_now_mails_the_pdf_archives_every_format_calls_the_webhook_and_never_sends_a_period_twice()
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

        var sent = await SendNowAsync(world, subscription.SubscriptionId);
        Assert.Equal(Period, sent.Period);
        var mail = Assert.Single(await mailbox.MessagesToAsync(recipient, 1));
        var pdf = Assert.Single(mail.Attachments.OfType<MimePart>());
        Assert.Equal("application/pdf", pdf.ContentType.MimeType);
        var text = await PdfTextAsync(pdf);
        Assert.Contains("Sản xuất phân compost", text);
        Assert.Contains("堆肥化", text);
        Assert.Contains("Compost produced", text);

        var reports = (await api.Reporting.ListReportsAsync(new() { DonorOrganisationId = world.DonorId, SubscriptionId = subscription.SubscriptionId })).Reports;
        Assert.Equal(["csv", "html", "pdf"], reports.Select(r => r.Format.ToString().ToLowerInvariant()).Order());
        Assert.All(reports, r => Assert.Equal(2, r.PilotCount));
        var csv = Encoding.UTF8.GetString(await DownloadAsync(reports.Single(r => r.Format == Proto.ReportFormat.Csv).ReportId));
        Assert.Contains($"compost-produced,Compost produced,t,{Period},45,", csv);
        var html = Encoding.UTF8.GetString(await DownloadAsync(reports.Single(r => r.Format == Proto.ReportFormat.Html).ReportId));
        Assert.Contains("<svg", html);
        Assert.Contains("<td>Green Growth Promotion Plan</td><td>2</td>", html);
        Assert.Contains("堆肥化", html);

        var (body, signature) = Assert.Single(webhook.Received);
        Assert.Equal(WebhookSender.Signature(created.WebhookSecret, body), signature);
        Assert.Contains($"/v1/reports/{reports[0].ReportId}/content", Encoding.UTF8.GetString(body), StringComparison.Ordinal);

        // The same period again: the job runs and succeeds, and sends nothing new.
        await SendNowAsync(world, subscription.SubscriptionId);
        Assert.Single(await mailbox.MessagesToAsync(recipient, 2, TimeSpan.FromSeconds(2)));
        Assert.Single(webhook.Received);
        Assert.Equal(3, (await api.Reporting.ListReportsAsync(new() { DonorOrganisationId = world.DonorId, SubscriptionId = subscription.SubscriptionId })).Reports.Count);
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
        var state = await WaitForJobAsync(sent.JobId, FailedState.StateName, TimeSpan.FromSeconds(60));
        Assert.Equal(FailedState.StateName, state);

        var failed = Assert.Single((await api.Reporting.ListFailedDeliveriesAsync(new() { DonorOrganisationId = world.DonorId })).Deliveries,
            d => d.SubscriptionId == subscription.SubscriptionId);
        Assert.Equal("email", failed.Channel);
        Assert.Equal(3, failed.Attempts);
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
        var view = await grains.GetGrain<Contracts.Reporting.IReportSubscriptionsGrain>(world.DonorId).Get(subscription.SubscriptionId);
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

    private async Task<Proto.SendReportNowResult> SendNowAsync(ApiWorld world, string subscriptionId)
    {
        var sent = await api.Reporting.SendReportNowAsync(new() { DonorOrganisationId = world.DonorId, SubscriptionId = subscriptionId, Period = Period });
        Assert.Equal(SucceededState.StateName, await WaitForJobAsync(sent.JobId, SucceededState.StateName, TimeSpan.FromSeconds(60)));
        return sent;
    }

    private async Task<string?> WaitForJobAsync(string jobId, string state, TimeSpan timeout)
    {
        var storage = api.Services.GetRequiredService<JobStorage>();
        var until = DateTime.UtcNow + timeout;
        string? current;
        do
        {
            using var connection = storage.GetConnection();
            current = connection.GetStateData(jobId)?.Name;
            if (current == state)
                return current;
            await Task.Delay(200);
        }
        while (DateTime.UtcNow < until);
        return current;
    }

    private RecurringJobDto? RecurringJob(string id)
    {
        using var connection = api.Services.GetRequiredService<JobStorage>().GetConnection();
        return connection.GetRecurringJobs([id]).SingleOrDefault(j => !j.Removed);
    }

    private async Task<byte[]> DownloadAsync(long reportId)
    {
        using var download = api.Reporting.DownloadReport(new() { ReportId = reportId });
        var bytes = new List<byte>();
        while (await download.ResponseStream.MoveNext(CancellationToken.None))
            bytes.AddRange(download.ResponseStream.Current.Data);
        return [.. bytes];
    }

    /// <summary>The text of a PDF, as Debian's pdftotext reads it (poppler-utils, installed by ops/test.sh).</summary>
    private static async Task<string> PdfTextAsync(MimePart pdf)
    {
        var file = Path.GetTempFileName();
        try
        {
            await using (var stream = File.Create(file))
                await pdf.Content.DecodeToAsync(stream);
            var start = new ProcessStartInfo("pdftotext", [file, "-"]) { RedirectStandardOutput = true };
            using var process = Process.Start(start)!;
            var text = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.Equal(0, process.ExitCode);
            return text;
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>An HTTP endpoint on loopback that keeps what it is POSTed.</summary>
    private sealed class WebhookReceiver : IDisposable
    {
        private readonly HttpListener _listener = new();
        private readonly List<(byte[] Body, string Signature)> _received = [];

        public WebhookReceiver()
        {
            Url = $"http://127.0.0.1:{Ports.Free()}/hook/";
            _listener.Prefixes.Add(Url);
            _listener.Start();
            _ = Task.Run(ServeAsync);
        }

        public string Url { get; }

        public IReadOnlyList<(byte[] Body, string Signature)> Received
        {
            get
            {
                lock (_received)
                    return [.. _received];
            }
        }

        public void Dispose() => _listener.Close();

        private async Task ServeAsync()
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync();
                }
                catch (Exception) when (!_listener.IsListening)
                {
                    return;
                }
                using var body = new MemoryStream();
                await context.Request.InputStream.CopyToAsync(body);
                lock (_received)
                    _received.Add((body.ToArray(), context.Request.Headers[WebhookSender.SignatureHeader] ?? ""));
                context.Response.StatusCode = 204;
                context.Response.Close();
            }
        }
    }
}
