using Cooperation.Contracts.People;
using Cooperation.Web.Forms;

namespace Cooperation.Web.Pages.Account;

/// <summary>Accepting an invitation: the link from the mail, a password set twice, then signed in and home.</summary>
public sealed class InvitationModel : PasswordLinkPage
{
    /// <inheritdoc/>
    protected override Task<SignInResult> UseAsync(IAccountGrain account, string secret, string password) =>
        account.AcceptInvitation(secret, password);
}
