using System.Globalization;
using System.Text;
using Cooperation.Contracts.DonorReports;
using Cooperation.ReportBenchmark;
using Cooperation.Reports;
using Cooperation.Reports.Rendering;
using CsvHelper;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;

namespace Cooperation.Tests.Domain;

/// <summary>
/// The XLSX report as a spreadsheet reads it (opened with the Open XML SDK): a valid workbook of
/// one sheet named and headed in the report's language, heading bold and frozen, holding the CSV's
/// figures cell for cell with numbers as numbers and dates as dates, and text never a formula.
/// </summary>
public sealed class XlsxFormatTests
{
    private static readonly ReportFileFormat Xlsx = ReportFileFormats.Of(ReportFormats.Xlsx);

    [Theory]
    [InlineData(ReportLanguage.En)]
    [InlineData(ReportLanguage.Vi)]
    [InlineData(ReportLanguage.Ja)]
    public void The_workbook_holds_the_csvs_figures_as_typed_cells_headed_in_the_reports_language(ReportLanguage language)
    {
        var report = SyntheticPortfolio.Report(3, 3, 6, language);
        var csv = CsvRows(report);

        using var document = SpreadsheetDocument.Open(new MemoryStream(Xlsx.Render(report)), isEditable: false);

        Assert.Empty(new OpenXmlValidator().Validate(document));
        var workbook = document.WorkbookPart!;
        var sheet = Assert.Single(workbook.Workbook.Sheets!.Elements<Sheet>());
        Assert.Equal(ReportText.Word("table.figures", language), sheet.Name!.Value);
        var worksheet = ((WorksheetPart)workbook.GetPartById(sheet.Id!.Value!)).Worksheet;
        var pane = worksheet.Descendants<Pane>().Single();
        Assert.Equal((PaneStateValues.Frozen, "A2", 1D), (pane.State!.Value, pane.TopLeftCell!.Value, pane.VerticalSplit!.Value));
        var rows = worksheet.Descendants<Row>().ToArray();
        Assert.Equal(csv.Count, rows.Length);

        var heading = rows[0].Elements<Cell>().ToArray();
        Assert.Equal(ReportTable.Columns.Select(c => c.Heading(language)), heading.Select(Text));
        var fonts = workbook.WorkbookStylesPart!.Stylesheet.Fonts!.Elements<Font>().ToArray();
        var formats = workbook.WorkbookStylesPart.Stylesheet.CellFormats!.Elements<CellFormat>().ToArray();
        Assert.All(heading, c => Assert.NotNull(fonts[(int)formats[(int)c.StyleIndex!.Value].FontId!.Value].Bold));

        var numbers = 0;
        for (var r = 1; r < rows.Length; r++)
        {
            var cells = rows[r].Elements<Cell>().ToDictionary(c => Column(c.CellReference!.Value!));
            for (var c = 0; c < ReportTable.Columns.Count; c++)
            {
                var expected = csv[r][c];
                var where = $"{ReportTable.Columns[c].Code} of row {r}";
                if (expected.Length == 0)
                {
                    Assert.False(cells.ContainsKey(c), $"{where} should be empty");
                    continue;
                }
                var cell = cells[c];
                switch (ReportTable.Columns[c].Kind)
                {
                    case ReportCellKind.Text:
                        Assert.Equal(expected, Text(cell));
                        break;
                    case ReportCellKind.Number:
                        Assert.Null(cell.DataType);
                        Assert.Equal(double.Parse(expected, CultureInfo.InvariantCulture), double.Parse(cell.CellValue!.Text, CultureInfo.InvariantCulture));
                        numbers++;
                        break;
                    case ReportCellKind.Flag:
                        Assert.Equal(CellValues.Boolean, cell.DataType!.Value);
                        Assert.Equal(expected == "true" ? "1" : "0", cell.CellValue!.Text);
                        break;
                    case ReportCellKind.Date:
                        Assert.Equal("yyyy-mm-dd", FormatCode(workbook, formats, cell));
                        Assert.Equal(expected, Day(cell).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                        break;
                    case ReportCellKind.Instant:
                        Assert.Equal("yyyy-mm-dd hh:mm:ss", FormatCode(workbook, formats, cell));
                        var instant = DateTime.Parse(expected, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal);
                        Assert.True(Math.Abs((Day(cell) - instant).TotalSeconds) < 1, $"{where}: {Day(cell):O} for {expected}");
                        break;
                    default:
                        throw new ArgumentOutOfRangeException(ReportTable.Columns[c].Kind.ToString());
                }
            }
        }
        Assert.True(numbers > (rows.Length - 1) * 2, "values, baselines and targets are numbers");
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://evil.example\",\"x\")")]
    [InlineData("+cmd|' /C calc'!A0")]
    [InlineData("@SUM(A1:A9)")]
    [InlineData("-2+3")]
    public void A_title_that_looks_like_a_formula_stays_text(string title)
    {
        var report = SyntheticPortfolio.Report(1, 1, 2);
        report = report with { Pilots = [report.Pilots[0] with { Title = title }] };

        using var document = SpreadsheetDocument.Open(new MemoryStream(Xlsx.Render(report)), isEditable: false);

        var worksheet = document.WorkbookPart!.WorksheetParts.Single().Worksheet;
        Assert.Empty(worksheet.Descendants<CellFormula>());
        var titles = worksheet.Descendants<Row>().Skip(1)
            .Select(r => r.Elements<Cell>().Single(c => Column(c.CellReference!.Value!) == ColumnOf("pilot_title")));
        Assert.All(titles, c => Assert.Equal((CellValues.InlineString, title), (c.DataType!.Value, Text(c))));
    }

    [Fact]
    public void It_is_saved_as_an_xlsx_file_not_opened()
    {
        Assert.Equal(("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", false),
            (Xlsx.Extension, Xlsx.ContentType, Xlsx.OpensInline));
        Assert.EndsWith("-2025-03.xlsx", (SyntheticPortfolio.Report(1, 1, 2) with { Period = Contracts.Common.ReportingPeriod.Parse("2025-03", "period") })
            .FileName(ReportFormats.Xlsx));
    }

    private static List<string[]> CsvRows(DonorReport report)
    {
        using var reader = new CsvReader(new StringReader(Encoding.UTF8.GetString(ReportCsv.Render(report)).TrimStart('\uFEFF')), CultureInfo.InvariantCulture);
        var rows = new List<string[]>();
        while (reader.Read())
            rows.Add(reader.Parser.Record!);
        return rows;
    }

    private static string Text(Cell cell)
    {
        Assert.Equal(CellValues.InlineString, cell.DataType!.Value);
        return cell.InlineString!.Text!.Text;
    }

    private static DateTime Day(Cell cell) => DateTime.FromOADate(double.Parse(cell.CellValue!.Text, CultureInfo.InvariantCulture));

    private static string FormatCode(WorkbookPart workbook, CellFormat[] formats, Cell cell)
    {
        var id = formats[(int)cell.StyleIndex!.Value].NumberFormatId!.Value;
        return workbook.WorkbookStylesPart!.Stylesheet.NumberingFormats!.Elements<NumberingFormat>().Single(f => f.NumberFormatId!.Value == id).FormatCode!.Value!;
    }

    private static int ColumnOf(string code) => ReportTable.Columns.Select(c => c.Code).ToList().IndexOf(code);

    // "C12" → 2.
    private static int Column(string reference) =>
        reference.TakeWhile(char.IsLetter).Aggregate(0, (n, letter) => n * 26 + letter - 'A' + 1) - 1;
}
