using System.Globalization;
using System.Text.RegularExpressions;

namespace Cooperation.Contracts.Common;

/// <summary>
/// Field rules shared by every request, each refusing with an <see cref="InvalidFieldException"/>
/// that names the field as the API spells it.
/// </summary>
public static partial class Field
{
    /// <summary>Longest id or code.</summary>
    public const int MaxIdLength = 64;

    /// <summary>
    /// Largest magnitude a number may have. Generous for any KPI unit, and small enough that sums
    /// and ratios of such numbers stay finite.
    /// </summary>
    public const double MaxMagnitude = 1e15;

    [GeneratedRegex("^[a-z](?:[a-z0-9-]*[a-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();

    /// <summary>
    /// An id or code: a lowercase letter, then lowercase letters, digits and inner hyphens,
    /// 1–64 characters. Ids become grain keys and URL segments, so they are kept plain; the
    /// leading letter matters: Orleans' ADO.NET storage reads an all-hex key as a number, and
    /// "0123" would share a row with "123".
    /// </summary>
    public static string Id(string? value, string field)
    {
        if (string.IsNullOrEmpty(value))
            throw new InvalidFieldException(field, "is required");
        if (value.Length > MaxIdLength || !IdPattern().IsMatch(value))
            throw new InvalidFieldException(field,
                $"must be 1–{MaxIdLength} lowercase letters, digits or inner hyphens, starting with a letter, e.g. \"hai-phong\"");
        return value;
    }

    /// <summary>A non-empty text of at most <paramref name="maxLength"/> characters, trimmed.</summary>
    public static string Text(string? value, string field, int maxLength)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
            throw new InvalidFieldException(field, "is required");
        if (trimmed.Length > maxLength)
            throw new InvalidFieldException(field, $"must be at most {maxLength} characters");
        return trimmed;
    }

    /// <summary>Whether <paramref name="value"/> is a finite number within ±<see cref="MaxMagnitude"/>.</summary>
    public static bool IsNumber(double value) => double.IsFinite(value) && Math.Abs(value) <= MaxMagnitude;

    /// <summary>The message for a number that is not one.</summary>
    public const string NumberRule = "must be a finite number between -1e15 and 1e15";

    /// <summary>A finite number within ±<see cref="MaxMagnitude"/>: NaN and infinities are refused.</summary>
    public static double Finite(double value, string field) =>
        IsNumber(value) ? value : throw new InvalidFieldException(field, NumberRule);

    /// <summary>An ISO calendar date "YYYY-MM-DD".</summary>
    public static DateOnly Date(string? value, string field)
    {
        if (string.IsNullOrEmpty(value))
            throw new InvalidFieldException(field, "is required");
        return DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
               && date.Year is >= ReportingPeriod.MinYear and <= ReportingPeriod.MaxYear
            ? date
            : throw new InvalidFieldException(field, $"must be an ISO date \"YYYY-MM-DD\" between {ReportingPeriod.MinYear} and {ReportingPeriod.MaxYear}");
    }

    /// <summary>A defined, non-zero ("unspecified") enum value.</summary>
    public static TEnum Choice<TEnum>(TEnum value, string field) where TEnum : struct, Enum =>
        IsChoice(value)
            ? value
            : throw new InvalidFieldException(field, $"must be one of {string.Join(", ", Enum.GetValues<TEnum>().Where(IsChoice))}");

    /// <summary>
    /// A text as the domain stores it: not blank, no leading or trailing spaces (callers trim what
    /// users type), at most <paramref name="maxLength"/> characters.
    /// </summary>
    public static string ExactText(string? value, string field, int maxLength)
    {
        if (Text(value, field, maxLength) != value)
            throw new InvalidFieldException(field, "must not start or end with spaces");
        return value;
    }

    /// <summary>Refuses an id list with an invalid or repeated id, naming the entry.</summary>
    public static void DistinctIds(IReadOnlyList<string> ids, string field)
    {
        for (var i = 0; i < ids.Count; i++)
        {
            Id(ids[i], $"{field}[{i}]");
            for (var j = 0; j < i; j++)
            {
                if (ids[j] == ids[i])
                    throw new InvalidFieldException($"{field}[{i}]", $"'{ids[i]}' appears twice");
            }
        }
    }

    /// <summary>An optional text of at most <paramref name="maxLength"/> characters, trimmed; blank means none.</summary>
    public static string? OptionalText(string? value, string field, int maxLength) =>
        string.IsNullOrWhiteSpace(value) ? null : Text(value, field, maxLength);

    /// <summary>A date within the years the platform handles (those of <see cref="ReportingPeriod"/>).</summary>
    public static DateOnly Date(DateOnly date, string field) =>
        date.Year is >= ReportingPeriod.MinYear and <= ReportingPeriod.MaxYear
            ? date
            : throw new InvalidFieldException(field, $"must fall between {ReportingPeriod.MinYear} and {ReportingPeriod.MaxYear}");

    /// <summary>An optional ISO date: empty means none.</summary>
    public static DateOnly? OptionalDate(string? value, string field) =>
        string.IsNullOrEmpty(value) ? null : Date(value, field);

    /// <summary>An amount of money: a non-negative decimal such as "169000000" or "12.50".</summary>
    public static decimal Amount(string? value, string field)
    {
        if (string.IsNullOrEmpty(value))
            throw new InvalidFieldException(field, "is required");
        return decimal.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount)
               && amount <= MaxAmount
            ? amount
            : throw new InvalidFieldException(field, "must be a non-negative decimal number such as \"1500000\" or \"12.50\"");
    }

    /// <summary>Largest amount of money accepted (a quadrillion, in any currency).</summary>
    public const decimal MaxAmount = 1_000_000_000_000_000m;

    /// <summary>An IANA time zone such as "Asia/Ho_Chi_Minh", known to this machine's time-zone database.</summary>
    public static string TimeZone(string? value, string field)
    {
        if (string.IsNullOrEmpty(value))
            throw new InvalidFieldException(field, "is required");
        return value.Contains('/', StringComparison.Ordinal) && TimeZoneInfo.TryFindSystemTimeZoneById(value, out _)
            ? value
            : throw new InvalidFieldException(field, "must be an IANA time zone such as \"Asia/Ho_Chi_Minh\"");
    }

    /// <summary>A plain e-mail address such as "office@example.org" (no display name, at most 254 characters).</summary>
    public static string EmailAddress(string value, string field) =>
        value.Length <= 254 && System.Net.Mail.MailAddress.TryCreate(value, out var address) && address.Address == value
            ? value
            : throw new InvalidFieldException(field, "must be a plain e-mail address such as \"office@example.org\"");

    /// <summary>An optional absolute http(s) link, e.g. to evidence; blank means none.</summary>
    public static string? OptionalLink(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
            return null;
        return value.Length <= 2000 && Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"
            ? value
            : throw new InvalidFieldException(field, "must be an absolute http(s) link");
    }

    /// <summary>Whether <paramref name="value"/> is a defined, non-zero enum value.</summary>
    public static bool IsChoice<TEnum>(TEnum value) where TEnum : struct, Enum =>
        Enum.IsDefined(value) && Convert.ToInt32(value, CultureInfo.InvariantCulture) != 0;

    /// <summary>Formats a date the way the API writes it.</summary>
    public static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
