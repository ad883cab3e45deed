using System.Security.Cryptography;
using System.Text;

namespace Cooperation.Contracts.People;

/// <summary>What a one-time link lets its holder do.</summary>
[GenerateSerializer, Alias("coop.TokenPurpose")]
public enum TokenPurpose
{
    /// <summary>Accept an invitation: set a first password.</summary>
    Invitation = 1,

    /// <summary>Set a new password after "forgot password".</summary>
    PasswordReset = 2,
}

/// <summary>
/// The secret of a mailed one-time link. Only its hash is kept (a database read does not open
/// anyone's account); the secret is shown once, in the mail. A token is bound to its purpose, so
/// an invitation's link cannot reset a password.
/// </summary>
/// <param name="Secret">What the link carries: 32 random bytes, base64url.</param>
/// <param name="Hash">What the platform keeps.</param>
public sealed record OneTimeToken(string Secret, string Hash)
{
    /// <summary>How long a link opens: 7 days.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    /// <summary>A new token for <paramref name="purpose"/>.</summary>
    public static OneTimeToken New(TokenPurpose purpose)
    {
        var secret = Base64Url(RandomNumberGenerator.GetBytes(32));
        return new OneTimeToken(secret, HashOf(purpose, secret));
    }

    /// <summary>The kept hash of <paramref name="secret"/> for <paramref name="purpose"/>.</summary>
    public static string HashOf(TokenPurpose purpose, string secret) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{(int)purpose}:{secret}")));

    /// <summary>Whether <paramref name="secret"/> is the one behind <paramref name="hash"/> for <paramref name="purpose"/> (in constant time).</summary>
    public static bool Matches(TokenPurpose purpose, string? secret, string hash) =>
        !string.IsNullOrEmpty(secret) && secret.Length <= 64
        && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(HashOf(purpose, secret)), Encoding.ASCII.GetBytes(hash));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
