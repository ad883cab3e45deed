using SkiaSharp;

namespace Cooperation.Reports.Rendering;

/// <summary>
/// A report as PDF, drawn with SkiaSharp's PDF backend (MIT): A4 pages, text in the fonts of
/// <see cref="ReportFonts"/> (embedded by Skia, so every word can be searched and copied), charts
/// drawn straight onto the page (<see cref="ChartCanvas"/>), so they stay vectors, with their caption and legend
/// laid out as text below them.
/// </summary>
internal static class ReportPdf
{
    private const float PageWidth = 595;
    private const float PageHeight = 842;
    private const float Margin = 48;
    private const float ContentWidth = PageWidth - 2 * Margin;
    private const float ChartHeight = 250;

    /// <summary>The PDF file of <paramref name="report"/>.</summary>
    public static byte[] Render(DonorReport report)
    {
        using var stream = new MemoryStream();
        var metadata = new SKDocumentPdfMetadata
        {
            Title = $"{ReportText.Word("report", report.Language)}: {report.Title} {ReportCulture.Period(report.Period, report.Language)}",
            Author = "Cooperation",
            Creator = "Cooperation reporting",
            // Fixed from the report, not the clock: the same report gives the same file.
            Creation = report.Cutoff.UtcDateTime,
            Modified = report.Cutoff.UtcDateTime,
        };
        var blocks = ReportDocument.Blocks(report).ToList();
        using var faces = ReportFontSet.For(blocks.SelectMany(b => b.Texts));
        using (var document = SKDocument.CreatePdf(stream, metadata))
        {
            using var page = new PageWriter(document, faces);
            foreach (var block in blocks)
                page.Write(block);
            page.Finish();
            document.Close();
        }
        return stream.ToArray();
    }

    /// <summary>Writes blocks down the pages, starting a new page when one is full.</summary>
    private sealed class PageWriter(SKDocument document, ReportFontSet faces) : IDisposable
    {
        private readonly PdfText _text = new(faces);
        private readonly ChartCanvas _charts = new();
        private readonly SKPaint _ink = new() { Color = SKColors.Black, IsAntialias = true };
        private readonly SKPaint _muted = new() { Color = new SKColor(0x44, 0x4f, 0x5a), IsAntialias = true };
        private readonly SKPaint _border = new() { Color = new SKColor(0xcc, 0xcc, 0xdd), Style = SKPaintStyle.Stroke, StrokeWidth = 0.5f };
        private readonly SKPaint _fill = new() { Color = new SKColor(0xee, 0xf2, 0xf6), Style = SKPaintStyle.Fill };
        private SKCanvas? _canvas;
        private float _y;

        public void Dispose()
        {
            _text.Dispose();
            _charts.Dispose();
            _ink.Dispose();
            _muted.Dispose();
            _border.Dispose();
            _fill.Dispose();
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
                    Paragraph(heading.Text, size, bold: true, _ink);
                    Space(4);
                    break;
                case TextBlock text:
                    Paragraph(text.Text, 9.5f, bold: false, _ink);
                    Space(3);
                    break;
                case TableBlock table:
                    Table(table);
                    Space(6);
                    break;
                case ChartBlock chart:
                    Chart(chart);
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

        private void Paragraph(string text, float size, bool bold, SKPaint paint)
        {
            foreach (var line in _text.Wrap(text, size, bold, ContentWidth))
            {
                Reserve(size * 1.4f);
                _y += size * 1.2f;
                _text.Draw(Canvas, line, Margin, _y, size, bold, paint);
                _y += size * 0.2f;
            }
        }

        private void Chart(ChartBlock chart)
        {
            // The chart, its caption and the legend's first row stay together.
            Reserve(ChartHeight + 60);
            Paragraph(chart.Caption, 8f, bold: false, _muted);
            Space(2);
            var canvas = Canvas;
            canvas.Save();
            canvas.Translate(Margin, _y);
            _charts.Draw(canvas, chart.Chart, ContentWidth, ChartHeight);
            canvas.Restore();
            _y += ChartHeight + 4;
            Legend(chart.Legend);
            Space(8);
        }

        /// <summary>The legend in two columns of marks and wrapped names: however many KPIs, nothing is cut.</summary>
        private void Legend(IReadOnlyList<LegendEntry> entries)
        {
            const float size = 8f;
            const float mark = 18;
            const float columns = 2;
            var width = ContentWidth / columns;
            for (var i = 0; i < entries.Count; i += (int)columns)
            {
                var row = entries.Skip(i).Take((int)columns).Select(e => (Entry: e, Lines: _text.Wrap(e.Label, size, false, width - mark - 6).ToArray())).ToArray();
                var height = row.Max(r => r.Lines.Length) * size * 1.3f + 3;
                Reserve(height);
                for (var c = 0; c < row.Length; c++)
                {
                    var x = Margin + c * width;
                    DrawMark(row[c].Entry, x, _y + size * 0.7f, mark);
                    for (var j = 0; j < row[c].Lines.Length; j++)
                        _text.Draw(Canvas, row[c].Lines[j], x + mark + 4, _y + (j + 1) * size * 1.3f - size * 0.3f, size, false, _ink);
                }
                _y += height;
            }
        }

        private void DrawMark(LegendEntry entry, float x, float y, float width)
        {
            using var paint = new SKPaint { Color = SKColor.Parse(entry.Color), IsAntialias = true, StrokeWidth = 1.6f, Style = SKPaintStyle.Stroke };
            switch (entry.Mark)
            {
                case LegendMark.Line:
                    Canvas.DrawLine(x, y, x + width, y, paint);
                    break;
                case LegendMark.Dashed:
                    paint.StrokeWidth = 1;
                    using (var dash = SKPathEffect.CreateDash([4, 3], 0))
                    {
                        paint.PathEffect = dash;
                        Canvas.DrawLine(x, y, x + width, y, paint);
                    }
                    break;
                case LegendMark.Dot:
                    paint.Style = SKPaintStyle.Fill;
                    Canvas.DrawCircle(x + width / 2, y, 2.5f, paint);
                    break;
                case LegendMark.Diamond:
                    paint.Style = SKPaintStyle.Fill;
                    using (var path = new SKPath())
                    {
                        var (cx, r) = (x + width / 2, 4f);
                        path.MoveTo(cx, y - r);
                        path.LineTo(cx + r, y);
                        path.LineTo(cx, y + r);
                        path.LineTo(cx - r, y);
                        path.Close();
                        Canvas.DrawPath(path, paint);
                    }
                    break;
            }
        }

        private void Table(TableBlock table)
        {
            const float size = 8.5f;
            var widths = _text.ColumnWidths(table, size, ContentWidth, padding: 6);
            Row(table.Header, size, widths, header: true);
            foreach (var row in table.Rows)
                Row(row, size, widths, header: false);
        }

        private void Row(IReadOnlyList<string> cells, float size, float[] widths, bool header)
        {
            var lines = cells.Select((c, i) => _text.Wrap(c, size, false, widths[i] - 6).ToArray()).ToArray();
            var height = lines.Max(l => l.Length) * size * 1.3f + 4;
            Reserve(height);
            var canvas = Canvas;
            var x = Margin;
            for (var i = 0; i < cells.Count; i++)
            {
                var rect = SKRect.Create(x, _y, widths[i], height);
                if (header)
                    canvas.DrawRect(rect, _fill);
                canvas.DrawRect(rect, _border);
                for (var j = 0; j < lines[i].Length; j++)
                    _text.Draw(canvas, lines[i][j], rect.Left + 3, _y + 2 + (j + 1) * size * 1.3f - size * 0.3f, size, false, _ink);
                x += widths[i];
            }
            _y += height;
        }
    }
}
