using Cooperation.Contracts.Kpis;
using Cooperation.Contracts.DonorReports;

namespace Cooperation.Reports.Rendering;

/// <summary>What a cell of <see cref="ReportTable"/> holds, so each tabular format writes it as its kind.</summary>
internal enum ReportCellKind
{
    /// <summary>Text (a <see cref="string"/>).</summary>
    Text = 1,

    /// <summary>A number (a <see cref="double"/>).</summary>
    Number = 2,

    /// <summary>Yes or no (a <see cref="bool"/>).</summary>
    Flag = 3,

    /// <summary>A day (a <see cref="DateOnly"/>).</summary>
    Date = 4,

    /// <summary>An instant (a <see cref="DateTimeOffset"/>), shown in UTC.</summary>
    Instant = 5,
}

/// <summary>A column of the figures' table.</summary>
/// <param name="Code">Its machine name, the same in every language ("kpi_code"): the CSV's header.</param>
/// <param name="Kind">What its cells hold.</param>
internal sealed record ReportColumn(string Code, ReportCellKind Kind)
{
    /// <summary>Its heading for people, in <paramref name="language"/> (word <c>column.{code}</c>).</summary>
    public string Heading(ReportLanguage language) => ReportText.Word($"column.{Code}", language);
}

/// <summary>
/// A report's figures as one table, the one the tabular formats (CSV, spreadsheets) write: one row
/// per pilot × KPI × period, with the KPI's baseline, target and progress repeated on each row so a
/// filter on any column keeps whole facts. Cells are typed values (<see cref="ReportCellKind"/>);
/// null is an empty cell. <c>status</c> is a code such as <c>on_track</c>, <c>status_text</c> its
/// word in the report's language; <c>historical</c> marks migrated history approved on load.
/// </summary>
internal static class ReportTable
{
    /// <summary>The columns, in order.</summary>
    public static IReadOnlyList<ReportColumn> Columns { get; } =
    [
        new("pilot_id", ReportCellKind.Text), new("pilot_title", ReportCellKind.Text), new("partnership_id", ReportCellKind.Text),
        new("kpi_code", ReportCellKind.Text), new("kpi_name", ReportCellKind.Text), new("unit", ReportCellKind.Text),
        new("period", ReportCellKind.Text), new("value", ReportCellKind.Number), new("verified", ReportCellKind.Flag),
        new("historical", ReportCellKind.Flag), new("submitted_by", ReportCellKind.Text), new("recorded_at", ReportCellKind.Instant),
        new("baseline", ReportCellKind.Number), new("target", ReportCellKind.Number), new("target_date", ReportCellKind.Date),
        new("percent_of_target", ReportCellKind.Number), new("status", ReportCellKind.Text), new("status_text", ReportCellKind.Text),
    ];

    /// <summary>The rows of <paramref name="report"/>, each a cell per column (null for empty).</summary>
    public static IEnumerable<object?[]> Rows(DonorReport report)
    {
        foreach (var pilot in report.Pilots)
        {
            foreach (var kpi in pilot.Kpis)
            {
                var definition = kpi.View.Definition;
                var progress = kpi.View.Progress;
                foreach (var point in kpi.Points)
                {
                    yield return
                    [
                        pilot.PilotId, pilot.Title, pilot.PartnershipId, definition.Code, kpi.Name, definition.Unit, point.Period.ToString(),
                        point.Value, point.Verified, point.Historical, point.SubmittedBy ?? "", point.RecordedAt,
                        definition.Baseline?.Value, definition.Target?.Value, definition.Target?.Date,
                        progress.PercentOfTarget is { } percent ? Math.Round(percent, 1) : null,
                        StatusCode(progress.Status), ReportText.Of(progress.Status, report.Language),
                    ];
                }
            }
        }
    }

    /// <summary>A status as a stable code: "on_track", "at_risk", "off_track", "not_started", "no_target" (as in the API, without its prefix).</summary>
    public static string StatusCode(KpiStatus status) => status switch
    {
        KpiStatus.OnTrack => "on_track",
        KpiStatus.AtRisk => "at_risk",
        KpiStatus.OffTrack => "off_track",
        KpiStatus.NoTarget => "no_target",
        KpiStatus.NotStarted => "not_started",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Every status has its code."),
    };
}
