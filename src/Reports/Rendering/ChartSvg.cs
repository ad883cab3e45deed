using System.Globalization;
using System.Net;
using System.Text;
using SkiaSharp;

namespace Cooperation.Reports.Rendering;

/// <summary>
/// A <see cref="PilotChart"/> as inline SVG for the HTML report: the same geometry as the PDF's
/// (<see cref="ChartLayout"/>), in a few elements per series (a polyline, one path of its markers),
/// so a thousand charts stay small and quick. The SVG is an image named by its caption (role and
/// title) for screen readers; the legend and the figures are in the page as text.
/// </summary>
internal static class ChartSvg
{
    private const string FontFamily = "'DejaVu Sans',sans-serif";

    /// <summary>The <c>&lt;svg&gt;</c> element of <paramref name="chart"/>, <paramref name="width"/> × <paramref name="height"/> px.</summary>
    public static string Of(PilotChart chart, int width, int height, string title)
    {
        var layout = chart.Layout(width, height);
        var frame = layout.Frame;
        var svg = new StringBuilder(16 * 1024);
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" role=\"img\"><title>")
            .Append(WebUtility.HtmlEncode(title)).Append("</title>");

        var grid = new StringBuilder();
        foreach (var (x, _, _) in layout.XTicks)
            grid.Append('M').Append(N(x)).Append(' ').Append(N(frame.Top)).Append('V').Append(N(frame.Bottom));
        foreach (var (y, _, _) in layout.YTicks)
            grid.Append('M').Append(N(frame.Left)).Append(' ').Append(N(y)).Append('H').Append(N(frame.Right));
        Path(svg, grid, $"fill=\"none\" stroke=\"#000\" stroke-opacity=\"{N(PilotChart.Grid.Alpha / 255f)}\"");

        var reference = layout.Pixel(chart.Left, chart.Reference).Y;
        Path(svg, new StringBuilder().Append('M').Append(N(frame.Left)).Append(' ').Append(N(reference)).Append('H').Append(N(frame.Right)),
            $"fill=\"none\" stroke=\"{ReportCharts.Hex(ReportCharts.Reference)}\" stroke-dasharray=\"{Dashes(PilotChart.Dotted)}\"");
        foreach (var t in chart.Trajectories)
        {
            var (a, b) = (layout.Pixel(t.X1, t.Y1), layout.Pixel(t.X2, t.Y2));
            Path(svg, new StringBuilder().Append('M').Append(N(a.X)).Append(' ').Append(N(a.Y)).Append('L').Append(N(b.X)).Append(' ').Append(N(b.Y)),
                $"fill=\"none\" stroke=\"{ReportCharts.Hex(t.Color)}\" stroke-dasharray=\"{Dashes(PilotChart.Dashed)}\"");
        }
        foreach (var series in chart.Series)
        {
            var pixels = series.Points.Select(p => layout.Pixel(p.X, p.Y)).ToArray();
            var color = ReportCharts.Hex(series.Color);
            svg.Append("<polyline points=\"");
            foreach (var p in pixels)
                svg.Append(N(p.X)).Append(',').Append(N(p.Y)).Append(' ');
            svg.Append(CultureInfo.InvariantCulture, $"\" fill=\"none\" stroke=\"{color}\" stroke-width=\"1.6\"/>");
            Path(svg, Circles(pixels, PilotChart.MarkerRadius), $"fill=\"none\" stroke=\"{color}\"");
            Path(svg, Circles(pixels.Where((_, i) => series.Points[i].Verified), PilotChart.VerifiedRadius), $"fill=\"{color}\"");
        }
        foreach (var marks in chart.Milestones)
        {
            var diamonds = new StringBuilder();
            foreach (var x in marks.Xs)
            {
                var corners = PilotChart.Diamond(layout.Pixel(x, marks.Y));
                for (var i = 0; i < corners.Length; i++)
                    diamonds.Append(i == 0 ? 'M' : 'L').Append(N(corners[i].X)).Append(' ').Append(N(corners[i].Y));
                diamonds.Append('Z');
            }
            Path(svg, diamonds, $"fill=\"{ReportCharts.Hex(marks.Color)}\"");
        }

        svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{N(frame.Left)}\" y=\"{N(frame.Top)}\" width=\"{N(frame.Width)}\" height=\"{N(frame.Height)}\" fill=\"none\" stroke=\"#000\"/>");
        var ticks = new StringBuilder();
        foreach (var (x, _, _) in layout.XTicks)
            ticks.Append('M').Append(N(x)).Append(' ').Append(N(frame.Bottom)).Append('v').Append(N(PilotChart.TickLength));
        foreach (var (y, _, _) in layout.YTicks)
            ticks.Append('M').Append(N(frame.Left)).Append(' ').Append(N(y)).Append('h').Append(N(-PilotChart.TickLength));
        Path(svg, ticks, "fill=\"none\" stroke=\"#000\"");
        svg.Append(CultureInfo.InvariantCulture, $"<g font-family=\"{FontFamily}\" font-size=\"{N(PilotChart.FontSize)}\" text-anchor=\"middle\">");
        foreach (var (_, label, at) in layout.XTicks)
            Text(svg, at, label);
        svg.Append("</g><g font-family=\"").Append(FontFamily).Append("\" font-size=\"").Append(N(PilotChart.FontSize)).Append("\" text-anchor=\"end\">");
        foreach (var (_, label, at) in layout.YTicks)
            Text(svg, at, label);
        return svg.Append("</g></svg>").ToString();
    }

    private static void Path(StringBuilder svg, StringBuilder d, string style)
    {
        if (d.Length > 0)
            svg.Append("<path d=\"").Append(d).Append("\" ").Append(style).Append("/>");
    }

    private static void Text(StringBuilder svg, SKPoint at, string label) =>
        svg.Append("<text x=\"").Append(N(at.X)).Append("\" y=\"").Append(N(at.Y)).Append("\">").Append(WebUtility.HtmlEncode(label)).Append("</text>");

    /// <summary>Circles of radius <paramref name="r"/> as one path (two arcs each).</summary>
    private static StringBuilder Circles(IEnumerable<SKPoint> centres, float r)
    {
        var d = new StringBuilder();
        foreach (var c in centres)
        {
            d.Append('M').Append(N(c.X - r)).Append(' ').Append(N(c.Y))
                .Append('a').Append(N(r)).Append(' ').Append(N(r)).Append(" 0 1 0 ").Append(N(2 * r)).Append(" 0")
                .Append('a').Append(N(r)).Append(' ').Append(N(r)).Append(" 0 1 0 ").Append(N(-2 * r)).Append(" 0");
        }
        return d;
    }

    private static string Dashes(float[] pattern) => string.Join(' ', pattern.Select(N));

    private static string N(float value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
