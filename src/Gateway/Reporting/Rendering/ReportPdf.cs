using Cooperation.Contracts.Reporting;
using SkiaSharp;

namespace Cooperation.Gateway.Reporting.Rendering;

/// <summary>
/// A report as PDF, drawn with SkiaSharp's PDF backend (MIT): A4 pages, text in DejaVu Sans
/// (Latin and Vietnamese) or Noto Sans CJK (Japanese) as each line needs, embedded by Skia;
/// charts drawn by ScottPlot straight onto the page, so they stay vectors.
/// </summary>
public static class ReportPdf
{
    private const float PageWidth = 595;
    private const float PageHeight = 842;
    private const float Margin = 48;
    private const float ContentWidth = PageWidth - 2 * Margin;
    private const float ChartHeight = 270;

    /// <summary>The PDF file of <paramref name="report"/>.</summary>
    public static byte[] Render(DonorReport report)
    {
        using var stream = new MemoryStream();
        var metadata = new SKDocumentPdfMetadata
        {
            Title = $"{ReportText.Word("report", report.Language)}: {report.Title} {report.Period}",
            Author = "Cooperation",
            Creator = "Cooperation reporting",
            // Fixed from the report, not the clock: the same report gives the same file.
            Creation = report.Cutoff.UtcDateTime,
            Modified = report.Cutoff.UtcDateTime,
        };
        using (var document = SKDocument.CreatePdf(stream, metadata))
        {
            using var page = new PageWriter(document);
            foreach (var block in ReportDocument.Blocks(report))
                page.Write(block);
            page.Finish();
            document.Close();
        }
        return stream.ToArray();
    }


    /// <summary>Writes blocks down the pages, starting a new page when one is full.</summary>
    private sealed class PageWriter(SKDocument document) : IDisposable
    {
        // Made once per report: creating Skia fonts and paints per cell costs more than drawing it.
        private readonly Dictionary<(SKTypeface, float, bool), SKFont> _fonts = [];
        private readonly SKPaint _ink = new() { Color = SKColors.Black, IsAntialias = true };
        private readonly SKPaint _border = new() { Color = new SKColor(0xcc, 0xcc, 0xdd), Style = SKPaintStyle.Stroke, StrokeWidth = 0.5f };
        private readonly SKPaint _fill = new() { Color = new SKColor(0xee, 0xf2, 0xf6), Style = SKPaintStyle.Fill };
        private SKCanvas? _canvas;
        private float _y;

        public void Dispose()
        {
            foreach (var font in _fonts.Values)
                font.Dispose();
            _ink.Dispose();
            _border.Dispose();
            _fill.Dispose();
        }

        private SKFont FontFor(string text, float size, bool bold = false)
        {
            var key = (ReportFonts.TypefaceFor(text), size, bold);
            if (!_fonts.TryGetValue(key, out var font))
                _fonts[key] = font = new SKFont(key.Item1, size) { Embolden = bold };
            return font;
        }

        public void Write(ReportBlock block)
        {
            switch (block)
            {
                case HeadingBlock heading:
                    var size = heading.Level switch { 1 => 17f, 2 => 13.5f, _ => 11f };
                    // A pilot starts on a new page once the totals are out of the way.
                    if (heading.Level == 2 && _y > PageHeight / 2)
                        NewPage();
                    Space(heading.Level == 1 ? 0 : size);
                    Paragraph(heading.Text, size, bold: true);
                    Space(4);
                    break;
                case TextBlock text:
                    Paragraph(text.Text, 9.5f, bold: false);
                    Space(3);
                    break;
                case TableBlock table:
                    Table(table);
                    Space(6);
                    break;
                case ChartBlock chart:
                    Reserve(ChartHeight);
                    var canvas = Canvas;
                    canvas.Save();
                    canvas.Translate(Margin, _y);
                    chart.Plot.Render(canvas, (int)ContentWidth, (int)ChartHeight);
                    canvas.Restore();
                    _y += ChartHeight + 8;
                    break;
            }
        }

        public void Finish()
        {
            if (_canvas is not null)
                document.EndPage();
            _canvas = null;
        }

        private SKCanvas Canvas
        {
            get
            {
                if (_canvas is null)
                    NewPage();
                return _canvas!;
            }
        }

        private void NewPage()
        {
            Finish();
            _canvas = document.BeginPage(PageWidth, PageHeight);
            _y = Margin;
        }

        private void Space(float height) => _y += _canvas is null ? 0 : height;

        private void Reserve(float height)
        {
            if (_canvas is null || _y + height > PageHeight - Margin)
                NewPage();
        }

        private void Paragraph(string text, float size, bool bold)
        {
            var font = FontFor(text, size, bold);
            foreach (var line in Wrap(text, font, ContentWidth))
            {
                Reserve(size * 1.4f);
                _y += size * 1.2f;
                Canvas.DrawText(line, Margin, _y, font, _ink);
                _y += size * 0.2f;
            }
        }

        private void Table(TableBlock table)
        {
            const float size = 8.5f;
            var width = ContentWidth / table.Header.Count;
            Row(table.Header, size, width, header: true);
            foreach (var row in table.Rows)
                Row(row, size, width, header: false);
        }

        private void Row(IReadOnlyList<string> cells, float size, float width, bool header)
        {
            var fonts = cells.Select(c => FontFor(c, size)).ToArray();
            var lines = cells.Select((c, i) => Wrap(c, fonts[i], width - 6).ToArray()).ToArray();
            var height = lines.Max(l => l.Length) * size * 1.3f + 4;
            Reserve(height);
            var canvas = Canvas;
            for (var i = 0; i < cells.Count; i++)
            {
                var rect = SKRect.Create(Margin + i * width, _y, width, height);
                if (header)
                    canvas.DrawRect(rect, _fill);
                canvas.DrawRect(rect, _border);
                for (var j = 0; j < lines[i].Length; j++)
                    canvas.DrawText(lines[i][j], rect.Left + 3, _y + 2 + (j + 1) * size * 1.3f - size * 0.3f, fonts[i], _ink);
            }
            _y += height;
        }

        /// <summary>
        /// Lines of <paramref name="text"/> no wider than <paramref name="width"/>: broken at spaces,
        /// and within a word (Japanese has no spaces) when a word alone is too wide.
        /// </summary>
        private static IEnumerable<string> Wrap(string text, SKFont font, float width)
        {
            var line = "";
            foreach (var word in text.Split(' '))
            {
                var candidate = line.Length == 0 ? word : $"{line} {word}";
                if (font.MeasureText(candidate) <= width)
                {
                    line = candidate;
                    continue;
                }
                if (line.Length > 0)
                    yield return line;
                line = "";
                foreach (var ch in word)
                {
                    if (line.Length > 0 && font.MeasureText(line + ch) > width)
                    {
                        yield return line;
                        line = "";
                    }
                    line += ch;
                }
            }
            if (line.Length > 0 || text.Length == 0)
                yield return line;
        }
    }
}
