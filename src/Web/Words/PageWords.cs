using System.Globalization;
using System.Text.RegularExpressions;
using Cooperation.Contracts.Common;
using Cooperation.Contracts.DonorReports;
using Cooperation.Web.Hosting;
using Cooperation.Web.Languages;
using Cooperation.Reports.Rendering;

namespace Cooperation.Web.Words;

/// <summary>
/// The words and formats of one request's pages, in its language (<see cref="LanguageChoice"/>):
/// interface words from <see cref="WebWords"/>, domain vocabulary and formats from the reports'
/// one home (<see cref="ReportText"/>, <see cref="ReportCulture"/>). Pages get it injected as
/// <c>W</c> (<c>_ViewImports.cshtml</c>): <c>@W["nav.home"]</c>, <c>@W.Of(status)</c>, <c>@W.Money(…)</c>.
/// </summary>
internal sealed partial class PageWords(IHttpContextAccessor http)
{
    private ReportLanguage? _language;

    /// <summary>The language of this request's pages.</summary>
    public ReportLanguage Language => _language ??= http.HttpContext is { } context
        ? LanguageChoice.For(context, context.Person())
        : ReportLanguage.En;

    /// <summary>The language's code for <c>&lt;html lang&gt;</c> and links: "en", "vi", "ja".</summary>
    public string Code => WebWords.Code(Language);

    /// <summary>The interface word <paramref name="key"/>.</summary>
    public string this[string key] => WebWords.Word(key, Language);

    /// <summary>The interface sentence <paramref name="key"/> with its blanks filled.</summary>
    public string Format(string key, params object?[] values) => WebWords.Format(key, Language, values);

    /// <summary>A domain enum value as reports write it (key "{type}.{name}" of the reports' words).</summary>
    public string Of<TEnum>(TEnum value) where TEnum : struct, Enum => ReportText.Of(value, Language);

    /// <summary>A name from the data in this language, with fallback.</summary>
    public string Name(LocalizedText text) => ReportText.In(text, Language);

    /// <summary>A measured value.</summary>
    public string Number(double value) => ReportCulture.Number(value, Language);

    /// <summary>A count.</summary>
    public string Count(int value) => ReportCulture.Count(value, Language);

    /// <summary>A percentage.</summary>
    public string Percent(double value) => ReportCulture.Percent(value, Language);

    /// <summary>Money in its currency's way (VND and JPY without decimals).</summary>
    public string Money(decimal amount, Currency currency) => ReportCulture.Money(amount, currency, Language);

    /// <summary>A day.</summary>
    public string Date(DateOnly date) => ReportCulture.Date(date, Language);

    /// <summary>A reporting period.</summary>
    public string Period(ReportingPeriod period) => ReportCulture.Period(period, Language);

    /// <summary>An instant as read in the IANA time zone <paramref name="timeZone"/> (a pilot's city's).</summary>
    public string Instant(DateTimeOffset instant, string? timeZone) => ReportCulture.Instant(instant, timeZone, Language);

    /// <summary>
    /// A field rule's description from the domain (<see cref="FieldViolation.Description"/>, written in
    /// English, such as "must have at least 12 characters") in this language: the words file holds it
    /// under "rule." and the description with its numbers as blanks ("rule.must have at least {0}
    /// characters"); a value quoted from the input ('N/A') and an entity's path (pilots/hp-compost)
    /// are blanks too, so a row's rule reads whatever the row held. A description without a
    /// translation is shown as it is.
    /// </summary>
    public string Rule(string description) => RuleIn(description, Language);

    /// <summary><see cref="Rule"/> in <paramref name="language"/>.</summary>
    public static string RuleIn(string description, ReportLanguage language)
    {
        var numbers = new List<object?>();
        var pattern = Blanks().Replace(description, m =>
        {
            numbers.Add(m.Value);
            return "{" + (numbers.Count - 1).ToString(CultureInfo.InvariantCulture) + "}";
        });
        return WebWords.Has("rule." + pattern) ? WebWords.Format("rule." + pattern, language, [.. numbers]) : description;
    }

    // A quoted value without spaces (a dimension, a value as typed), an entity's path ("pilots/x", not
    // "yes/no"), or a number
    // with its decimals (in that order of preference).
    [GeneratedRegex("'[^'\\s]*'|\\b(?:pilots|programmes|partnerships|cities|organisations|mous)/[A-Za-z0-9._:-]+|[0-9]+(\\.[0-9]+)?")]
    private static partial Regex Blanks();
}
