using System.Net;
using System.Text;
using Cooperation.Contracts.DonorReports;

namespace Cooperation.Reports.Rendering;

/// <summary>A report as one self-contained HTML page: the PDF's content, charts as inline SVG.</summary>
internal static class ReportHtml
{
    private const int ChartWidth = 720;
    private const int ChartHeight = 380;

    private const string Style = """
        body{font-family:"DejaVu Sans","IPAPGothic","Noto Sans CJK JP",sans-serif;margin:2em auto;max-width:60em;color:#1d2733}
        h1{font-size:1.5em}h2{font-size:1.2em;border-bottom:1px solid #ccd;margin-top:2em}h3{font-size:1em}
        table{border-collapse:collapse;margin:.5em 0}th,td{border:1px solid #ccd;padding:.2em .5em;text-align:left}
        th{background:#eef2f6}figure{margin:.5em 0}figcaption{font-size:.85em;color:#444f5a}
        ul.legend{list-style:none;padding:0;margin:.3em 0;columns:2;font-size:.85em}ul.legend li{break-inside:avoid;margin:.15em 0}
        .mark{display:inline-block;width:1.6em;margin-right:.4em;vertical-align:middle}
        """;

    /// <summary>The HTML file of <paramref name="report"/> (UTF-8).</summary>
    public static byte[] Render(DonorReport report)
    {
        var html = new StringBuilder();
        var language = report.Language.ToString().ToLowerInvariant();
        html.Append($"<!DOCTYPE html><html lang=\"{language}\"><head><meta charset=\"utf-8\"><title>")
            .Append(Encode($"{ReportText.Word("report", report.Language)}: {report.Title} {ReportCulture.Period(report.Period, report.Language)}"))
            .Append("</title><style>").Append(Style).Append("</style></head><body>");
        var blocks = ReportDocument.Blocks(report).ToList();
        // Drawing the charts is most of the work, and each is independent: use every core.
        var svg = new string?[blocks.Count];
        Parallel.For(0, blocks.Count, i => svg[i] = blocks[i] is ChartBlock chart ? ChartSvg.Of(chart.Chart, ChartWidth, ChartHeight, chart.Caption) : null);
        for (var i = 0; i < blocks.Count; i++)
        {
            var block = blocks[i];
            switch (block)
            {
                case HeadingBlock heading:
                    html.Append($"<h{heading.Level}>").Append(Encode(heading.Text)).Append($"</h{heading.Level}>");
                    break;
                case TextBlock text:
                    html.Append("<p>").Append(Encode(text.Text)).Append("</p>");
                    break;
                case TableBlock table:
                    html.Append("<table><thead><tr>");
                    foreach (var cell in table.Header)
                        html.Append("<th>").Append(Encode(cell)).Append("</th>");
                    html.Append("</tr></thead><tbody>");
                    foreach (var row in table.Rows)
                    {
                        html.Append("<tr>");
                        foreach (var cell in row)
                            html.Append("<td>").Append(Encode(cell)).Append("</td>");
                        html.Append("</tr>");
                    }
                    html.Append("</tbody></table>");
                    break;
                case ChartBlock chart:
                    html.Append("<figure><figcaption>").Append(Encode(chart.Caption)).Append("</figcaption>").Append(svg[i]).Append("<ul class=\"legend\">");
                    foreach (var entry in chart.Legend)
                        html.Append("<li>").Append(Mark(entry)).Append(Encode(entry.Label)).Append("</li>");
                    html.Append("</ul></figure>");
                    break;
            }
        }
        html.Append("</body></html>");
        return Encoding.UTF8.GetBytes(html.ToString());
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    /// <summary>A legend entry's mark as a small inline SVG, in the chart's colour.</summary>
    private static string Mark(LegendEntry entry)
    {
        var color = Encode(entry.Color);
        var shape = entry.Mark switch
        {
            LegendMark.Dashed => $"<line x1=\"0\" y1=\"5\" x2=\"24\" y2=\"5\" stroke=\"{color}\" stroke-width=\"1.5\" stroke-dasharray=\"4 3\"/>",
            LegendMark.Dot => $"<circle cx=\"12\" cy=\"5\" r=\"3\" fill=\"{color}\"/>",
            LegendMark.Diamond => $"<path d=\"M12 0 L17 5 L12 10 L7 5 Z\" fill=\"{color}\"/>",
            LegendMark.Line => $"<line x1=\"0\" y1=\"5\" x2=\"24\" y2=\"5\" stroke=\"{color}\" stroke-width=\"2\"/>",
            _ => throw new ArgumentOutOfRangeException(nameof(entry), entry.Mark, "Every legend mark has its shape."),
        };
        return $"<svg class=\"mark\" viewBox=\"0 0 24 10\" height=\"10\" aria-hidden=\"true\">{shape}</svg>";
    }
}
