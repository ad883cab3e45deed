using System.IO.Packaging;
using Cooperation.Contracts.Submissions;
using Cooperation.Reports.Rendering;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Cooperation.Reports.Readings;

/// <summary>
/// A file of readings as an Excel workbook (.xlsx), in the same shape as the CSV form: the first
/// sheet's first row is the header, each row after it one reading. Reading a workbook takes its
/// cells as written (numbers in their stored, invariant form) and hands them to the one parser
/// (<see cref="ReadingCsv.Read"/>) as CSV text; rows that are blank in the sheet are skipped, so a
/// row number counts the rows that hold something. Writing one (the template) puts every cell as
/// an inline string, which a spreadsheet shows as it is and never evaluates.
/// </summary>
public static class ReadingWorkbook
{
    /// <summary>The media type of a workbook.</summary>
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>A workbook of one sheet, "readings", holding <paramref name="rows"/> (the header first) as text cells.</summary>
    public static byte[] Write(IEnumerable<IReadOnlyList<string>> rows)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            var sheet = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            uint number = 0;
            foreach (var row in rows)
            {
                var line = new Row { RowIndex = ++number };
                for (var i = 0; i < row.Count; i++)
                {
                    if (row[i].Length == 0)
                        continue;
                    var cell = XlsxFormat.TextCell(row[i]);
                    cell.CellReference = XlsxFormat.Reference(i, number);
                    line.Append(cell);
                }
                data.Append(line);
            }
            sheet.Worksheet = new Worksheet(data);
            workbook.Workbook = new Workbook(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheet), SheetId = 1, Name = "readings" }));
        }
        return stream.ToArray();
    }

    /// <summary>
    /// The first sheet of the workbook in <paramref name="content"/> as CSV text for <see cref="ReadingCsv.Read"/>;
    /// null when it is no workbook (a damaged file, or another kind renamed .xlsx).
    /// </summary>
    public static string? ReadAsCsv(Stream content)
    {
        try
        {
            using var document = SpreadsheetDocument.Open(content, isEditable: false);
            var workbook = document.WorkbookPart;
            if (workbook?.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault() is not { Id.Value: { } id }
                || workbook.GetPartById(id) is not WorksheetPart sheet)
                return null;
            var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToArray() ?? [];
            var rows = new List<IReadOnlyList<string>>();
            // One row more than a file may hold, so the parser refuses a longer one as it does a CSV file.
            foreach (var row in sheet.Worksheet.Descendants<Row>().Take(ReadingImportRequest.MaxRows + 2))
            {
                var cells = new List<string>();
                foreach (var cell in row.Elements<Cell>())
                {
                    var column = cell.CellReference?.Value is { } reference ? ColumnOf(reference) : cells.Count;
                    while (cells.Count < column)
                        cells.Add("");
                    cells.Add(TextOf(cell, shared));
                }
                if (cells.Any(c => c.Trim().Length > 0))
                    rows.Add(cells);
            }
            // Every row as wide as the widest (a sheet leaves trailing empty cells out).
            var width = rows.Count == 0 ? 0 : rows.Max(r => r.Count);
            return ReadingCsv.Write(rows.Select(r => r.Count == width ? r : [.. r, .. Enumerable.Repeat("", width - r.Count)]));
        }
        catch (Exception broken) when (broken is OpenXmlPackageException or InvalidDataException or FileFormatException or IOException
            or InvalidOperationException or System.Xml.XmlException)
        {
            return null;
        }
    }

    private static string TextOf(Cell cell, string[] shared)
    {
        var value = cell.CellValue?.Text ?? "";
        if (cell.DataType?.Value == CellValues.SharedString)
            return int.TryParse(value, out var index) && index >= 0 && index < shared.Length ? shared[index] : "";
        if (cell.DataType?.Value == CellValues.InlineString)
            return cell.InlineString?.InnerText ?? "";
        return value;
    }

    // "C12" → 2: the column's letters, A being 0.
    private static int ColumnOf(string reference)
    {
        var column = 0;
        foreach (var letter in reference.TakeWhile(char.IsAsciiLetter))
            column = column * 26 + (char.ToUpperInvariant(letter) - 'A' + 1);
        return column - 1;
    }
}
