using SkiaSharp;

namespace Cooperation.Reports.Rendering;

/// <summary>
/// Measures, wraps and draws text for <see cref="ReportPdf"/>: each line in runs of the font that
/// has its glyphs (<see cref="ReportFonts.Runs"/>), lines broken at spaces and, where a word is too
/// wide or has no spaces (Japanese), between characters; in the report's cut faces
/// (<see cref="ReportFontSet"/>). Fonts are made once per report: creating Skia fonts per cell
/// costs more than drawing it.
/// </summary>
internal sealed class PdfText(ReportFontSet faces) : IDisposable
{
    // Cells narrower than this (statuses, amounts, dates) are kept on one line when the row allows.
    private const float ShortCell = 64;

    private readonly Dictionary<(SKTypeface, float, bool), SKFont> _fonts = [];

    // A report repeats its words (statuses, units, dates) thousands of times: each is cut into runs and measured once.
    private readonly Dictionary<(string, bool), (string Text, SKTypeface Typeface, bool FakeBold)[]> _runs = [];
    private readonly Dictionary<(string, float, bool), float> _widths = [];

    public void Dispose()
    {
        foreach (var font in _fonts.Values)
            font.Dispose();
    }

    /// <summary>The width of <paramref name="text"/> on one line.</summary>
    public float Measure(string text, float size, bool bold)
    {
        if (!_widths.TryGetValue((text, size, bold), out var width))
            _widths[(text, size, bold)] = width = Runs(text, bold).Sum(run => Font(run.Typeface, size, run.FakeBold).MeasureText(run.Text));
        return width;
    }

    /// <summary>Draws one line with its left end at <paramref name="x"/> and its baseline at <paramref name="y"/>.</summary>
    public void Draw(SKCanvas canvas, string line, float x, float y, float size, bool bold, SKPaint paint)
    {
        foreach (var (text, typeface, fakeBold) in Runs(line, bold))
        {
            var font = Font(typeface, size, fakeBold);
            canvas.DrawText(text, x, y, font, paint);
            x += font.MeasureText(text);
        }
    }

    /// <summary>
    /// Lines of <paramref name="text"/> no wider than <paramref name="width"/>: broken at spaces,
    /// and within a word (Japanese has no spaces) when a word alone is too wide.
    /// </summary>
    public IEnumerable<string> Wrap(string text, float size, bool bold, float width)
    {
        // Most cells and paragraphs fit on one line.
        if (Measure(text, size, bold) <= width)
        {
            yield return text;
            yield break;
        }
        var line = "";
        foreach (var word in text.Split(' '))
        {
            var candidate = line.Length == 0 ? word : $"{line} {word}";
            if (Measure(candidate, size, bold) <= width)
            {
                line = candidate;
                continue;
            }
            if (line.Length > 0)
                yield return line;
            line = "";
            foreach (var piece in Units(word))
            {
                if (line.Length > 0 && Measure(line + piece, size, bold) > width)
                {
                    yield return line;
                    line = "";
                }
                line += piece;
            }
        }
        if (line.Length > 0 || text.Length == 0)
            yield return line;
    }

    /// <summary>
    /// Column widths that fill <paramref name="total"/>: as wide as their longest cell when all fit;
    /// otherwise each at least as wide as its widest unbreakable word, the rest shared by need.
    /// </summary>
    public float[] ColumnWidths(TableBlock table, float size, float total, float padding)
    {
        var rows = table.Rows.Prepend(table.Header).ToArray();
        var columns = table.Header.Count;
        var natural = new float[columns];
        var least = new float[columns];
        for (var c = 0; c < columns; c++)
        {
            foreach (var row in rows)
            {
                var cell = c < row.Count ? row[c] : "";
                natural[c] = Math.Max(natural[c], Measure(cell, size, false) + padding);
                // The widest piece that cannot break (a Latin word, a number, one kanji), and a short cell
                // (a status, an amount) whole; no column needs more than 40 % of the row.
                var unbreakable = cell.Split(' ').SelectMany(Units).Select(u => Measure(u, size, false)).DefaultIfEmpty(0).Max();
                var whole = Math.Min(Measure(cell, size, false), ShortCell);
                least[c] = Math.Min(Math.Max(least[c], Math.Max(unbreakable, whole) + padding), total * 0.4f);
            }
        }
        var (sumNatural, sumLeast) = (natural.Sum(), least.Sum());
        if (sumNatural <= total)
            return natural.Select(n => n + (total - sumNatural) * n / sumNatural).ToArray();
        if (sumLeast <= total)
            return natural.Select((n, c) => least[c] + (n - least[c]) * (total - sumLeast) / (sumNatural - sumLeast)).ToArray();
        return least.Select(m => m * total / sumLeast).ToArray();
    }

    private SKFont Font(SKTypeface typeface, float size, bool fakeBold)
    {
        var key = (typeface, size, fakeBold);
        if (!_fonts.TryGetValue(key, out var font))
        {
            _fonts[key] = font = ReportFonts.Font(faces.Of(typeface), size);
            font.Embolden = fakeBold;
        }
        return font;
    }

    private (string Text, SKTypeface Typeface, bool FakeBold)[] Runs(string text, bool bold)
    {
        if (!_runs.TryGetValue((text, bold), out var runs))
            _runs[(text, bold)] = runs = [.. ReportFonts.Runs(text, bold)];
        return runs;
    }

    /// <summary>
    /// The pieces a word may break between: each CJK character on its own, any other run of
    /// characters (a number, a Latin word inside Japanese text) whole.
    /// </summary>
    private static IEnumerable<string> Units(string word)
    {
        var latin = "";
        var elements = System.Globalization.StringInfo.GetTextElementEnumerator(word);
        while (elements.MoveNext())
        {
            var element = elements.GetTextElement();
            if (!ReportFonts.HasCjk(element))
            {
                latin += element;
                continue;
            }
            if (latin.Length > 0)
                yield return latin;
            latin = "";
            yield return element;
        }
        if (latin.Length > 0)
            yield return latin;
    }
}
