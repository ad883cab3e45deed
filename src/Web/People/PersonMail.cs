using Cooperation.Contracts.Cities;
using Cooperation.Contracts.Access;
using Cooperation.Contracts.DonorReports;
using Cooperation.Contracts.Organisations;
using Cooperation.Contracts.People;
using Cooperation.Reports.Delivery;
using Cooperation.Reports.Rendering;
using Cooperation.Web.Hosting;
using Cooperation.Web.Words;
using Microsoft.Extensions.Options;

namespace Cooperation.Web.People;

/// <summary>
/// The mails of people's accounts, in the person's language (words "mail.*" of <see cref="WebWords"/>),
/// sent through the reports' SMTP settings and mailer (<see cref="ReportMailer"/>) once the account
/// grain has committed the link's hash. Times are written in the time zone of the organisation's city.
/// </summary>
internal sealed partial class PersonMail(IGrainFactory grains, ReportMailer mailer, IOptions<WebOptions> options, ILogger<PersonMail> logger)
{
    /// <summary>Mails the invitation of <paramref name="account"/> with the link's <paramref name="secret"/>.</summary>
    public async Task SendInvitationAsync(AccountView account, string secret)
    {
        var definition = account.Definition;
        var language = definition.Language;
        var (organisation, timeZone) = await OrganisationOfAsync(definition.OrganisationId, language);
        var link = new MailedLink(account.AccountId, secret).Url(options.Value.PublicBaseUrl, MailedLink.InvitationPath);
        var expires = account.InvitationExpiresAt ?? DateTimeOffset.UtcNow + OneTimeToken.Lifetime;
        var text = WebWords.Format("mail.invitation.body", language, definition.DisplayName, ReportText.Of(definition.Role, language),
            organisation, ReportCulture.Instant(expires, timeZone, language), link);
        await SendAsync(definition.Email, WebWords.Word("mail.invitation.subject", language), text, "invitation", account.AccountId);
    }

    /// <summary>
    /// <see cref="SendInvitationAsync"/>; false (logged) when the mail could not be sent: the
    /// invitation stands, and inviting again sends a new link.
    /// </summary>
    public async Task<bool> TrySendInvitationAsync(AccountView account, string secret)
    {
        try
        {
            await SendInvitationAsync(account, secret);
            return true;
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            LogNotSent(logger, "invitation", account.AccountId, error);
            return false;
        }
    }

    /// <summary>Mails a password-reset link (valid <see cref="OneTimeToken.Lifetime"/> from <paramref name="requestedAt"/>) to <paramref name="account"/>.</summary>
    public async Task SendPasswordResetAsync(AccountView account, string secret, DateTimeOffset requestedAt)
    {
        var definition = account.Definition;
        var language = definition.Language;
        var (_, timeZone) = await OrganisationOfAsync(definition.OrganisationId, language);
        var link = new MailedLink(account.AccountId, secret).Url(options.Value.PublicBaseUrl, MailedLink.ResetPath);
        var text = WebWords.Format("mail.reset.body", language, definition.DisplayName, definition.Email,
            ReportCulture.Instant(requestedAt + OneTimeToken.Lifetime, timeZone, language), link);
        await SendAsync(definition.Email, WebWords.Word("mail.reset.subject", language), text, "password reset", account.AccountId);
    }

    private async Task SendAsync(string to, string subject, string text, string kind, string accountId)
    {
        await mailer.SendAsync([to], subject, text, []);
        LogSent(logger, kind, accountId);
    }

    /// <summary>The organisation's name in <paramref name="language"/> and its city's time zone (the platform's admins: UTC).</summary>
    private async Task<(string Name, string? TimeZone)> OrganisationOfAsync(string organisationId, ReportLanguage language)
    {
        if (organisationId == Caller.Platform.OrganisationId)
            return (WebWords.Word("site.name", language), null);
        // Reference data: names and time zones are for anyone to read; the mail is the platform's.
        CallerContext.ActAsPlatform();
        var organisation = await grains.GetGrain<IOrganisationGrain>(organisationId).Get();
        var city = await grains.GetGrain<ICityGrain>(organisation.Definition.CityId).Get();
        return (ReportText.In(organisation.Definition.Names, language), city.Definition.TimeZone);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The {Kind} mail of {AccountId} could not be sent")]
    private static partial void LogNotSent(ILogger logger, string kind, string accountId, Exception error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Mailed the {Kind} link of {AccountId}")]
    private static partial void LogSent(ILogger logger, string kind, string accountId);
}
