using System.Text.Json;
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
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>As JSON, safe inside a script element (the default encoder escapes &lt;, &gt; and &amp;).</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json);

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
            new("actual", labels.Actual, [.. chart.Points.Select(p => p.Actual)]),
            new("trajectory", labels.Trajectory, [.. chart.Points.Select(p => p.Expected)]),
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
