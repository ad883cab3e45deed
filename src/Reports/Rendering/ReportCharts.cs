using Cooperation.Contracts.Kpis;
using Cooperation.Contracts.Kpis.Aggregations;
using Cooperation.Contracts.Pilots;
using Cooperation.Contracts.DonorReports;
using ScottPlot;

namespace Cooperation.Reports.Rendering;

/// <summary>
/// The chart of a pilot, drawn by ScottPlot: the same plot goes to the PDF page (vector, on
/// SkiaSharp's canvas) and to the HTML (inline SVG). One chart per pilot, so a report of a
/// thousand pilots stays a few seconds of drawing. The chart itself holds only numbers and dates
/// (set in <see cref="ReportFonts.ChartFamily"/>); its words, the caption and the legend, are
/// laid out by the PDF and HTML writers as text, so no legend is ever clipped and every name is searchable.
/// </summary>
internal static class ReportCharts
{
    private static readonly Color Done = Color.FromHex("#1b7f3b");
    private static readonly Color Reference = Color.FromHex("#5b6b7a");
    private static readonly Color Overdue = Color.FromHex("#c62828");
    private static readonly Color Planned = Color.FromHex("#8a96a3");
    private static readonly ScottPlot.Palettes.Category10 Palette = new();

    // Tick labels, and how far below its line box's centre a label's digits are centred (share of the font size; measured).
    private const float TickFontSize = 10;
    private const float LabelDrop = 0.27f;

    /// <summary>
    /// Each KPI's progress toward its target at each period's end: the share of the way from
    /// baseline to target as its aggregation kind combines the periods so far (the report's
    /// "progress" column at the latest period), beside the straight trajectory it is
    /// judged against (dashed, same colour). Verified periods are dotted; the pilot's milestones
    /// (reached, overdue, planned) sit on a band below. The scale always holds every point.
    /// Null when there is nothing to draw.
    /// </summary>
    public static ChartBlock? Pilot(PilotSection pilot, DateOnly reportEnd, ReportLanguage language)
    {
        var series = pilot.Kpis.Select((k, i) => (Kpi: k, Color: Palette.GetColor(i), Points: Progress(k))).Where(s => s.Points.Length > 0).ToArray();
        if (series.Length == 0 && pilot.Milestones.Count == 0)
            return null;
        var xs = series.SelectMany(s => s.Points.Select(p => p.X)).Concat(pilot.Milestones.Select(MilestoneX)).ToArray();
        var left = Month(DateOnly.FromDateTime(DateTime.FromOADate(xs.Min())).AddMonths(-1));
        var right = Math.Max(xs.Max(), Date(reportEnd)) + 10;

        ReportFonts.RegisterChartFont();
        var plot = new Plot();
        plot.Font.Set(ReportFonts.ChartFamily);
        var legend = new List<LegendEntry>();
        var ys = new List<double> { 0, 100 };
        foreach (var (kpi, color, points) in series)
        {
            var line = plot.Add.ScatterLine(points.Select(p => p.X).ToArray(), points.Select(p => p.Y).ToArray(), color);
            line.LineWidth = 1.6f;
            line.MarkerSize = 3;
            line.MarkerShape = MarkerShape.OpenCircle;
            var verified = points.Where(p => p.Verified).ToArray();
            if (verified.Length > 0)
                plot.Add.Markers(verified.Select(p => p.X).ToArray(), verified.Select(p => p.Y).ToArray(), MarkerShape.FilledCircle, 5, color);
            if (Trajectory(kpi.View.Definition, left, right) is { } trajectory)
            {
                var dashed = plot.Add.ScatterLine(new[] { trajectory.X1, trajectory.X2 }, new[] { trajectory.Y1, trajectory.Y2 }, color);
                dashed.LinePattern = LinePattern.Dashed;
                dashed.LineWidth = 1;
                ys.AddRange([trajectory.Y1, trajectory.Y2]);
            }
            ys.AddRange(points.Select(p => p.Y));
            legend.Add(new LegendEntry($"{kpi.Name} ({kpi.View.Definition.Unit})", color.ToHex(), LegendMark.Line));
        }
        if (series.Length > 0)
            legend.Add(new LegendEntry(ReportText.Word("chart.trajectory", language), Reference.ToHex(), LegendMark.Dashed));
        if (series.Any(s => s.Points.Any(p => p.Verified)))
            legend.Add(new LegendEntry(ReportText.Word("chart.verified", language), Reference.ToHex(), LegendMark.Dot));

        var (bottom, top, step) = Scale(ys.Min(), ys.Max());
        var band = bottom - step * 0.6;
        legend.AddRange(AddMilestones(plot, pilot, band, language));
        plot.Add.HorizontalLine(100, 1, Reference, LinePattern.Dotted);

        plot.Axes.SetLimits(left, right, band - step * 0.5, top + step * 0.15);
        plot.Axes.Bottom.TickGenerator = MonthTicks(left, right, language);
        plot.Axes.Left.TickGenerator = PercentTicks(bottom, top, step, language);
        plot.Axes.Bottom.TickLabelStyle.FontSize = TickFontSize;
        plot.Axes.Left.TickLabelStyle.FontSize = TickFontSize;
        // ScottPlot centres a tick label on its line box, which sits higher than the digits: move it down onto its tick.
        plot.Axes.Left.TickLabelStyle.OffsetY = TickFontSize * LabelDrop;
        plot.HideLegend();
        return new ChartBlock(plot, ReportText.Word("chart.caption", language), legend);
    }

    private static IEnumerable<LegendEntry> AddMilestones(Plot plot, PilotSection pilot, double band, ReportLanguage language)
    {
        foreach (var group in pilot.Milestones.GroupBy(m => m.Progress.Status == MilestoneStatus.Done ? "done" : m.Overdue ? "overdue" : "planned").OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var xs = group.Select(MilestoneX).ToArray();
            var color = group.Key switch { "done" => Done, "overdue" => Overdue, _ => Planned };
            plot.Add.Markers(xs, xs.Select(_ => band).ToArray(), MarkerShape.FilledDiamond, 9, color);
            yield return new LegendEntry(ReportText.Word($"chart.milestone.{group.Key}", language), color.ToHex(), LegendMark.Diamond);
        }
    }

    /// <summary>
    /// A KPI's points as (period end, % of the way from baseline to target, verified): the value its
    /// aggregation kind gives after each period, judged as the table's progress column judges the
    /// latest (<see cref="KpiAggregationKind"/>); none without baseline and target.
    /// </summary>
    public static (double X, double Y, bool Verified)[] Progress(KpiSection kpi)
    {
        if (kpi.View.Definition is not { Baseline: { } baseline, Target: { } target } definition || target.Value == baseline.Value)
            return [];
        var aggregation = KpiAggregations.Of(definition.Aggregation);
        var values = aggregation.ValuesAfterEach(definition, kpi.Points.Select(p => new PeriodFigure(p.Value, p.Numerator, p.Denominator)));
        var points = new List<(double, double, bool)>(kpi.Points.Count);
        foreach (var (point, value) in kpi.Points.Zip(values))
        {
            if (aggregation.Judge(definition, value, point.Period.End).PercentOfTarget is { } percent)
                points.Add((Date(point.Period.End), Math.Round(percent, 1), point.Verified));
        }
        return [.. points];
    }

    /// <summary>The straight line from (baseline date, 0 %) to (target date, 100 %), cut to the chart's days.</summary>
    private static (double X1, double Y1, double X2, double Y2)? Trajectory(KpiDefinition kpi, double left, double right)
    {
        if (kpi is not { Baseline: { } baseline, Target: { } target })
            return null;
        var (x1, x2) = (Math.Max(left, Date(baseline.Date)), Math.Min(right, Date(target.Date)));
        if (x2 <= x1)
            return null;
        double Expected(double x) => KpiTrajectory.ExpectedShare(baseline, target, DateOnly.FromDateTime(DateTime.FromOADate(x))) * 100;
        return (x1, Expected(x1), x2, Expected(x2));
    }

    /// <summary>A scale from below the lowest to above the highest value, on round steps (about five of them).</summary>
    private static (double Bottom, double Top, double Step) Scale(double low, double high)
    {
        var span = Math.Max(high - low, 1);
        var raw = span / 5;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var step = new[] { 1, 2, 2.5, 5, 10 }.Select(f => f * magnitude).First(s => s >= raw);
        return (Math.Floor(low / step) * step, Math.Ceiling(high / step) * step, step);
    }

    private static ScottPlot.TickGenerators.NumericManual PercentTicks(double bottom, double top, double step, ReportLanguage language)
    {
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        for (var y = bottom; y <= top + step / 2; y += step)
            ticks.AddMajor(y, ReportCulture.Percent(Math.Round(y, 6), language));
        return ticks;
    }

    private static ScottPlot.TickGenerators.NumericManual MonthTicks(double left, double right, ReportLanguage language)
    {
        var first = DateOnly.FromDateTime(DateTime.FromOADate(left));
        var last = DateOnly.FromDateTime(DateTime.FromOADate(right));
        var months = (last.Year - first.Year) * 12 + last.Month - first.Month;
        // At most about six labels, on months that read as round (quarters, half-years, years).
        var every = new[] { 1, 2, 3, 6, 12, 24, 60 }.First(m => months / m <= 6 || m == 60);
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        for (var month = new DateOnly(first.Year, 1, 1); month <= last; month = month.AddMonths(every))
        {
            if (Date(month) >= left)
                ticks.AddMajor(Date(month), ReportCulture.AxisMonth(month, language));
        }
        return ticks;
    }

    private static double MilestoneX(MilestoneView m) => Date(m.Progress.ActualDate ?? m.Definition.PlannedDate);

    private static double Month(DateOnly date) => Date(new DateOnly(date.Year, date.Month, 1));

    private static double Date(DateOnly date) => date.ToDateTime(TimeOnly.MinValue).ToOADate();
}

