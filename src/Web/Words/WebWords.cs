using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;
using Cooperation.Contracts.DonorReports;
using Cooperation.Reports.Rendering;

namespace Cooperation.Web.Words;

/// <summary>
/// Every word the pages print, in the reader's language: files <c>Words/{part}.{en,vi,ja}.json</c>
/// (embedded), several parts (<c>site</c> for the foundation, <c>pages</c> for the read pages, …),
/// one table per language. A key lives in one part only (two parts claiming a key fail at start-up),
/// and every key is in every language (a test fails while one lacks it). Domain vocabulary (statuses,
/// kinds) and the formats of numbers, money and dates are not here: they have one home,
/// <see cref="ReportText"/> and <see cref="ReportCulture"/>, which <see cref="PageWords"/> uses.
/// </summary>
internal static class WebWords
{
    private const string Prefix = "words/";

    /// <summary>The languages there are tables for (the report languages).</summary>
    public static IReadOnlyList<ReportLanguage> Languages => ReportText.Languages;

    private static readonly (FrozenDictionary<ReportLanguage, FrozenDictionary<string, string>> Tables,
        FrozenDictionary<ReportLanguage, FrozenDictionary<string, string>> Parts) Loaded = Load();

    private static FrozenDictionary<ReportLanguage, FrozenDictionary<string, string>> Tables => Loaded.Tables;

    /// <summary>The word for <paramref name="key"/> in <paramref name="language"/> (English when that table lacks it).</summary>
    /// <exception cref="KeyNotFoundException">No table has <paramref name="key"/>: a word used but never written down.</exception>
    public static string Word(string key, ReportLanguage language) =>
        TableOf(language).TryGetValue(key, out var word) || Tables[ReportLanguage.En].TryGetValue(key, out word)
            ? word
            : throw new KeyNotFoundException($"No page word '{key}': add it to src/Web/Words/*.json in every language.");

    /// <summary>Whether any table has <paramref name="key"/>.</summary>
    public static bool Has(string key) => Tables.Values.Any(t => t.ContainsKey(key));

    /// <summary>The sentence <paramref name="key"/> with its blanks ({0}, {1}, …) filled by <paramref name="values"/>.</summary>
    public static string Format(string key, ReportLanguage language, params object?[] values) =>
        string.Format(CultureInfo.InvariantCulture, Word(key, language), values);

    /// <summary>The table of <paramref name="language"/>: key → word (for tests and tools).</summary>
    public static IReadOnlyDictionary<string, string> TableOf(ReportLanguage language) =>
        Tables.TryGetValue(language, out var table) ? table : Tables[ReportLanguage.En];

    /// <summary>The part (file name without language, e.g. "site") each key of <paramref name="language"/> comes from: for tests.</summary>
    public static IReadOnlyDictionary<string, string> PartsOf(ReportLanguage language) => Loaded.Parts[language];

    private static (FrozenDictionary<ReportLanguage, FrozenDictionary<string, string>>, FrozenDictionary<ReportLanguage, FrozenDictionary<string, string>>) Load()
    {
        var assembly = typeof(WebWords).Assembly;
        var tables = new Dictionary<ReportLanguage, FrozenDictionary<string, string>>();
        var parts = new Dictionary<ReportLanguage, FrozenDictionary<string, string>>();
        foreach (var language in Languages)
        {
            var suffix = $".{Code(language)}.json";
            var words = new Dictionary<string, string>(StringComparer.Ordinal);
            var partOf = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(suffix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
            {
                var part = name[Prefix.Length..^suffix.Length];
                using var stream = assembly.GetManifestResourceStream(name)!;
                foreach (var (key, word) in JsonSerializer.Deserialize<Dictionary<string, string>>(stream) ?? [])
                {
                    if (!partOf.TryAdd(key, part))
                        throw new InvalidOperationException($"Page word '{key}' is in both Words/{partOf[key]}{suffix} and Words/{part}{suffix}: a key lives in one file.");
                    words[key] = word;
                }
            }
            tables[language] = words.ToFrozenDictionary(StringComparer.Ordinal);
            parts[language] = partOf.ToFrozenDictionary(StringComparer.Ordinal);
        }
        return (tables.ToFrozenDictionary(), parts.ToFrozenDictionary());
    }

    /// <summary>The language's code as pages, cookies and <c>&lt;html lang&gt;</c> write it: "en", "vi", "ja".</summary>
    public static string Code(ReportLanguage language) => language.ToString().ToLowerInvariant();
}
