using System.Security.Cryptography;
using System.Text;

namespace Cooperation.Contracts.Access;

/// <summary>
/// API keys: "coop.{credential id}.{secret}". The id says which credential to check; the secret
/// (32 random bytes, base64url) is stored only as its SHA-256 hash, which is enough for a key
/// this long: it cannot be guessed, so it needs no slow hash.
/// </summary>
public static class ApiKeys
{
    private const string Prefix = "coop";
    private const string IdAlphabet = "abcdefghijklmnopqrstuvwxyz234567";

    /// <summary>A new credential id and secret.</summary>
    public static (string CredentialId, string Secret) New() =>
        ("key-" + RandomNumberGenerator.GetString(IdAlphabet, 12), Base64Url(RandomNumberGenerator.GetBytes(32)));

    /// <summary>The key a client sends.</summary>
    public static string Format(string credentialId, string secret) => $"{Prefix}.{credentialId}.{secret}";

    /// <summary>Splits a key into credential id and secret; false for anything not shaped like a key.</summary>
    public static bool TryParse(string? key, out string credentialId, out string secret)
    {
        var parts = key?.Split('.') ?? [];
        var shaped = parts is [Prefix, { Length: > 0 and <= 40 } id, { Length: >= 20 and <= 100 }]
            && id.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-');
        credentialId = shaped ? parts[1] : "";
        secret = shaped ? parts[2] : "";
        return shaped;
    }

    /// <summary>What is stored of a secret: its SHA-256, hex.</summary>
    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    /// <summary>Compares two hashes in constant time.</summary>
    public static bool SameHash(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(a), Encoding.ASCII.GetBytes(b));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
