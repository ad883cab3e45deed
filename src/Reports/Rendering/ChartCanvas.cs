using SkiaSharp;

namespace Cooperation.Reports.Rendering;

/// <summary>
/// Draws a <see cref="PilotChart"/> with SkiaSharp's primitives: onto a PDF page it stays vectors,
/// its numbers in the charts' one ASCII face (<see cref="ReportFonts.ChartTypeface"/>), embedded
/// once per file. The geometry is the chart's own (<see cref="ChartLayout"/>); this only strokes it.
/// Paints are made once per drawer: a report's PDF draws its thousand charts with one.
/// </summary>
internal sealed class ChartCanvas : IDisposable
{
    private readonly SKPaint _stroke = new() { IsAntialias = true, Style = SKPaintStyle.Stroke };
    private readonly SKPaint _fill = new() { IsAntialias = true, Style = SKPaintStyle.Fill };
    private readonly SKPaint _dots = new() { IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeCap = SKStrokeCap.Round };
    private readonly SKPathEffect _dashed = SKPathEffect.CreateDash(PilotChart.Dashed, 0);
    private readonly SKPathEffect _dotted = SKPathEffect.CreateDash(PilotChart.Dotted, 0);
    private readonly SKFont _font = ReportFonts.Font(ReportFonts.ChartTypeface, PilotChart.FontSize);

    public void Dispose()
    {
        _stroke.Dispose();
        _fill.Dispose();
        _dots.Dispose();
        _dashed.Dispose();
        _dotted.Dispose();
        _font.Dispose();
    }

    /// <summary>Draws <paramref name="chart"/> in the <paramref name="width"/> × <paramref name="height"/> box at the canvas's origin.</summary>
    public void Draw(SKCanvas canvas, PilotChart chart, float width, float height)
    {
        var layout = chart.Layout(width, height);
        var frame = layout.Frame;
        Stroke(PilotChart.Grid, 1, null);
        foreach (var (x, _, _) in layout.XTicks)
            canvas.DrawLine(x, frame.Top, x, frame.Bottom, _stroke);
        foreach (var (y, _, _) in layout.YTicks)
            canvas.DrawLine(frame.Left, y, frame.Right, y, _stroke);

        var reference = layout.Pixel(chart.Left, chart.Reference).Y;
        Stroke(ReportCharts.Reference, 1, _dotted);
        canvas.DrawLine(frame.Left, reference, frame.Right, reference, _stroke);
        foreach (var t in chart.Trajectories)
        {
            Stroke(t.Color, 1, _dashed);
            canvas.DrawLine(layout.Pixel(t.X1, t.Y1), layout.Pixel(t.X2, t.Y2), _stroke);
        }
        foreach (var series in chart.Series)
        {
            var pixels = series.Points.Select(p => layout.Pixel(p.X, p.Y)).ToArray();
            using (var line = new SKPath())
            {
                line.AddPoly(pixels, close: false);
                Stroke(series.Color, 1.6f, null);
                canvas.DrawPath(line, _stroke);
            }
            // Markers as round dots (a zero-length stroke each in the PDF, not four curves): a ring is a
            // dot in the line's colour with a white one inside; a verified period a larger dot on top.
            Dots(canvas, pixels, series.Color, 2 * (PilotChart.MarkerRadius + 0.5f));
            Dots(canvas, pixels, SKColors.White, 2 * (PilotChart.MarkerRadius - 0.5f));
            Dots(canvas, pixels.Where((_, i) => series.Points[i].Verified).ToArray(), series.Color, 2 * PilotChart.VerifiedRadius);
        }
        foreach (var marks in chart.Milestones)
        {
            using var diamonds = new SKPath();
            foreach (var x in marks.Xs)
                diamonds.AddPoly(PilotChart.Diamond(layout.Pixel(x, marks.Y)), close: true);
            _fill.Color = marks.Color;
            canvas.DrawPath(diamonds, _fill);
        }

        Stroke(SKColors.Black, 1, null);
        canvas.DrawRect(frame, _stroke);
        _fill.Color = SKColors.Black;
        foreach (var (x, label, at) in layout.XTicks)
        {
            canvas.DrawLine(x, frame.Bottom, x, frame.Bottom + PilotChart.TickLength, _stroke);
            canvas.DrawText(label, at.X, at.Y, SKTextAlign.Center, _font, _fill);
        }
        foreach (var (y, label, at) in layout.YTicks)
        {
            canvas.DrawLine(frame.Left - PilotChart.TickLength, y, frame.Left, y, _stroke);
            canvas.DrawText(label, at.X, at.Y, SKTextAlign.Right, _font, _fill);
        }
    }

    private void Dots(SKCanvas canvas, SKPoint[] centres, SKColor color, float diameter)
    {
        _dots.Color = color;
        _dots.StrokeWidth = diameter;
        canvas.DrawPoints(SKPointMode.Points, centres, _dots);
    }

    private void Stroke(SKColor color, float width, SKPathEffect? effect)
    {
        _stroke.Color = color;
        _stroke.StrokeWidth = width;
        _stroke.PathEffect = effect;
    }
}
