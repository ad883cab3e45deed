using System.Globalization;
using System.Text;
using Cooperation.Contracts.Kpis;

namespace Cooperation.Reports.Rendering;

/// <summary>
/// A report's figures as CSV (UTF-8 with BOM, so spreadsheets read Vietnamese and Japanese):
/// one row per pilot × KPI × period, with the KPI's baseline, target and progress repeated on
/// each row so a filter on any column keeps whole facts. Columns and codes are for machines and
/// stay the same in every language (numbers in invariant notation, dates ISO, <c>status</c> a code
/// such as <c>on_track</c>; <c>historical</c> marks migrated history approved on load); names and
/// <c>status_text</c> are in the report's language. Cells are
/// neutralised against spreadsheet formulas (<see cref="SpreadsheetSafeCsvWriter"/>).
/// </summary>
public static class ReportCsv
{
    private static readonly string[] Header =
    [
        "pilot_id", "pilot_title", "partnership_id", "kpi_code", "kpi_name", "unit", "period", "value", "verified", "historical",
        "submitted_by", "recorded_at", "baseline", "target", "target_date", "percent_of_target", "status", "status_text",
    ];

    /// <summary>The CSV file of <paramref name="report"/>.</summary>
    public static byte[] Render(DonorReport report)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\r\n" };
        using (var csv = new SpreadsheetSafeCsvWriter(text))
        {
            foreach (var column in Header)
                csv.WriteField(column);
            csv.NextRecord();
            foreach (var pilot in report.Pilots)
            {
                foreach (var kpi in pilot.Kpis)
                {
                    var definition = kpi.View.Definition;
                    foreach (var point in kpi.Points)
                    {
                        csv.WriteField(pilot.PilotId);
                        csv.WriteField(pilot.Title);
                        csv.WriteField(pilot.PartnershipId);
                        csv.WriteField(definition.Code);
                        csv.WriteField(kpi.Name);
                        csv.WriteField(definition.Unit);
                        csv.WriteField(point.Period.ToString());
                        csv.WriteField(Number(point.Value));
                        csv.WriteField(point.Verified ? "true" : "false");
                        csv.WriteField(point.Historical ? "true" : "false");
                        csv.WriteField(point.SubmittedBy ?? "");
                        csv.WriteField(point.RecordedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
                        csv.WriteField(definition.Baseline is { } baseline ? Number(baseline.Value) : "");
                        csv.WriteField(definition.Target is { } target ? Number(target.Value) : "");
                        csv.WriteField(definition.Target is { } due ? due.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "");
                        csv.WriteField(kpi.View.Progress.PercentOfTarget is { } percent ? Number(Math.Round(percent, 1)) : "");
                        csv.WriteField(StatusCode(kpi.View.Progress.Status));
                        csv.WriteField(ReportText.Of(kpi.View.Progress.Status, report.Language));
                        csv.NextRecord();
                    }
                }
            }
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

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
