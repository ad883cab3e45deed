using Cooperation.Contracts.Common;
using Cooperation.Contracts.People;

namespace Cooperation.Web.People;

/// <summary>
/// A one-time link as mailed: <c>{PublicBaseUrl}{path}?token={accountId}.{secret}</c>. The web host
/// makes the secret (<see cref="OneTimeToken.New"/>), the account grain keeps only its hash, and
/// the link names the account so the grain that checks it is found without a lookup.
/// </summary>
/// <param name="AccountId">The account the link opens.</param>
/// <param name="Secret">The token's secret.</param>
internal sealed record MailedLink(string AccountId, string Secret)
{
    /// <summary>The invitation page's path.</summary>
    public const string InvitationPath = "/account/invitation";

    /// <summary>The page that sets a new password from a reset link.</summary>
    public const string ResetPath = "/account/password-reset/choose";

    /// <summary>The link's <c>token</c> value.</summary>
    public string Token => $"{AccountId}.{Secret}";

    /// <summary>The full link to <paramref name="path"/> on the site at <paramref name="publicBaseUrl"/>.</summary>
    public string Url(string publicBaseUrl, string path) =>
        $"{publicBaseUrl.TrimEnd('/')}{path}?token={Uri.EscapeDataString(Token)}";

    /// <summary>The link a <c>token</c> value stands for; null when it is not one (no account id, no secret).</summary>
    public static MailedLink? Parse(string? token)
    {
        var dot = token?.IndexOf('.') ?? -1;
        if (token is null || dot <= 0 || dot == token.Length - 1 || token.Length > 200)
            return null;
        var accountId = token[..dot];
        try
        {
            Field.Id(accountId, "token");
        }
        catch (InvalidFieldException)
        {
            return null;
        }
        return new MailedLink(accountId, token[(dot + 1)..]);
    }

    /// <summary>A new account id for an invitation: "acct-" and 20 random lower-case letters and digits.</summary>
    public static string NewAccountId()
    {
        const string alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        return "acct-" + System.Security.Cryptography.RandomNumberGenerator.GetString(alphabet, 20);
    }
}
