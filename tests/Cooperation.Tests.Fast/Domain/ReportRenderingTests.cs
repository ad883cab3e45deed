using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Cooperation.Contracts.Common;
using Cooperation.Contracts.Kpis;
using Cooperation.Contracts.DonorReports;
using Cooperation.Gateway.DonorReports;
using Cooperation.Reports;
using Cooperation.Reports.Rendering;
using Cooperation.ReportBenchmark;
using Cooperation.Tests.Support;
using SkiaSharp;

namespace Cooperation.Tests.Domain;

/// <summary>
/// Reports as their readers get them, in each language: PDF text as pdftotext extracts it
/// (Japanese kanji searchable, no Kangxi radicals), no enum names, every name in the legend
/// whole, tick labels on their ticks, every point inside the chart's frame.
/// </summary>
public sealed partial class ReportRenderingTests
{
    [Fact]
    public async Task The_japanese_pdf_gives_back_its_kanji_and_every_status_in_japanese()
    {
        var report = SyntheticPortfolio.Report(3, 3, 12, ReportLanguage.Ja);

        var text = await PdfFiles.TextAsync(ReportPdf.Render(report));

        // 月 (month), 目 (target), 金 (funding), as typed: search finds them.
        foreach (var word in new[] { "月次", "目標値", "資金", "進捗報告書", "2024年12月", "日本円", "円" })
            Assert.Contains(word, text);
        Assert.DoesNotMatch(KangxiRadicals(), text);
        foreach (var status in report.Pilots.SelectMany(p => p.Kpis).Select(k => k.View.Progress.Status).Distinct())
            Assert.Contains(ReportText.Of(status, ReportLanguage.Ja), text);
        Assert.Contains(ReportText.Of(Contracts.Pilots.PilotStatus.InProgress, ReportLanguage.Ja), text);
        Assert.Contains(ReportText.Of(Contracts.Submissions.ReviewStatus.Approved, ReportLanguage.Ja), text);
        // Partnership, programme and organisations by name, times in the subscription's zone.
        Assert.Contains("ハイフォン・北九州 0", text);
        Assert.Contains("グリーン成長推進計画", text);
        Assert.Contains("アジア低炭素化センター", text);
        Assert.Contains("2025年1月20日 9:00（Asia/Tokyo）", text);
    }

    [Fact]
    public async Task The_vietnamese_pdf_reads_in_vietnamese()
    {
        // Table cells wrap: read the text as one line.
        var text = Regex.Replace(await PdfFiles.TextAsync(ReportPdf.Render(SyntheticPortfolio.Report(2, 2, 6, ReportLanguage.Vi))), @"\s+", " ");

        foreach (var word in new[] { "Báo cáo tiến độ", "Đang triển khai", "Đã phê duyệt", "Yên Nhật (JPY)", "50.000.000 yên", "Kế hoạch tăng trưởng xanh", "tháng 6/2024" })
            Assert.Contains(word, text);
    }

    [Theory]
    [InlineData(ReportLanguage.En)]
    [InlineData(ReportLanguage.Vi)]
    [InlineData(ReportLanguage.Ja)]
    public async Task No_report_prints_an_enum_name_where_its_language_has_a_word(ReportLanguage language)
    {
        var report = SyntheticPortfolio.Report(4, 3, 6, language);
        var texts = new Dictionary<string, string>
        {
            ["pdf"] = await PdfFiles.TextAsync(ReportPdf.Render(report)),
            ["html"] = WebUtility.HtmlDecode(Regex.Replace(Encoding.UTF8.GetString(ReportHtml.Render(report)), "<[^>]+>", " ")),
            ["csv"] = Encoding.UTF8.GetString(ReportCsv.Render(report)),
        };

        foreach (var type in ReportTextTests.PrintedEnums)
        {
            foreach (var name in Enum.GetNames(type).Where(n => ReportText.Word($"{type.Name}.{n}", language) != n))
            {
                foreach (var (format, text) in texts)
                    Assert.False(Regex.IsMatch(text, $@"\b{name}\b"), $"The {language} {format} prints {type.Name}.{name}");
            }
        }
    }

    [Fact]
    public async Task Every_kpi_name_of_a_crowded_chart_is_in_its_legend_whole_and_on_the_page()
    {
        var report = SyntheticPortfolio.Report(1, 10, 12, ReportLanguage.Ja);
        var pilot = report.Pilots[0];
        var chart = Assert.IsType<ChartBlock>(ReportDocument.Blocks(report).Single(b => b is ChartBlock));

        // The chart draws no legend of its own; the writers lay it out as text.
        Assert.All(pilot.Kpis, k => Assert.Contains(chart.Legend, e => e.Label.StartsWith(k.Name, StringComparison.Ordinal)));

        var layout = await PdfFiles.TextAsync(ReportPdf.Render(report), "-bbox");
        var words = BoxPattern().Matches(layout).Select(m => (X: double.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture),
            Y: double.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture),
            XMax: double.Parse(m.Groups[3].Value, System.Globalization.CultureInfo.InvariantCulture),
            YMax: double.Parse(m.Groups[4].Value, System.Globalization.CultureInfo.InvariantCulture), Word: WebUtility.HtmlDecode(m.Groups[5].Value))).ToList();
        Assert.NotEmpty(words);
        // Every word lies on its page (A4, 595 × 842 pt), within the margins the writer keeps.
        Assert.All(words, w => Assert.True(w.X >= 40 && w.XMax <= 555 && w.Y >= 40 && w.YMax <= 802, $"{w.Word} at {w.X},{w.Y}"));
        var all = string.Concat(words.Select(w => w.Word));
        Assert.All(pilot.Kpis, k => Assert.Contains(k.Name.Replace(" ", "", StringComparison.Ordinal), all, StringComparison.Ordinal));
    }

    [Fact]
    public void Html_charts_are_images_named_by_their_caption_with_every_kpi_line()
    {
        var report = SyntheticPortfolio.Report(2, 3, 12, ReportLanguage.Vi);

        var html = Encoding.UTF8.GetString(ReportHtml.Render(report));

        var charts = Regex.Matches(html, "<svg xmlns[^>]*role=\"img\"><title>([^<]+)</title>(.*?)</svg>");
        Assert.Equal(2, charts.Count);
        Assert.All(charts, c => Assert.Equal(WebUtility.HtmlEncode(ReportText.Word("chart.caption", ReportLanguage.Vi)), c.Groups[1].Value));
        // One line per KPI, and its periods' markers.
        Assert.All(charts, c => Assert.Equal(3, Regex.Matches(c.Groups[2].Value, "<polyline ").Count));
    }

    [Theory]
    [InlineData(ReportLanguage.En)]
    [InlineData(ReportLanguage.Vi)]
    [InlineData(ReportLanguage.Ja)]
    public void Tick_labels_sit_on_their_ticks(ReportLanguage language)
    {
        var report = SyntheticPortfolio.Report(1, 3, 12, language);
        var chart = Assert.IsType<ChartBlock>(ReportDocument.Blocks(report).Single(b => b is ChartBlock)).Chart;
        const int width = 500, height = 260;
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        using (var drawer = new ChartCanvas())
        {
            canvas.Clear(SKColors.White);
            drawer.Draw(canvas, chart, width, height);
        }
        var layout = chart.Layout(width, height);
        var ticks = layout.YTicks.ToArray();
        Assert.True(ticks.Length >= 3);

        // Rows with ink left of the tick marks: the labels.
        var labelRight = (int)(layout.Frame.Left - PilotChart.TickLength) - 2;
        var inked = Enumerable.Range(0, height).Where(y => Enumerable.Range(0, labelRight).Any(x => bitmap.GetPixel(x, y).Red < 200)).ToHashSet();
        foreach (var tick in ticks)
        {
            var y = tick.Y;
            // The label's ink near the tick (labels are further apart than this window).
            var near = inked.Where(row => Math.Abs(row - y) <= 12).ToArray();
            Assert.True(near.Length > 0, $"no label at the {tick.Label} tick ({y:0.0})");
            var (top, bottom) = (near.Min(), near.Max());
            // The label's ink is centred on its tick (within a pixel and a half).
            Assert.InRange((top + bottom) / 2.0, y - 1.5, y + 1.5);
        }
    }

    [Fact]
    public void Every_point_of_every_aggregation_kind_lies_inside_the_frame()
    {
        var report = SyntheticPortfolio.Report(1, 3, 12, ReportLanguage.En);
        var pilot = report.Pilots[0];
        // A cumulative KPI far ahead of its line early on, a level KPI below its baseline, a ratio: all kinds at once.
        var kpis = pilot.Kpis.Select((k, i) => k with
        {
            View = k.View with { Definition = k.View.Definition with { Aggregation = (KpiAggregation)(i % 4 + 1) } },
            Points = [.. k.Points.Select((p, j) => p with { Value = i == 1 ? 5_000 + j : i == 2 ? -300 : p.Value })],
        }).ToArray();
        var chart = ReportCharts.Pilot(pilot with { Kpis = kpis }, report.Period.End, ReportLanguage.En)!.Chart;

        var points = chart.Points.ToArray();
        Assert.NotEmpty(points);
        Assert.All(points, p => Assert.True(p.X >= chart.Left && p.X <= chart.Right && p.Y >= chart.Bottom && p.Y <= chart.Top,
            $"({p.X}, {p.Y}) is outside {chart.Left}…{chart.Right} × {chart.Bottom}…{chart.Top}"));
    }

    [GeneratedRegex(@"[\u2E80-\u2EFF\u2F00-\u2FDF]")]
    private static partial Regex KangxiRadicals();

    [GeneratedRegex(@"<word xMin=""([\d.]+)"" yMin=""([\d.]+)"" xMax=""([\d.]+)"" yMax=""([\d.]+)"">([^<]*)</word>")]
    private static partial Regex BoxPattern();
}

/// <summary>Migrated history reads as such in every format.</summary>
public sealed class HistoricalFiguresInReportsTests
{
    [Fact]
    public async Task History_approved_on_load_is_marked_in_the_pdf_and_the_csv()
    {
        var report = SyntheticPortfolio.Report(1, 2, 6);
        var pilot = report.Pilots[0];
        // The first four periods were loaded from spreadsheets by the platform admin.
        var history = pilot with
        {
            HistoricalBy = "platform",
            Kpis = [.. pilot.Kpis.Select(k => k with { Points = [.. k.Points.Select((p, i) => p with { Historical = i < 4, Verified = p.Verified || i < 4 })] })],
        };
        report = report with { Pilots = [history] };

        var text = await PdfFiles.TextAsync(ReportPdf.Render(report));
        var csv = System.Text.Encoding.UTF8.GetString(ReportCsv.Render(report)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Contains("history from earlier records, loaded and approved on load by platform", System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " "));
        var column = Array.IndexOf(csv[0].TrimStart('\uFEFF').Split(','), "historical");
        Assert.True(column > 0);
        Assert.Equal(2 * 4, csv.Skip(1).Count(row => row.Split(',')[column] == "true"));
    }
}
