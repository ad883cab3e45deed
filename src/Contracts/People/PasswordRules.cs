using Cooperation.Contracts.Common;

namespace Cooperation.Contracts.People;

/// <summary>
/// What a password must be, as current guidance has it (NIST SP 800-63B): long enough, not too
/// long to hash, and not guessable from the account itself. No composition rules (they make
/// passwords weaker in practice); passphrases in Vietnamese or Japanese count by their characters.
/// </summary>
public static class PasswordRules
{
    /// <summary>Fewest characters (text elements, so a Japanese character counts once).</summary>
    public const int MinLength = 12;

    /// <summary>Most characters: enough for any passphrase, bounded so hashing stays cheap to refuse.</summary>
    public const int MaxLength = 256;

    /// <summary>Refuses <paramref name="password"/> for the account with <paramref name="email"/>, naming <paramref name="field"/>.</summary>
    public static void Check(string? password, string email, string field = "password")
    {
        if (string.IsNullOrEmpty(password))
            throw new InvalidFieldException(field, "is required");
        var length = new System.Globalization.StringInfo(password).LengthInTextElements;
        if (length < MinLength)
            throw new InvalidFieldException(field, $"must have at least {MinLength} characters");
        if (length > MaxLength)
            throw new InvalidFieldException(field, $"must have at most {MaxLength} characters");
        if (password.Distinct().Count() < 4)
            throw new InvalidFieldException(field, "must not repeat a few characters over and over");
        var local = email.Split('@')[0];
        if (local.Length >= 4 && password.Contains(local, StringComparison.OrdinalIgnoreCase))
            throw new InvalidFieldException(field, "must not contain the e-mail address");
    }
}
