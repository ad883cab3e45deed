using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Cooperation.Reports.Delivery;

/// <summary>A file attached to a message.</summary>
public sealed record MailAttachment(string FileName, string ContentType, byte[] Content);

/// <summary>Sends messages over SMTP with MailKit, as configured in "Reports:Smtp".</summary>
public sealed class ReportMailer(IOptions<DonorReportOptions> options)
{
    /// <summary>
    /// Sends one message to <paramref name="recipients"/>; with a delivery's <paramref name="reference"/>
    /// its Message-ID is the same at every attempt (a mail system drops a repeat it already holds).
    /// </summary>
    public async Task SendAsync(IReadOnlyList<string> recipients, string subject, string text, IReadOnlyList<MailAttachment> attachments,
        string? reference = null, CancellationToken cancellationToken = default)
    {
        var smtp = options.Value.Smtp;
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(smtp.FromName, smtp.From));
        foreach (var recipient in recipients)
            message.To.Add(MailboxAddress.Parse(recipient));
        message.Subject = subject;
        if (reference is not null)
            message.MessageId = $"{reference}@{MailboxAddress.Parse(smtp.From).Domain}";
        var body = new BodyBuilder { TextBody = text };
        foreach (var attachment in attachments)
        {
            // Base64 for every file: a text part (HTML, CSV) would have its line ends rewritten on the way, and its bytes no longer match the archive's.
            if (body.Attachments.Add(attachment.FileName, attachment.Content, ContentType.Parse(attachment.ContentType)) is MimePart part)
                part.ContentTransferEncoding = ContentEncoding.Base64;
        }
        message.Body = body.ToMessageBody();

        using var client = new SmtpClient { Timeout = 30_000 };
        await client.ConnectAsync(smtp.Host, smtp.Port, Enum.Parse<SecureSocketOptions>(smtp.Security, ignoreCase: true), cancellationToken);
        if (!string.IsNullOrEmpty(smtp.User))
            await client.AuthenticateAsync(smtp.User, smtp.Password ?? "", cancellationToken);
        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}
