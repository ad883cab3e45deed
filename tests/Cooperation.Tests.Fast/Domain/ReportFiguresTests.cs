using Cooperation.Contracts.Common;
using Cooperation.Contracts.DonorReports;
using Cooperation.Gateway.DonorReports;
using Cooperation.Reports;
using Cooperation.ReportBenchmark;

namespace Cooperation.Tests.Domain;

/// <summary>What makes a period's report a new revision: its own figures changed, were added or withdrawn, or were verified since.</summary>
public sealed class ReportFiguresTests
{
    private static ReportFigure F(string pilot, double value, bool verified = false, string period = "2025-03") => new(pilot, "kpi", period, value, verified);

    [Fact]
    public void The_same_figures_change_nothing()
    {
        var figures = new[] { F("a", 1), F("b", 2, verified: true) };

        var changes = ReportFigures.Compare(figures, [.. figures]);

        Assert.Equal(new ReportChanges(0, 0), changes);
        Assert.False(changes.Any);
    }

    [Fact]
    public void Another_value_an_added_and_a_withdrawn_figure_are_changes_and_a_later_approval_is_newly_verified()
    {
        var before = new[] { F("a", 1), F("b", 2), F("c", 3), F("d", 4, verified: true) };
        var now = new[] { F("a", 1.5), F("b", 2, verified: true), F("d", 4, verified: true), F("e", 5, verified: true) };

        var changes = ReportFigures.Compare(before, now);

        // a changed, c withdrawn, e added; b and e verified since.
        Assert.Equal(new ReportChanges(FiguresChanged: 3, NewlyVerified: 2), changes);
        Assert.True(changes.Any);
    }

    [Fact]
    public void A_report_is_about_its_own_periods_figures_only()
    {
        var report = SyntheticPortfolio.Report(pilots: 2, kpis: 3, periods: 4);

        var figures = ReportFigures.Of(report);

        Assert.Equal(2 * 3, figures.Count);
        Assert.All(figures, f => Assert.Equal(report.Period.ToString(), f.Period));
        Assert.Equal(figures.Select(f => f.Key).Order(StringComparer.Ordinal), figures.Select(f => f.Key));
    }

    [Fact]
    public void A_revision_names_its_files_and_says_what_changed_in_the_reports_language()
    {
        var report = SyntheticPortfolio.Report(1, 1, 2) with { Revision = 2, Changes = new ReportChanges(3, 1) };

        Assert.EndsWith($"-{report.Period}-r2.pdf", report.FileName(Contracts.DonorReports.ReportFormats.Pdf));
        Assert.Equal("Revision 2: 3 figures changed, 1 newly verified", RevisionText.Line(2, report.Changes, Contracts.DonorReports.ReportLanguage.En));
        Assert.Equal("改訂版 2: 変更された数値 3 件, 新たに検証された数値 1 件", RevisionText.Line(2, report.Changes, Contracts.DonorReports.ReportLanguage.Ja));
        Assert.Equal("", RevisionText.Line(1, null, Contracts.DonorReports.ReportLanguage.En));
        Assert.Contains("Revision 2: 3 figures changed", string.Join("\n",
            Reports.Rendering.ReportDocument.Blocks(report).OfType<Reports.Rendering.TextBlock>().Select(b => b.Text)));
    }
}
