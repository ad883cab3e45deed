using Cooperation.Contracts.People;
using Cooperation.Web.Forms;

namespace Cooperation.Web.Pages.Account;

/// <summary>Completing a password reset: the link from the mail, a new password set twice, then signed in (other sessions end) and home.</summary>
public sealed class ChoosePasswordModel : PasswordLinkPage
{
    /// <inheritdoc/>
    protected override Task<SignInResult> UseAsync(IAccountGrain account, string secret, string password) =>
        account.ResetPassword(secret, password);
}
