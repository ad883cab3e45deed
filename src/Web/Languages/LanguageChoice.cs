using Cooperation.Contracts.DonorReports;
using Cooperation.Contracts.People;
using Cooperation.Web.Words;
using Microsoft.Net.Http.Headers;

namespace Cooperation.Web.Languages;

/// <summary>
/// Which language a page speaks: the one the person chose with the switcher (cookie
/// <see cref="Cookie"/>), else their preferred language, else the browser's <c>Accept-Language</c>,
/// else English.
/// </summary>
internal static class LanguageChoice
{
    /// <summary>The cookie the switcher sets.</summary>
    public const string Cookie = "lang";

    /// <summary>How long the switcher's choice is remembered.</summary>
    public static readonly TimeSpan Remembered = TimeSpan.FromDays(365);

    /// <summary>The language of <paramref name="context"/>'s page for <paramref name="person"/> (null when nobody signed in).</summary>
    public static ReportLanguage For(HttpContext context, PersonSession? person)
    {
        if (Parse(context.Request.Cookies[Cookie]) is { } chosen)
            return chosen;
        if (person is not null)
            return person.Language;
        return FromAcceptLanguage(context.Request.Headers.AcceptLanguage) ?? ReportLanguage.En;
    }

    /// <summary>The first language of the header, by quality, that pages speak; null when none.</summary>
    public static ReportLanguage? FromAcceptLanguage(string? header)
    {
        if (string.IsNullOrWhiteSpace(header) || !StringWithQualityHeaderValue.TryParseList([header], out var ranges))
            return null;
        return ranges
            .Where(r => r.Quality is not 0)
            .Select((r, i) => (Language: Parse(r.Value.Value), Quality: r.Quality ?? 1, Order: i))
            .Where(r => r.Language is not null)
            .OrderByDescending(r => r.Quality).ThenBy(r => r.Order)
            .Select(r => r.Language)
            .FirstOrDefault();
    }

    /// <summary>"en", "vi", "ja" (or a tag of one, such as "vi-VN"); null for anything else.</summary>
    public static ReportLanguage? Parse(string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
            return null;
        var primary = code.Split('-', 2)[0].Trim();
        return WebWords.Languages.Where(l => string.Equals(WebWords.Code(l), primary, StringComparison.OrdinalIgnoreCase))
            .Select(l => (ReportLanguage?)l).FirstOrDefault();
    }
}
