using System.Globalization;
using System.Text;
using Cooperation.Contracts.Common;
using Cooperation.Contracts.Kpis;
using Cooperation.Gateway.Common;
using Cooperation.Reports.Rendering;
using Cooperation.Reports.Readings;
using Cooperation.ReportBenchmark;
using CsvHelper;

namespace Cooperation.Tests.Domain;

/// <summary>
/// CSV files people open in spreadsheets (donor reports, reading templates): a text cell that starts
/// with =, +, - or @ is neutralised, numbers stay numbers; one writer does it for both.
/// </summary>
public sealed class SpreadsheetSafeCsvTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://evil.example\",\"x\")", "'=HYPERLINK(\"http://evil.example\",\"x\")")]
    [InlineData("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1:A9)", "'@SUM(A1:A9)")]
    [InlineData("-12.5", "-12.5")]
    [InlineData("1E-05", "1E-05")]
    [InlineData("Compost – 10 t", "Compost – 10 t")]
    public void A_cell_is_text_or_a_number_never_a_formula(string cell, string readBack)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var writer = new SpreadsheetSafeCsvWriter(text))
        {
            writer.WriteField(cell);
            writer.NextRecord();
        }

        Assert.Equal(readBack, Cells(text.ToString())[0][0]);
    }

    [Fact]
    public void A_reports_titles_are_neutralised_and_its_figures_stay_numbers()
    {
        var report = SyntheticPortfolio.Report(1, 1, 2);
        var pilot = report.Pilots[0];
        var kpi = pilot.Kpis[0];
        report = report with
        {
            Pilots = [pilot with
            {
                Title = "=1+1",
                Kpis = [kpi with { Name = "@risk", Points = [.. kpi.Points.Select(p => p with { Value = -5.5 })] }],
            }],
        };

        var rows = Cells(Encoding.UTF8.GetString(ReportCsv.Render(report)).TrimStart('\uFEFF'));

        var header = rows[0];
        var row = rows[1];
        Assert.Equal("'=1+1", row[Array.IndexOf(header, "pilot_title")]);
        Assert.Equal("'@risk", row[Array.IndexOf(header, "kpi_name")]);
        Assert.Equal("-5.5", row[Array.IndexOf(header, "value")]);
        Assert.Equal(ReportCsv.StatusCode(kpi.View.Progress.Status), row[Array.IndexOf(header, "status")]);
    }

    [Fact]
    public void The_reading_template_goes_through_the_same_writer_and_reads_back()
    {
        var kpi = new KpiDefinition("compost-produced", new LocalizedText(null, null, "Compost produced"), "t", KpiMeasure.Number,
            KpiDirection.HigherIsBetter, KpiAggregation.Incremental, null, null, []);

        Assert.StartsWith("'=", Cells(ReadingCsv.Template("=cmd()", "2025-01", [kpi]))[1][0]);
        var (rows, unreadable, count, _, _) = ReadingCsv.Read(ReadingCsv.Template("hp-compost", "2025-01", [kpi]));
        Assert.Equal(1, count);
        // Its identifying cells read back as written.
        Assert.DoesNotContain(unreadable, r => r.Column is "pilot_id" or "kpi_code" or "period");
        Assert.All(rows, r => Assert.Equal("hp-compost", r.PilotId));
    }

    private static string[][] Cells(string csv)
    {
        using var reader = new CsvParser(new StringReader(csv), CultureInfo.InvariantCulture);
        var rows = new List<string[]>();
        while (reader.Read())
            rows.Add(reader.Record!);
        return [.. rows];
    }
}
