using Cooperation.Contracts.Kpis;
using Cooperation.Contracts.Kpis.Aggregations;
using Cooperation.Contracts.Pilots;
using Cooperation.Contracts.DonorReports;
using SkiaSharp;

namespace Cooperation.Reports.Rendering;

/// <summary>
/// What a pilot's chart shows (<see cref="PilotChart"/>), drawn by <see cref="ChartCanvas"/> onto
/// the PDF page (vectors) and by <see cref="ChartSvg"/> into the HTML (inline SVG). One chart per
/// pilot. The chart itself holds only numbers and dates (set in <see cref="ReportFonts.ChartTypeface"/>);
/// its words, the caption and the legend, are laid out by the PDF and HTML writers as text, so no
/// legend is ever clipped and every name is searchable.
/// </summary>
internal static class ReportCharts
{
    private static readonly SKColor Done = SKColor.Parse("#1b7f3b");
    private static readonly SKColor Overdue = SKColor.Parse("#c62828");
    private static readonly SKColor Planned = SKColor.Parse("#8a96a3");

    /// <summary>The colour of what is not a KPI's own (the 100 % line, the legend's trajectory and verified marks).</summary>
    internal static readonly SKColor Reference = SKColor.Parse("#5b6b7a");

    // The KPIs' colours in turn (the "category10" palette).
    private static readonly SKColor[] Palette = [.. new[] { "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf" }.Select(SKColor.Parse)];

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
        var series = pilot.Kpis.Select((k, i) => (Kpi: k, Color: Palette[i % Palette.Length], Points: Progress(k))).Where(s => s.Points.Length > 0).ToArray();
        if (series.Length == 0 && pilot.Milestones.Count == 0)
            return null;
        var xs = series.SelectMany(s => s.Points.Select(p => p.X)).Concat(pilot.Milestones.Select(MilestoneX)).ToArray();
        var left = Month(DateOnly.FromDateTime(DateTime.FromOADate(xs.Min())).AddMonths(-1));
        var right = Math.Max(xs.Max(), Date(reportEnd)) + 10;

        var legend = new List<LegendEntry>();
        var lines = new List<ChartSeries>();
        var trajectories = new List<ChartSegment>();
        var ys = new List<double> { 0, 100 };
        foreach (var (kpi, color, points) in series)
        {
            lines.Add(new ChartSeries(points, color));
            if (Trajectory(kpi.View.Definition, left, right) is { } trajectory)
            {
                trajectories.Add(new ChartSegment(trajectory.X1, trajectory.Y1, trajectory.X2, trajectory.Y2, color));
                ys.AddRange([trajectory.Y1, trajectory.Y2]);
            }
            ys.AddRange(points.Select(p => p.Y));
            legend.Add(new LegendEntry($"{kpi.Name} ({kpi.View.Definition.Unit})", Hex(color), LegendMark.Line));
        }
        if (series.Length > 0)
            legend.Add(new LegendEntry(ReportText.Word("chart.trajectory", language), Hex(Reference), LegendMark.Dashed));
        if (series.Any(s => s.Points.Any(p => p.Verified)))
            legend.Add(new LegendEntry(ReportText.Word("chart.verified", language), Hex(Reference), LegendMark.Dot));

        var (bottom, top, step) = Scale(ys.Min(), ys.Max());
        var band = bottom - step * 0.6;
        var milestones = new List<ChartMarks>();
        foreach (var group in pilot.Milestones.GroupBy(m => m.Progress.Status == MilestoneStatus.Done ? "done" : m.Overdue ? "overdue" : "planned").OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var color = group.Key switch { "done" => Done, "overdue" => Overdue, _ => Planned };
            milestones.Add(new ChartMarks(group.Select(MilestoneX).ToArray(), band, color));
            legend.Add(new LegendEntry(ReportText.Word($"chart.milestone.{group.Key}", language), Hex(color), LegendMark.Diamond));
        }
        var chart = new PilotChart(left, right, band - step * 0.5, top + step * 0.15, lines, trajectories, milestones, 100,
            MonthTicks(left, right, language), PercentTicks(bottom, top, step, language));
        return new ChartBlock(chart, ReportText.Word("chart.caption", language), legend);
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

    private static ChartTick[] PercentTicks(double bottom, double top, double step, ReportLanguage language)
    {
        var ticks = new List<ChartTick>();
        for (var y = bottom; y <= top + step / 2; y += step)
            ticks.Add(new ChartTick(y, ReportCulture.Percent(Math.Round(y, 6), language)));
        return [.. ticks];
    }

    private static ChartTick[] MonthTicks(double left, double right, ReportLanguage language)
    {
        var first = DateOnly.FromDateTime(DateTime.FromOADate(left));
        var last = DateOnly.FromDateTime(DateTime.FromOADate(right));
        var months = (last.Year - first.Year) * 12 + last.Month - first.Month;
        // At most about six labels, on months that read as round (quarters, half-years, years).
        var every = new[] { 1, 2, 3, 6, 12, 24, 60 }.First(m => months / m <= 6 || m == 60);
        var ticks = new List<ChartTick>();
        for (var month = new DateOnly(first.Year, 1, 1); month <= last; month = month.AddMonths(every))
        {
            if (Date(month) >= left)
                ticks.Add(new ChartTick(Date(month), ReportCulture.AxisMonth(month, language)));
        }
        return [.. ticks];
    }

    internal static string Hex(SKColor color) => $"#{color.Red:x2}{color.Green:x2}{color.Blue:x2}";

    private static double MilestoneX(MilestoneView m) => Date(m.Progress.ActualDate ?? m.Definition.PlannedDate);

    private static double Month(DateOnly date) => Date(new DateOnly(date.Year, date.Month, 1));

    private static double Date(DateOnly date) => date.ToDateTime(TimeOnly.MinValue).ToOADate();
}

