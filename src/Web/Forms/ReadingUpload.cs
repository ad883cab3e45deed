using System.Text;
using Cooperation.Contracts.Common;
using Cooperation.Contracts.Submissions;
using Cooperation.Reports.Readings;

namespace Cooperation.Web.Forms;

/// <summary>One refused row of an uploaded file: its number, its cells as written, and each message in the person's language.</summary>
/// <param name="Row">Its row in the file, the header being row 1.</param>
/// <param name="Cells">Its cells, in the file's columns' order.</param>
/// <param name="Messages">Column at fault → its message.</param>
internal sealed record RefusedRow(int Row, IReadOnlyList<string> Cells, IReadOnlyList<(string Column, string Message)> Messages);

/// <summary>
/// A file of readings a partner uploads on a pilot's import page: what it must be before the
/// readings parser sees it (a CSV file of UTF-8 text or an Excel workbook, not empty, not too large), and the rows
/// that name another pilot than the page's. The rows themselves are read by the one parser
/// (<see cref="ReadingCsv"/>) and judged by the pilots, as the API's import does.
/// </summary>
internal static class ReadingUpload
{
    /// <summary>Largest file taken, in bytes (a full file of <see cref="ReadingImportRequest.MaxRows"/> short rows fits).</summary>
    public const int MaxBytes = 2 * 1024 * 1024;

    /// <summary>The form's file field.</summary>
    public const string FileField = "file";

    /// <summary>The form's mode field (all or nothing, or row by row).</summary>
    public const string ModeField = "mode";

    /// <summary>The reason given to a row of another pilot (a field rule, so pages translate it).</summary>
    public static string OtherPilot(string pilotId) => $"names another pilot: this page takes readings of '{pilotId}' only";

    /// <summary>
    /// The text of an uploaded CSV file (or of a workbook's cells, as CSV), or the word key of why it
    /// is none: not a .csv or .xlsx file, empty, too large, not UTF-8 text, or a damaged workbook.
    /// </summary>
    public static (string? Text, string? Refusal) TextOf(string fileName, long length, Stream content)
    {
        var workbook = fileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase);
        if (!workbook && !fileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
            return (null, "import.not-csv");
        if (length == 0)
            return (null, "import.file-empty");
        if (length > MaxBytes)
            return (null, "import.file-too-large");
        using var buffer = new MemoryStream();
        content.CopyTo(buffer);
        if (workbook)
        {
            buffer.Position = 0;
            return ReadingWorkbook.ReadAsCsv(buffer) switch
            {
                null => (null, "import.not-xlsx"),
                var cells when string.IsNullOrWhiteSpace(cells) => (null, "import.file-empty"),
                var cells => (cells, null),
            };
        }
        var bytes = buffer.ToArray();
        try
        {
            var text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes);
            // A spreadsheet or another binary file renamed .csv: text files hold no NUL.
            if (text.Contains('\0'))
                return (null, "import.not-csv");
            return string.IsNullOrWhiteSpace(text.TrimStart('\uFEFF')) ? (null, "import.file-empty") : (text, null);
        }
        catch (DecoderFallbackException)
        {
            return (null, "import.not-utf8");
        }
    }

    /// <summary>
    /// The import request of <paramref name="file"/> for the page of <paramref name="pilotId"/>: its rows
    /// of another pilot are refused (the page imports its own pilot's readings), the others go to the pilots.
    /// </summary>
    public static ReadingImportRequest Request(ReadingFile file, string pilotId, ImportMode mode)
    {
        var (own, others) = (file.Rows.Where(r => r.PilotId == pilotId).ToList(), file.Rows.Where(r => r.PilotId != pilotId));
        var unreadable = file.Unreadable.Concat(others.Select(r => new RowRejection(r.Row, "pilot_id", OtherPilot(pilotId)))).OrderBy(r => r.Row);
        return new ReadingImportRequest(ValueList.Of(own), ValueList.Of(unreadable), file.RowCount, mode, ValidateOnly: false);
    }

    /// <summary>The refused rows of <paramref name="result"/> with their cells, each message through <paramref name="translate"/>.</summary>
    public static IReadOnlyList<RefusedRow> Refused(ReadingImportResult result, ReadingFile file, Func<string, string> translate) =>
        [.. result.Rejections.GroupBy(r => r.Row).OrderBy(g => g.Key).Select(g => new RefusedRow(g.Key,
            file.Cells.GetValueOrDefault(g.Key) ?? [], [.. g.Select(r => (r.Column, translate(r.Reason)))]))];
}
