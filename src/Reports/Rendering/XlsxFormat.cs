using System.Text;
using System.Xml;
using Cooperation.Contracts.DonorReports;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Cooperation.Reports.Rendering;

/// <summary>
/// <see cref="ReportFormats.Xlsx"/>: the figures' table (<see cref="ReportTable"/>, the CSV's rows)
/// as an Excel workbook, one sheet named and headed in the report's language, the heading row bold
/// and frozen. Cells keep their kind: numbers are numbers, flags booleans, days and instants (UTC)
/// dates. Text is always an inline string, never a formula, so a title such as
/// <c>=HYPERLINK(…)</c> stays text (as <see cref="SpreadsheetSafeCsvWriter"/> keeps it in CSV).
/// Written with the Open XML SDK's streaming writer, row by row. Saved, not opened.
/// </summary>
internal sealed class XlsxFormat() : ReportFileFormat(ReportFormats.Xlsx, "xlsx",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", opensInline: false)
{
    // Cell styles of the workbook's stylesheet (Styles), by index.
    private const uint HeadingStyle = 1, DayStyle = 2, InstantStyle = 3;

    /// <inheritdoc/>
    public override byte[] Render(DonorReport report)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();
            var sheet = workbook.AddNewPart<WorksheetPart>();
            WriteFigures(sheet, report);
            workbook.Workbook = new Workbook(new Sheets(new Sheet
            {
                Id = workbook.GetIdOfPart(sheet), SheetId = 1, Name = SheetName(ReportText.Word("table.figures", report.Language)),
            }));
        }
        return stream.ToArray();
    }

    private static void WriteFigures(WorksheetPart part, DonorReport report)
    {
        var columns = ReportTable.Columns;
        using var writer = OpenXmlWriter.Create(part);
        writer.WriteStartElement(new Worksheet());
        writer.WriteElement(new SheetViews(new SheetView(
            new Pane { VerticalSplit = 1D, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
            new Selection { Pane = PaneValues.BottomLeft })
        { TabSelected = true, WorkbookViewId = 0U }));
        writer.WriteElement(new Columns(new Column { Min = 1U, Max = (uint)columns.Count, Width = 18D, CustomWidth = true }));
        writer.WriteStartElement(new SheetData());
        uint row = 1;
        writer.WriteStartElement(new Row { RowIndex = row });
        for (var i = 0; i < columns.Count; i++)
        {
            var heading = TextCell(columns[i].Heading(report.Language));
            heading.CellReference = Reference(i, row);
            heading.StyleIndex = HeadingStyle;
            writer.WriteElement(heading);
        }
        writer.WriteEndElement();
        foreach (var cells in ReportTable.Rows(report))
        {
            row++;
            writer.WriteStartElement(new Row { RowIndex = row });
            for (var i = 0; i < cells.Length; i++)
            {
                if (CellOf(cells[i]) is not { } cell)
                    continue;
                cell.CellReference = Reference(i, row);
                writer.WriteElement(cell);
            }
            writer.WriteEndElement();
        }
        writer.WriteEndElement();
        writer.WriteEndElement();
    }

    /// <summary>A cell of its kind; null leaves the cell empty.</summary>
    private static Cell? CellOf(object? value) => value switch
    {
        null => null,
        string text => TextCell(text),
        double number => new Cell { CellValue = new CellValue(number) },
        bool flag => new Cell { DataType = CellValues.Boolean, CellValue = new CellValue(flag ? "1" : "0") }, // as Excel writes them, not "true"
        DateOnly day => new Cell { StyleIndex = DayStyle, CellValue = new CellValue(day.ToDateTime(TimeOnly.MinValue).ToOADate()) },
        DateTimeOffset instant => new Cell { StyleIndex = InstantStyle, CellValue = new CellValue(instant.UtcDateTime.ToOADate()) },
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, "Every kind of cell has its spreadsheet cell."),
    };

    // An inline string: a spreadsheet shows it as it is and never evaluates it.
    internal static Cell TextCell(string text) => new()
    {
        DataType = CellValues.InlineString,
        InlineString = new InlineString(new Text(XmlText(text)) { Space = SpaceProcessingModeValues.Preserve }),
    };

    // "A1", "R12": the column's letters and the row's number.
    internal static string Reference(int column, uint row)
    {
        var letters = "";
        for (var n = column + 1; n > 0; n = (n - 1) / 26)
            letters = (char)('A' + (n - 1) % 26) + letters;
        return letters + row.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    // XML cannot hold every character a text may (control characters): those are left out.
    private static string XmlText(string text)
    {
        if (text.All(c => XmlConvert.IsXmlChar(c) || char.IsSurrogate(c)))
            return text;
        var kept = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (XmlConvert.IsXmlChar(text[i]))
                kept.Append(text[i]);
            else if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
                kept.Append(text, i++, 2);
        }
        return kept.ToString();
    }

    // A sheet name holds at most 31 characters and none of []:*?/\.
    private static string SheetName(string name)
    {
        var kept = new string([.. name.Where(c => "[]:*?/\\".IndexOf(c) < 0)]);
        return kept.Length <= 31 ? kept : kept[..31];
    }

    // Plain, bold heading, day (yyyy-mm-dd), instant (yyyy-mm-dd hh:mm:ss).
    private static Stylesheet Styles() => new(
        new NumberingFormats(
            new NumberingFormat { NumberFormatId = 164U, FormatCode = "yyyy-mm-dd" },
            new NumberingFormat { NumberFormatId = 165U, FormatCode = "yyyy-mm-dd hh:mm:ss" })
        { Count = 2U },
        new Fonts(new Font(new FontSize { Val = 11D }, new FontName { Val = "Calibri" }),
            new Font(new Bold(), new FontSize { Val = 11D }, new FontName { Val = "Calibri" }))
        { Count = 2U },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 }))
        { Count = 2U },
        new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1U },
        new CellStyleFormats(new CellFormat()) { Count = 1U },
        new CellFormats(
            new CellFormat(),
            new CellFormat { FontId = 1U, ApplyFont = true },
            new CellFormat { NumberFormatId = 164U, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 165U, ApplyNumberFormat = true })
        { Count = 4U });
}
