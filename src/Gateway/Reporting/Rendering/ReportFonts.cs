using SkiaSharp;

namespace Cooperation.Gateway.Reporting.Rendering;

/// <summary>
/// The fonts reports are set in: DejaVu Sans for Latin script and Vietnamese, Noto Sans CJK JP
/// for Japanese (Debian's fonts-dejavu-core and fonts-noto-cjk, installed by the run script).
/// </summary>
public static class ReportFonts
{
    /// <summary>The Latin and Vietnamese family.</summary>
    public const string LatinFamily = "DejaVu Sans";

    /// <summary>The Japanese family.</summary>
    public const string CjkFamily = "Noto Sans CJK JP";

    private static readonly Lazy<SKTypeface> LatinTypeface = new(() => Find(LatinFamily, 'ệ'));
    private static readonly Lazy<SKTypeface> CjkTypeface = new(() => Find(CjkFamily, '日'));

    /// <summary>The family that has every glyph of <paramref name="text"/>: Latin unless it needs the CJK one.</summary>
    public static string FamilyFor(string text) => NeedsCjk(text) ? CjkFamily : LatinFamily;

    /// <summary>The typeface that has every glyph of <paramref name="text"/>.</summary>
    public static SKTypeface TypefaceFor(string text) => NeedsCjk(text) ? CjkTypeface.Value : LatinTypeface.Value;

    // DejaVu Sans covers Latin, Vietnamese and the symbols reports use; CJK scripts start at U+2E80.
    private static bool NeedsCjk(string text) => text.AsSpan().IndexOfAnyInRange('\u2E80', '\uFFEF') >= 0;

    private static SKTypeface Find(string family, char sample) =>
        SKFontManager.Default.MatchFamily(family) is { } typeface && typeface.ContainsGlyph(sample)
            ? typeface
            : SKFontManager.Default.MatchCharacter(sample) ?? SKTypeface.Default;
}
