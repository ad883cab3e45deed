using SkiaSharp;

namespace Cooperation.Reports.Rendering;

/// <summary>A KPI's line: its points (x in OLE dates, y in % of the way to target), which are verified, its colour.</summary>
internal sealed record ChartSeries(IReadOnlyList<(double X, double Y, bool Verified)> Points, SKColor Color);

/// <summary>A straight dashed line (a KPI's trajectory), in data units.</summary>
internal sealed record ChartSegment(double X1, double Y1, double X2, double Y2, SKColor Color);

/// <summary>Milestones of one kind (reached, overdue, planned): diamonds on the band below the lines.</summary>
internal sealed record ChartMarks(IReadOnlyList<double> Xs, double Y, SKColor Color);

/// <summary>A labelled tick on an axis, in data units.</summary>
internal sealed record ChartTick(double Position, string Label);

/// <summary>
/// A pilot's chart as data: what <see cref="ReportCharts"/> decided to show, in data units (x:
/// OLE automation dates, y: % of the way from baseline to target), with the limits that hold it
/// all. <see cref="Layout"/> is the one home of its geometry (frame, ticks, labels, pixels); the
/// PDF (<see cref="ChartCanvas"/>) and the HTML (<see cref="ChartSvg"/>) only draw what it gives.
/// </summary>
internal sealed record PilotChart(
    double Left, double Right, double Bottom, double Top,
    IReadOnlyList<ChartSeries> Series,
    IReadOnlyList<ChartSegment> Trajectories,
    IReadOnlyList<ChartMarks> Milestones,
    double Reference,
    IReadOnlyList<ChartTick> XTicks,
    IReadOnlyList<ChartTick> YTicks)
{
    /// <summary>Tick labels' size (px or pt, as the drawing's unit).</summary>
    public const float FontSize = 10;

    /// <summary>How far a tick mark reaches out of the frame.</summary>
    public const float TickLength = 4;

    /// <summary>Radius of a period's ring (its stroke 1 wide), and of a verified period's dot.</summary>
    public const float MarkerRadius = 1.5f, VerifiedRadius = 2.5f;

    /// <summary>Grid lines: black at 10 %.</summary>
    public static readonly SKColor Grid = new(0, 0, 0, 25);

    /// <summary>Dash patterns (on, off) of trajectories and of the 100 % line.</summary>
    public static readonly float[] Dashed = [8, 4], Dotted = [1.5f, 2.5f];

    /// <summary>A milestone's diamond around <paramref name="centre"/>: top, right, bottom, left.</summary>
    public static SKPoint[] Diamond(SKPoint centre, float radius = 4.5f) =>
        [new(centre.X, centre.Y - radius), new(centre.X + radius, centre.Y), new(centre.X, centre.Y + radius), new(centre.X - radius, centre.Y)];

    /// <summary>Every point drawn (lines, trajectories' ends, milestones), in data units.</summary>
    public IEnumerable<(double X, double Y)> Points =>
        Series.SelectMany(s => s.Points.Select(p => (p.X, p.Y)))
            .Concat(Trajectories.SelectMany(t => new[] { (t.X1, t.Y1), (t.X2, t.Y2) }))
            .Concat(Milestones.SelectMany(m => m.Xs.Select(x => (x, m.Y))));

    /// <summary>Where everything goes on a <paramref name="width"/> × <paramref name="height"/> drawing.</summary>
    public ChartLayout Layout(float width, float height)
    {
        var font = ChartLayout.Font;
        var yLabels = YTicks.Select(t => font.MeasureText(t.Label)).DefaultIfEmpty(0).Max();
        var xLabels = XTicks.Select(t => font.MeasureText(t.Label)).DefaultIfEmpty(0).Max();
        var frame = new SKRect(
            6 + yLabels + 4 + TickLength,
            10,
            width - Math.Max(10, xLabels / 2 + 2),
            height - (TickLength + 4 + FontSize * 1.3f));
        return new ChartLayout(this, frame);
    }
}

/// <summary>The geometry of a <see cref="PilotChart"/> on a drawing: its frame and the pixel of any point.</summary>
internal sealed class ChartLayout(PilotChart chart, SKRect frame)
{
    // The charts' typeface (numbers and dates only) at the tick labels' size, one per thread (HTML charts are laid out in parallel).
    private static readonly ThreadLocal<SKFont> Fonts = new(() => ReportFonts.Font(ReportFonts.ChartTypeface, PilotChart.FontSize));

    // How far below a tick a label's baseline sits so its digits are centred on it: half the cap height.
    private static readonly float LabelDrop = Font.Metrics.CapHeight / 2;

    /// <summary>The tick labels' font (this thread's).</summary>
    internal static SKFont Font => Fonts.Value!;

    /// <summary>The data area, framed.</summary>
    public SKRect Frame => frame;

    /// <summary>The pixel of a point in data units.</summary>
    public SKPoint Pixel(double x, double y) => new(
        (float)(frame.Left + (x - chart.Left) / (chart.Right - chart.Left) * frame.Width),
        (float)(frame.Bottom - (y - chart.Bottom) / (chart.Top - chart.Bottom) * frame.Height));

    /// <summary>Each bottom tick: its x, and where its label's baseline centre goes.</summary>
    public IEnumerable<(float X, string Label, SKPoint At)> XTicks => chart.XTicks.Select(t =>
    {
        var x = Pixel(t.Position, chart.Bottom).X;
        return (x, t.Label, new SKPoint(x, frame.Bottom + PilotChart.TickLength + 3 + Font.Metrics.CapHeight));
    });

    /// <summary>Each left tick: its y, and where its label's baseline right end goes.</summary>
    public IEnumerable<(float Y, string Label, SKPoint At)> YTicks => chart.YTicks.Select(t =>
    {
        var y = Pixel(chart.Left, t.Position).Y;
        return (y, t.Label, new SKPoint(frame.Left - PilotChart.TickLength - 4, y + LabelDrop));
    });
}
