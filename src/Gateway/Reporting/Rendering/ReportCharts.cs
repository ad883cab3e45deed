using Cooperation.Contracts.Kpis;
using Cooperation.Contracts.Pilots;
using Cooperation.Contracts.Reporting;
using ScottPlot;

namespace Cooperation.Gateway.Reporting.Rendering;

/// <summary>
/// The chart of a pilot, drawn by ScottPlot: the same plot goes to the PDF page (vector, on
/// SkiaSharp's canvas) and to the HTML (inline SVG). One chart per pilot, so a report of a
/// thousand pilots stays a few seconds of drawing.
/// </summary>
public static class ReportCharts
{
    private static readonly Color Verified = Color.FromHex("#1b7f3b");
    private static readonly Color Reference = Color.FromHex("#5b6b7a");
    private static readonly Color Overdue = Color.FromHex("#c62828");
    private static readonly Color Planned = Color.FromHex("#8a96a3");

    // Milestones sit on a band below the KPI lines.
    private const double MilestoneBand = -15;

    /// <summary>
    /// Each KPI's actuals (cumulative for incremental KPIs, as their targets are) as a percentage of
    /// what its trajectory from baseline to target expects by each period's end: 100 % is on the
    /// line, the on-track and off-track thresholds are drawn. Verified periods are marked; the
    /// pilot's milestones (done, overdue, planned) sit on a band below. Null when there is nothing to draw.
    /// </summary>
    public static Plot? Pilot(PilotSection pilot, ReportLanguage language)
    {
        var series = pilot.Kpis.Select(k => (k.Name, Points: Shares(k))).Where(s => s.Points.Length > 0).ToArray();
        if (series.Length == 0 && pilot.Milestones.Count == 0)
            return null;
        var title = $"{ReportText.Word("actual", language)} ÷ {ReportText.Word("trajectory", language)} (%) — " +
            $"{ReportText.Word("at-risk", language)} < {KpiTrajectory.OnTrackShare * 100:0} %, {ReportText.Word("off-track", language)} < {KpiTrajectory.AtRiskShare * 100:0} %";
        var plot = new Plot();
        plot.Title(title, 10);
        // One font with every glyph the texts need: finding one per text is what makes charts slow.
        plot.Font.Set(ReportFonts.FamilyFor(string.Concat(series.Select(s => s.Name)) + title));

        foreach (var (name, points) in series)
        {
            var line = plot.Add.ScatterLine(points.Select(p => p.X).ToArray(), points.Select(p => p.Y).ToArray());
            line.LegendText = name;
            line.LineWidth = 1.5f;
        }
        var verified = series.SelectMany(s => s.Points).Where(p => p.Verified).ToArray();
        if (verified.Length > 0)
        {
            var markers = plot.Add.Markers(verified.Select(p => p.X).ToArray(), verified.Select(p => p.Y).ToArray(), MarkerShape.FilledCircle, 4, Verified);
            markers.LegendText = ReportText.Word("verified", language);
        }
        // The trajectory and the two thresholds, explained in the title rather than the legend.
        foreach (var share in new[] { 1.0, KpiTrajectory.OnTrackShare, KpiTrajectory.AtRiskShare })
            plot.Add.HorizontalLine(share * 100, 1, Reference, LinePattern.Dashed);
        AddMilestones(plot, pilot, language);
        plot.Axes.DateTimeTicksBottom();
        // Early periods expect little, so their shares can be huge: the band that matters stays in view.
        plot.Axes.SetLimitsY(MilestoneBand - 10, 200);
        plot.Legend.FontSize = 8;
        plot.ShowLegend(Edge.Bottom);
        return plot;
    }

    private static void AddMilestones(Plot plot, PilotSection pilot, ReportLanguage language)
    {
        foreach (var group in pilot.Milestones.GroupBy(m => m.Progress.Status == MilestoneStatus.Done ? "done" : m.Overdue ? "overdue" : "planned"))
        {
            var xs = group.Select(m => Date(m.Progress.ActualDate ?? m.Definition.PlannedDate)).ToArray();
            var color = group.Key switch { "done" => Verified, "overdue" => Overdue, _ => Planned };
            var markers = plot.Add.Markers(xs, xs.Select(_ => MilestoneBand).ToArray(), MarkerShape.FilledDiamond, 9, color);
            markers.LegendText = group.Key == "overdue"
                ? $"{ReportText.Word("milestones", language)}: {ReportText.Word("overdue", language)}"
                : $"{ReportText.Word("milestones", language)}: {group.Key}";
        }
    }

    /// <summary>A KPI's points as (period end, % of the expected progress, verified).</summary>
    private static (double X, double Y, bool Verified)[] Shares(KpiSection kpi)
    {
        var definition = kpi.View.Definition;
        var running = 0.0;
        var points = new List<(double, double, bool)>(kpi.Points.Count);
        foreach (var point in kpi.Points)
        {
            running = definition.Aggregation == KpiAggregation.Incremental ? running + point.Value : point.Value;
            if (KpiTrajectory.ShareOfExpected(definition, running, point.Period.End) is { } share)
                points.Add((Date(point.Period.End), Math.Round(share * 100, 1), point.Verified));
        }
        return [.. points];
    }

    private static double Date(DateOnly date) => date.ToDateTime(TimeOnly.MinValue).ToOADate();
}
