using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;
using Cooperation.Contracts.Common;
using Cooperation.Contracts.DonorReports;

namespace Cooperation.Reports.Rendering;

/// <summary>
/// Every word reports and notices print, in the reader's language: one table per language
/// (<c>Words/en.json</c>, <c>vi.json</c>, <c>ja.json</c>, embedded in the gateway), each with the
/// same keys. A word is looked up by key (<see cref="Word"/>), a sentence with blanks by key and
/// values (<see cref="Format"/>), an enum value by its type and name (<see cref="Of{TEnum}"/>,
/// key <c>"PilotStatus.InProgress"</c>), and a name from the data with <see cref="In"/>.
/// To add a word: add its key to all three files (a test fails while one lacks it).
/// </summary>
internal static class ReportText
{
    /// <summary>The languages there are tables for.</summary>
    public static readonly IReadOnlyList<ReportLanguage> Languages = [ReportLanguage.En, ReportLanguage.Vi, ReportLanguage.Ja];

    private static readonly FrozenDictionary<ReportLanguage, FrozenDictionary<string, string>> Tables =
        Languages.ToFrozenDictionary(language => language, Load);

    /// <summary>The word for <paramref name="key"/> in <paramref name="language"/> (English when that table lacks it).</summary>
    /// <exception cref="KeyNotFoundException">No table has <paramref name="key"/>: a word used but never written down.</exception>
    public static string Word(string key, ReportLanguage language) =>
        TableOf(language).TryGetValue(key, out var word) || Tables[ReportLanguage.En].TryGetValue(key, out word)
            ? word
            : throw new KeyNotFoundException($"No report word '{key}': add it to src/Reports/Rendering/Words/*.json.");

    /// <summary>The sentence <paramref name="key"/> in <paramref name="language"/> with its blanks ({0}, {1}, …) filled by <paramref name="values"/>.</summary>
    public static string Format(string key, ReportLanguage language, params object?[] values) =>
        string.Format(CultureInfo.InvariantCulture, Word(key, language), values);

    /// <summary>The word for an enum value, key <c>"{type}.{name}"</c> (e.g. <c>"KpiStatus.OnTrack"</c>): reports never print an enum's own name.</summary>
    public static string Of<TEnum>(TEnum value, ReportLanguage language) where TEnum : struct, Enum =>
        Word($"{typeof(TEnum).Name}.{value}", language);

    /// <summary>A name in <paramref name="language"/>, else in English, Vietnamese or Japanese.</summary>
    public static string In(LocalizedText text, ReportLanguage language) => language switch
    {
        ReportLanguage.Vi => text.Vi ?? text.Display,
        ReportLanguage.Ja => text.Ja ?? text.Display,
        ReportLanguage.En => text.Display,
        _ => throw new ArgumentOutOfRangeException(nameof(language), language, "Every report language has its names."),
    };

    /// <summary>The table of <paramref name="language"/>: key → word (for tests and tools).</summary>
    public static IReadOnlyDictionary<string, string> TableOf(ReportLanguage language) =>
        Tables.TryGetValue(language, out var table) ? table : Tables[ReportLanguage.En];

    private static FrozenDictionary<string, string> Load(ReportLanguage language)
    {
        var name = $"{typeof(ReportText).Namespace}.Words.{language.ToString().ToLowerInvariant()}.json";
        using var stream = typeof(ReportText).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The gateway lacks its embedded word table {name}.");
        return (JsonSerializer.Deserialize<Dictionary<string, string>>(stream) ?? []).ToFrozenDictionary(StringComparer.Ordinal);
    }
}
