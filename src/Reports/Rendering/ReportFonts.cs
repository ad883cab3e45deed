using System.Text;
using SkiaSharp;

namespace Cooperation.Reports.Rendering;

/// <summary>
/// The fonts reports are set in, from Debian's packages (installed by the ops scripts):
/// <list type="bullet">
/// <item>DejaVu Sans (fonts-dejavu-core) for Latin script, Vietnamese and numbers;</item>
/// <item>IPAPGothic (fonts-ipafont-gothic) for Japanese. It has TrueType outlines, so Skia embeds
/// it as a CID font, and it maps no Kangxi radical (U+2F00…) onto a kanji's glyph, so the PDF's
/// text map gives back 月, 目, 金 — not ⽉, ⽬, ⾦ as Noto Sans CJK did (whose CFF outlines Skia draws
/// as Type 3 glyphs, mapped to the lowest code point that shares a glyph: the radical).</item>
/// </list>
/// A line mixing scripts is drawn in runs, each in the font that has its glyphs. A report embeds
/// subsets of these faces (<see cref="ReportFontSet"/>), charts a subset holding ASCII only.
/// </summary>
internal static class ReportFonts
{
    /// <summary>The Latin and Vietnamese family.</summary>
    public const string LatinFamily = "DejaVu Sans";

    /// <summary>The Japanese family.</summary>
    public const string CjkFamily = "IPAPGothic";

    private static readonly Lazy<SKTypeface> LatinTypeface = new(() => Find(LatinFamily, SKFontStyle.Normal, 'ệ'));
    private static readonly Lazy<SKTypeface> LatinBoldTypeface = new(() => Find(LatinFamily, SKFontStyle.Bold, 'ệ'));
    private static readonly Lazy<SKTypeface> CjkTypeface = new(() => Find(CjkFamily, SKFontStyle.Normal, '月'));

    // One instance for every chart, so a PDF embeds it once.
    private static readonly Lazy<SKTypeface> ChartFace = new(() =>
        FontSubset.Of(LatinTypeface.Value, Enumerable.Range(0x20, 0x7F - 0x20).Append('–').Append('·').Append('−')) ?? LatinTypeface.Value);

    /// <summary>The faces text is drawn in (a report embeds subsets of them).</summary>
    internal static IEnumerable<SKTypeface> Faces => [LatinTypeface.Value, LatinBoldTypeface.Value, CjkTypeface.Value];

    /// <summary>The face of the charts' numbers and dates (they hold nothing else): DejaVu Sans cut to ASCII.</summary>
    public static SKTypeface ChartTypeface => ChartFace.Value;

    /// <summary>
    /// A font of <paramref name="typeface"/> for documents: unhinted, with the face's own advances
    /// (linear metrics, subpixel positions). Hinted advances are rounded to whole units, which a PDF
    /// can only honour by placing every glyph on its own (a Td per glyph, several times the bytes
    /// and the time); with the face's advances a line is one string, as a reader's own layout.
    /// </summary>
    public static SKFont Font(SKTypeface typeface, float size) =>
        new(typeface, size) { Hinting = SKFontHinting.None, LinearMetrics = true, Subpixel = true };

    /// <summary>True when <paramref name="text"/> holds a CJK character (a line may then break between any two).</summary>
    public static bool HasCjk(string text) => text.EnumerateRunes().Any(IsCjk);

    /// <summary>
    /// <paramref name="text"/> (in composed form, as Skia draws precomposed Vietnamese letters) cut
    /// into runs, each with the typeface that has its glyphs, and whether bold must be simulated
    /// (the Japanese face has no bold).
    /// </summary>
    public static IEnumerable<(string Text, SKTypeface Typeface, bool FakeBold)> Runs(string text, bool bold)
    {
        var latin = bold ? LatinBoldTypeface.Value : LatinTypeface.Value;
        var run = new StringBuilder();
        bool? cjk = null;
        foreach (var rune in text.Normalize(NormalizationForm.FormC).EnumerateRunes())
        {
            var needsCjk = IsCjk(rune) || (!latin.ContainsGlyph(rune.Value) && CjkTypeface.Value.ContainsGlyph(rune.Value));
            if (cjk is { } current && current != needsCjk)
            {
                yield return Run(run.ToString(), current);
                run.Clear();
            }
            cjk = needsCjk;
            run.Append(rune.ToString());
        }
        if (run.Length > 0)
            yield return Run(run.ToString(), cjk ?? false);

        (string, SKTypeface, bool) Run(string part, bool inCjk) => inCjk ? (part, CjkTypeface.Value, bold) : (part, latin, false);
    }

    // CJK scripts and their punctuation, kana and full-width forms start at U+2E80; DejaVu has none of them.
    private static bool IsCjk(Rune rune) => rune.Value is >= 0x2E80 and <= 0xFFEF or >= 0x20000 and <= 0x3FFFF;

    private static SKTypeface Find(string family, SKFontStyle style, char sample) =>
        SKFontManager.Default.MatchFamily(family, style) is { } typeface && typeface.ContainsGlyph(sample)
            ? typeface
            : SKFontManager.Default.MatchCharacter(sample) ?? SKTypeface.Default;
}

/// <summary>
/// The faces one report is drawn in: each cut to the characters of the report's texts, so the PDF
/// embeds kilobytes instead of the fonts' megabytes. A face that cannot be cut is used whole.
/// </summary>
internal sealed class ReportFontSet : IDisposable
{
    private readonly Dictionary<SKTypeface, SKTypeface> _subsets = [];

    private ReportFontSet(IReadOnlyCollection<int> characters)
    {
        foreach (var face in ReportFonts.Faces.Distinct())
        {
            if (FontSubset.Of(face, characters) is { } subset)
                _subsets[face] = subset;
        }
    }

    /// <summary>The faces for <paramref name="texts"/>.</summary>
    public static ReportFontSet For(IEnumerable<string> texts)
    {
        var characters = new HashSet<int>(Enumerable.Range(0x20, 0x7F - 0x20));
        foreach (var text in texts)
        {
            foreach (var rune in text.Normalize(NormalizationForm.FormC).EnumerateRunes())
                characters.Add(rune.Value);
        }
        return new ReportFontSet(characters);
    }

    /// <summary>The face that stands in for <paramref name="face"/> in this report.</summary>
    public SKTypeface Of(SKTypeface face) => _subsets.GetValueOrDefault(face, face);

    public void Dispose()
    {
        foreach (var subset in _subsets.Values)
            subset.Dispose();
    }
}
