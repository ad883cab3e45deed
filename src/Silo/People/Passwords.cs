using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;

namespace Cooperation.Silo.People;

/// <summary>
/// Passwords kept as ASP.NET Core Identity's hashes (format v3: PBKDF2 with HMAC-SHA512, a random
/// salt, 100,000 iterations). Hashing is slow on purpose, so it runs on the thread pool, off the
/// grain's scheduler, where it would hold up every other call to the silo's grains on that thread.
/// </summary>
internal static class Passwords
{
    // The hasher uses no user data; one instance serves every account.
    private static readonly PasswordHasher<object> Hasher = new();
    private static readonly object Nobody = new();

    /// <summary>The hash to keep of <paramref name="password"/>.</summary>
    public static Task<string> HashAsync(string password) => Task.Run(() => Hasher.HashPassword(Nobody, password));

    /// <summary>Whether <paramref name="password"/> is the one behind <paramref name="hash"/>.</summary>
    public static Task<bool> VerifyAsync(string hash, string password) =>
        Task.Run(() => Hasher.VerifyHashedPassword(Nobody, hash, password) != PasswordVerificationResult.Failed);

    /// <summary>A new session stamp: 32 random bytes, hex.</summary>
    public static string NewSessionStamp() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    /// <summary>Whether a cookie's <paramref name="presented"/> stamp is the account's <paramref name="current"/> one (in constant time).</summary>
    public static bool SameStamp(string current, string? presented) =>
        current.Length > 0 && presented is { Length: > 0 }
        && CryptographicOperations.FixedTimeEquals(System.Text.Encoding.UTF8.GetBytes(current), System.Text.Encoding.UTF8.GetBytes(presented));
}
