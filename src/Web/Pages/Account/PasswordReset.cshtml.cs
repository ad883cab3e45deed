using Cooperation.Contracts.People;
using Cooperation.Web.Forms;
using Cooperation.Web.Hosting;
using Cooperation.Web.People;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Cooperation.Web.Pages.Account;

/// <summary>
/// "Forgot password": the same answer whether or not the address has an account. For an active
/// account the grain keeps the new link's hash, and the link is mailed off the request (so the
/// answer takes no longer for an address that has an account).
/// </summary>
[EnableRateLimiting(AccountFormLimits.Policy)]
internal sealed partial class PasswordResetModel(IGrainFactory grains, AccountFormLimits limits, PersonMail mail, TimeProvider clock,
    ILogger<PasswordResetModel> logger) : FormPage
{
    /// <summary>The address typed.</summary>
    public string? Email { get; private set; }

    /// <summary>The address the answer names, once sent.</summary>
    public string? SentTo { get; private set; }

    /// <summary>Shows the form.</summary>
    public void OnGet()
    {
    }

    /// <summary>Takes the request; mails a link when the address has an active account.</summary>
    public async Task<IActionResult> OnPostAsync(string? email)
    {
        Email = email?.Trim();
        if (EmailAddress("email", email) is not { } address)
            return Page();
        if (!limits.TryAttempt(address))
            return StatusCode(StatusCodes.Status429TooManyRequests);
        if (await grains.GetGrain<IAccountDirectoryGrain>(IAccountDirectoryGrain.Key).Find(address) is { } accountId)
        {
            var token = OneTimeToken.New(TokenPurpose.PasswordReset);
            var requestedAt = clock.GetUtcNow();
            if (await grains.GetGrain<IAccountGrain>(accountId).RequestPasswordReset(token.Hash) is { } account)
                _ = Task.Run(() => MailAsync(account, token.Secret, requestedAt));
        }
        SentTo = address;
        return Page();
    }

    private async Task MailAsync(AccountView account, string secret, DateTimeOffset requestedAt)
    {
        try
        {
            await mail.SendPasswordResetAsync(account, secret, requestedAt);
        }
        catch (Exception error)
        {
            // The person asks again; the answer did not depend on the mail.
            LogMailFailed(logger, account.AccountId, error);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The password-reset mail of {AccountId} could not be sent")]
    private static partial void LogMailFailed(ILogger logger, string accountId, Exception error);
}
