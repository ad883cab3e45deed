using System.Globalization;
using System.Text.RegularExpressions;
using Cooperation.Contracts.DonorReports;
using Cooperation.Reports.Rendering;

namespace Cooperation.Web.Forms;

/// <summary>
/// Numbers typed into forms, in the person's language: the decimal and group separators the pages
/// write them with (<see cref="ReportCulture.NumbersOf"/>), so "1,5" is one and a half for a
/// Vietnamese reader and "1.5" for an English or Japanese one. A group separator must group
/// thousands ("1,500" / "1.500"); anything else that mixes them ("1,5" in English, "1.5" in
/// Vietnamese) is unreadable rather than guessed, so a figure is never stored a thousand times off.
/// </summary>
internal static partial class FormNumber
{
    /// <summary>Reads <paramref name="text"/> as a person writing <paramref name="language"/> means it; false when it is no such number.</summary>
    public static bool TryRead(string text, ReportLanguage language, out double value)
    {
        value = 0;
        var numbers = ReportCulture.NumbersOf(language);
        var (point, group) = (numbers.NumberDecimalSeparator, numbers.NumberGroupSeparator);
        var typed = text.Trim().Replace('\u2212', '-');
        if (typed.Contains(group, StringComparison.Ordinal))
        {
            var parts = typed.Split(point);
            if (parts.Length > 2 || !Grouped().IsMatch(parts[0].Replace(group, ",", StringComparison.Ordinal)))
                return false;
            typed = typed.Replace(group, "", StringComparison.Ordinal);
        }
        typed = typed.Replace(point, ".", StringComparison.Ordinal);
        return double.TryParse(typed, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent,
            CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
    }

    /// <summary><paramref name="value"/> as the form shows it to a person writing <paramref name="language"/>: exact, without grouping.</summary>
    public static string Write(double value, ReportLanguage language) =>
        value.ToString("0.###############", ReportCulture.NumbersOf(language));

    // An integer part grouped by thousands: "-1,234,567".
    [GeneratedRegex(@"^-?\d{1,3}(,\d{3})+$")]
    private static partial Regex Grouped();
}
