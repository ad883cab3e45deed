using System.Globalization;
using System.Text;
using Cooperation.Contracts.Kpis;

namespace Cooperation.Reports.Rendering;

/// <summary>
/// A report's figures (<see cref="ReportTable"/>) as CSV (UTF-8 with BOM, so spreadsheets read
/// Vietnamese and Japanese). The header is the columns' codes and cells are written for machines,
/// the same in every language (numbers in invariant notation, dates ISO, instants UTC, flags
/// <c>true</c>/<c>false</c>); names and <c>status_text</c> are in the report's language. Cells are
/// neutralised against spreadsheet formulas (<see cref="SpreadsheetSafeCsvWriter"/>).
/// </summary>
internal static class ReportCsv
{
    /// <summary>The CSV file of <paramref name="report"/>.</summary>
    public static byte[] Render(DonorReport report)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\r\n" };
        using (var csv = new SpreadsheetSafeCsvWriter(text))
        {
            foreach (var column in ReportTable.Columns)
                csv.WriteField(column.Code);
            csv.NextRecord();
            foreach (var row in ReportTable.Rows(report))
            {
                foreach (var cell in row)
                    csv.WriteField(Invariant(cell));
                csv.NextRecord();
            }
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    /// <summary>A status as a stable code (<see cref="ReportTable.StatusCode"/>).</summary>
    public static string StatusCode(KpiStatus status) => ReportTable.StatusCode(status);

    private static string Invariant(object? cell) => cell switch
    {
        null => "",
        string text => text,
        double number => number.ToString("R", CultureInfo.InvariantCulture),
        bool flag => flag ? "true" : "false",
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTimeOffset instant => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        _ => throw new ArgumentOutOfRangeException(nameof(cell), cell, "Every kind of cell has its notation."),
    };
}
