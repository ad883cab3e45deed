using System.Globalization;
using System.Text.Json;
using Cooperation.Contracts.Common;
using Cooperation.Contracts.DonorReports;
using Cooperation.Reports.Rendering;
using Microsoft.Extensions.Options;

namespace Cooperation.Reports.Delivery;

/// <summary>
/// Delivers one revision of a period's report through each channel of its subscription, at most
/// once per channel and revision (<see cref="DeliveryLog"/>): an e-mail with every file attached
/// (up to the size limit) and each linked by a signed download link, and a signed webhook with the
/// files' metadata and signed links. A revision after the first says so, and what changed.
/// </summary>
public sealed class ReportDelivery(
    DeliveryLog deliveries,
    ReportArchive archive,
    ReportMailer mailer,
    WebhookSender webhooks,
    WebhookSecrets secrets,
    ReportLinks links,
    IOptions<DonorReportOptions> options)
{
    /// <summary>Delivers <paramref name="files"/> (one revision of <paramref name="period"/>'s report) to <paramref name="subscription"/>'s recipients and webhook.</summary>
    public async Task DeliverAsync(ReportSubscriptionView subscription, ReportingPeriod period, IReadOnlyList<ArchivedReportFile> files,
        CancellationToken cancellationToken)
    {
        if (files.Count == 0)
            return;
        var definition = subscription.Definition;
        var revision = files[0].Revision;
        var periodText = period.ToString();
        if (definition.Recipients.Count > 0)
        {
            var key = new DeliveryKey(definition.DonorOrganisationId, subscription.SubscriptionId, periodText, "email", revision);
            await deliveries.DeliverOnceAsync(key, string.Join(", ", definition.Recipients), async reference =>
            {
                var (attachments, attached) = await AttachmentsAsync(files, cancellationToken);
                var text = await MailTextAsync(subscription, period, files, attached, cancellationToken);
                await mailer.SendAsync(definition.Recipients, Subject(subscription, period, files[0]), text, attachments, reference, cancellationToken);
            }, cancellationToken);
        }
        if (definition.WebhookUrl is { } url)
        {
            var key = new DeliveryKey(definition.DonorOrganisationId, subscription.SubscriptionId, periodText, "webhook", revision);
            await deliveries.DeliverOnceAsync(key, url, async reference => await webhooks.PostAsync(url, await secrets.OfAsync(subscription, cancellationToken),
                await WebhookBodyAsync(subscription, period, files, cancellationToken), reference, cancellationToken), cancellationToken);
        }
    }

    /// <summary>The subject of a report's e-mail: its title and period, and its revision after the first.</summary>
    public static string Subject(ReportSubscriptionView subscription, ReportingPeriod period, ArchivedReportFile file)
    {
        var revision = RevisionText.Line(file.Revision, null, subscription.Definition.Language);
        return $"{subscription.Definition.Title} — {ReportCulture.Period(period, subscription.Definition.Language)}" + (revision.Length > 0 ? $" — {revision}" : "");
    }

    /// <summary>The files attached, in the archive's order, while they fit the size limit; the others are only linked.</summary>
    private async Task<(List<MailAttachment> Attachments, HashSet<long> Attached)> AttachmentsAsync(IReadOnlyList<ArchivedReportFile> files,
        CancellationToken cancellationToken)
    {
        var attachments = new List<MailAttachment>();
        var attached = new HashSet<long>();
        long total = 0;
        foreach (var file in files.OrderBy(f => f.Format))
        {
            if (total + file.Size > options.Value.MaxAttachmentBytes)
                continue;
            attachments.Add(new MailAttachment(file.FileName, file.ContentType, await archive.ContentAsync(file.ReportId, cancellationToken)));
            attached.Add(file.ReportId);
            total += file.Size;
        }
        return (attachments, attached);
    }

    private async Task<string> MailTextAsync(ReportSubscriptionView subscription, ReportingPeriod period, IReadOnlyList<ArchivedReportFile> files,
        HashSet<long> attached, CancellationToken cancellationToken)
    {
        var language = subscription.Definition.Language;
        var first = files[0];
        var lines = new List<string>
        {
            $"{ReportText.Word("report", language)}: {subscription.Definition.Title}",
            $"{ReportText.Word("period", language)}: {ReportCulture.Period(period, language)}",
        };
        if (first.Revision > 1)
            lines.AddRange([RevisionText.Line(first.Revision, first.Changes, language), RevisionText.Replaces(first.Revision, language)]);
        var signed = new List<(ArchivedReportFile File, SignedLink Link)>();
        foreach (var file in files.OrderBy(f => f.Format))
            signed.Add((file, await links.ForAsync(file.ReportId, cancellationToken)));
        lines.Add("");
        var expires = ReportCulture.Instant(signed[0].Link.ExpiresAt, subscription.Definition.Schedule.TimeZone, language);
        lines.Add(ReportText.Format("mail.files", language, expires) + ":");
        foreach (var (file, link) in signed)
            lines.Add($"- {file.FileName}{(attached.Contains(file.ReportId) ? $" ({ReportText.Word("mail.attached", language)})" : "")}: {link.Url}");
        return string.Join("\n", lines) + "\n";
    }

    private async Task<string> WebhookBodyAsync(ReportSubscriptionView subscription, ReportingPeriod period, IReadOnlyList<ArchivedReportFile> files,
        CancellationToken cancellationToken)
    {
        var reports = new List<object>();
        foreach (var file in files.OrderBy(f => f.Format))
        {
            var link = await links.ForAsync(file.ReportId, cancellationToken);
            reports.Add(new
            {
                report_id = file.ReportId,
                format = DonorReport.FormatName(file.Format),
                file_name = file.FileName,
                content_type = file.ContentType,
                size = file.Size,
                sha256 = file.Sha256,
                cutoff = file.Cutoff.ToString("O", CultureInfo.InvariantCulture),
                download_url = link.Url,
                download_url_expires_at = link.ExpiresAt.ToString("O", CultureInfo.InvariantCulture),
            });
        }
        return JsonSerializer.Serialize(new
        {
            donor_organisation_id = subscription.Definition.DonorOrganisationId,
            subscription_id = subscription.SubscriptionId,
            period = period.ToString(),
            revision = files[0].Revision,
            figures_changed = files[0].Changes?.FiguresChanged ?? 0,
            newly_verified = files[0].Changes?.NewlyVerified ?? 0,
            reports,
        });
    }
}
