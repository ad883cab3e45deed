using System.Globalization;
using System.Text.Json;
using Cooperation.Contracts.Access;
using Cooperation.Contracts.Common;
using Cooperation.Contracts.Reporting;
using Cooperation.Gateway.Reporting.Delivery;
using Cooperation.Gateway.Reporting.Rendering;
using Microsoft.Extensions.Options;

namespace Cooperation.Gateway.Reporting;

/// <summary>
/// The Hangfire job of a subscription: makes the report of a period (once: a rerun delivers the
/// archived files), archives it, mails it and calls the webhook, each channel at most once per
/// period. A failure throws, so Hangfire retries with back-off; the delivery log shows it.
/// </summary>
public sealed partial class DonorReportJob(
    IGrainFactory grains,
    DonorReportBuilder builder,
    ReportArchive archive,
    DeliveryLog deliveries,
    ReportMailer mailer,
    WebhookSender webhooks,
    SubscriptionSchedule schedule,
    IOptions<ReportingOptions> options,
    TimeProvider clock,
    ILogger<DonorReportJob> logger)
{
    /// <summary>The scheduled run: the last period closed now, unless the subscription is paused or gone.</summary>
    public async Task RunScheduledAsync(string donorId, string subscriptionId, CancellationToken cancellationToken)
    {
        if (await FindAsync(donorId, subscriptionId) is not { Paused: false } subscription)
            return;
        await DeliverAsync(subscription, subscription.Definition.Schedule.LastClosedPeriod(clock.GetUtcNow()), cancellationToken);
    }

    /// <summary>"Send now": the report of <paramref name="period"/> ("2025-03"), paused or not.</summary>
    public async Task RunOnceAsync(string donorId, string subscriptionId, string period, CancellationToken cancellationToken)
    {
        if (await FindAsync(donorId, subscriptionId) is { } subscription)
            await DeliverAsync(subscription, ReportingPeriod.Parse(period, "period"), cancellationToken);
    }

    private async Task<ReportSubscriptionView?> FindAsync(string donorId, string subscriptionId)
    {
        CallerContext.ActAsPlatform();
        try
        {
            return await grains.GetGrain<IReportSubscriptionsGrain>(donorId).Get(subscriptionId);
        }
        catch (EntityNotFoundException)
        {
            // Deleted while its job was queued, or its schedule outlived it: nothing to send, no schedule to keep.
            schedule.Remove(donorId, subscriptionId);
            LogGone(logger, donorId, subscriptionId);
            return null;
        }
    }

    private async Task DeliverAsync(ReportSubscriptionView subscription, ReportingPeriod period, CancellationToken cancellationToken)
    {
        var definition = subscription.Definition;
        var files = await archive.FindAsync(definition.DonorOrganisationId, subscription.SubscriptionId, period, cancellationToken);
        if (files.Count == 0)
        {
            var report = await builder.BuildAsync(subscription, period, clock.GetUtcNow(), cancellationToken);
            files = await archive.SaveAsync(report, Render(report, definition.Formats), cancellationToken);
            LogMade(logger, definition.DonorOrganisationId, subscription.SubscriptionId, period.ToString(), report.Pilots.Count);
        }
        var periodText = period.ToString();
        if (definition.Recipients.Count > 0)
        {
            var key = new DeliveryKey(definition.DonorOrganisationId, subscription.SubscriptionId, periodText, "email");
            await deliveries.DeliverOnceAsync(key, string.Join(", ", definition.Recipients), async () =>
            {
                // The PDF is attached; other formats too when no PDF is made.
                var attached = files.Where(f => f.Format == ReportFormats.Pdf).DefaultIfEmpty().OfType<ArchivedReportFile>().ToList();
                if (attached.Count == 0)
                    attached = [.. files];
                var attachments = new List<MailAttachment>();
                foreach (var file in attached)
                    attachments.Add(new MailAttachment(file.FileName, file.ContentType, await archive.ContentAsync(file.ReportId, cancellationToken)));
                await mailer.SendAsync(definition.Recipients, $"{definition.Title} — {periodText}", MailText(subscription, period, files), attachments, cancellationToken);
            }, cancellationToken);
        }
        if (definition.WebhookUrl is { } url)
        {
            var key = new DeliveryKey(definition.DonorOrganisationId, subscription.SubscriptionId, periodText, "webhook");
            await deliveries.DeliverOnceAsync(key, url,
                () => webhooks.PostAsync(url, subscription.WebhookSecret, WebhookBody(subscription, period, files), cancellationToken), cancellationToken);
        }
    }

    /// <summary>The files of <paramref name="report"/> in <paramref name="formats"/>.</summary>
    public static Dictionary<ReportFormats, byte[]> Render(DonorReport report, ReportFormats formats)
    {
        var files = new Dictionary<ReportFormats, byte[]>();
        if (formats.HasFlag(ReportFormats.Pdf))
            files[ReportFormats.Pdf] = ReportPdf.Render(report);
        if (formats.HasFlag(ReportFormats.Html))
            files[ReportFormats.Html] = ReportHtml.Render(report);
        if (formats.HasFlag(ReportFormats.Csv))
            files[ReportFormats.Csv] = ReportCsv.Render(report);
        return files;
    }

    private string MailText(ReportSubscriptionView subscription, ReportingPeriod period, IReadOnlyList<ArchivedReportFile> files)
    {
        var language = subscription.Definition.Language;
        var lines = new List<string>
        {
            $"{ReportText.Word("report", language)}: {subscription.Definition.Title}",
            $"{ReportText.Word("period", language)}: {period}",
            "",
        };
        lines.AddRange(files.Select(f => $"{f.FileName}: {Link(f)}"));
        return string.Join("\n", lines) + "\n";
    }

    private string WebhookBody(ReportSubscriptionView subscription, ReportingPeriod period, IReadOnlyList<ArchivedReportFile> files) =>
        JsonSerializer.Serialize(new
        {
            donor_organisation_id = subscription.Definition.DonorOrganisationId,
            subscription_id = subscription.SubscriptionId,
            period = period.ToString(),
            reports = files.Select(f => new
            {
                report_id = f.ReportId,
                format = DonorReport.FormatName(f.Format),
                file_name = f.FileName,
                size = f.Size,
                sha256 = f.Sha256,
                cutoff = f.Cutoff.ToString("O", CultureInfo.InvariantCulture),
                download_url = Link(f),
            }),
        });

    private string Link(ArchivedReportFile file) =>
        $"{options.Value.PublicBaseUrl.TrimEnd('/')}/v1/reports/{file.ReportId.ToString(CultureInfo.InvariantCulture)}/content";

    [LoggerMessage(LogLevel.Information, "Report of {DonorId}/{SubscriptionId} for {Period} made: {Pilots} pilots")]
    private static partial void LogMade(ILogger logger, string donorId, string subscriptionId, string period, int pilots);

    [LoggerMessage(LogLevel.Information, "Subscription {DonorId}/{SubscriptionId} is gone; its schedule is removed")]
    private static partial void LogGone(ILogger logger, string donorId, string subscriptionId);
}
