using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Cooperation.Contracts.Common;
using Cooperation.Contracts.Pilots;

namespace Cooperation.Web.Reading;

/// <summary>One line or bar series of a chart.</summary>
/// <param name="Key">What it is, for its colour and style in the chart script: "actual", "trajectory", "target", "on-track", …</param>
/// <param name="Label">Its name in the page's language.</param>
/// <param name="Values">A value per label; null where there is none.</param>
internal sealed record ChartSeries(string Key, string Label, IReadOnlyList<double?> Values);

/// <summary>
/// A chart as the page hands it to <c>wwwroot/js/charts.js</c>, in a <c>&lt;script type="application/json"&gt;</c>
/// block (no inline script runs): its kind, labels in the page's language, the series, the unit.
/// The numbers are the ones the page's own table shows beside the chart (its text alternative).
/// </summary>
/// <param name="Kind">"kpi" (lines: actual, trajectory, target) or "kpi-status" (stacked bars per pilot).</param>
/// <param name="Locale">The page's language code, for the chart's number format.</param>
/// <param name="Labels">The x-axis labels.</param>
/// <param name="Series">The series.</param>
/// <param name="Unit">The values' unit, if any.</param>
internal sealed record ChartData(string Kind, string Locale, IReadOnlyList<string> Labels, IReadOnlyList<ChartSeries> Series, string? Unit = null)
{
    // Letters of every language as they are (a Japanese or Vietnamese label is not six bytes a
    // character); the characters HTML gives a meaning (<, >, &, quotes) are still escaped.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    /// <summary>Significant digits of a value in the chart: more than a chart can show, fewer than a double's noise (4275.400000000001).</summary>
    public const int Digits = 7;

    /// <summary>As JSON, safe inside a script element (the encoder escapes &lt;, &gt; and &amp;).</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary><paramref name="value"/> to <see cref="Digits"/> significant digits.</summary>
    public static double? Rounded(double? value) =>
        value is not { } v || v == 0 || !double.IsFinite(v) ? value : Math.Round(v, Math.Clamp(Digits - 1 - (int)Math.Floor(Math.Log10(Math.Abs(v))), 0, 15));

    /// <summary>The chart of a KPI: its actual values, its trajectory and its target, per period.</summary>
    /// <param name="chart">The KPI's chart (<see cref="KpiChart"/>).</param>
    /// <param name="locale">The page's language code.</param>
    /// <param name="period">A period as the page writes it.</param>
    /// <param name="labels">The series' names: actual, trajectory, target.</param>
    public static ChartData Kpi(KpiChart chart, string locale, Func<ReportingPeriod, string> period, (string Actual, string Trajectory, string Target) labels)
    {
        var target = chart.Kpi.Definition.Target?.Value;
        List<ChartSeries> series =
        [
            new("actual", labels.Actual, [.. chart.Points.Select(p => Rounded(p.Actual))]),
            new("trajectory", labels.Trajectory, [.. chart.Points.Select(p => Rounded(p.Expected))]),
        ];
        if (target is not null)
            series.Add(new("target", labels.Target, [.. chart.Points.Select(_ => target)]));
        return new("kpi", locale, [.. chart.Points.Select(p => period(p.Period))], series, chart.Kpi.Definition.Unit);
    }

    /// <summary>The KPI statuses of each pilot (in the table's order), stacked: a partnership's progress at a glance.</summary>
    /// <param name="pilots">The pilots, as the table lists them.</param>
    /// <param name="locale">The page's language code.</param>
    /// <param name="title">A pilot's title as the page writes it.</param>
    /// <param name="labels">The statuses' names: on track, at risk, off track, not judged.</param>
    public static ChartData KpiStatuses(IReadOnlyList<PilotSummary> pilots, string locale, Func<LocalizedText, string> title,
        (string OnTrack, string AtRisk, string OffTrack, string NotJudged) labels) => new("kpi-status", locale,
        [.. pilots.Select(p => title(p.Title))],
        [
            new("on-track", labels.OnTrack, [.. pilots.Select(p => (double?)p.Kpis.OnTrack)]),
            new("at-risk", labels.AtRisk, [.. pilots.Select(p => (double?)p.Kpis.AtRisk)]),
            new("off-track", labels.OffTrack, [.. pilots.Select(p => (double?)p.Kpis.OffTrack)]),
            new("not-judged", labels.NotJudged, [.. pilots.Select(p => (double?)p.Kpis.NotJudged)]),
        ]);
}
