using System.Text;
using Cooperation.Contracts.Common;
using Cooperation.Contracts.DonorReports;
using Cooperation.Gateway.DonorReports;
using Cooperation.ReportBenchmark;
using Cooperation.Reports;
using Cooperation.Reports.Rendering;
using Proto = Cooperation.Contracts.Grpc;

namespace Cooperation.Tests.Domain;

/// <summary>
/// The report formats' registry: one class per flag of <see cref="ReportFormats"/>, each wire value
/// its flag by name, every defined flag accepted by a subscription, and each format's facts as the
/// archive, the downloads and the mails use them.
/// </summary>
public sealed class ReportFileFormatsTests
{
    private static readonly ReportFormats[] Flags = [.. Enum.GetValues<ReportFormats>().Where(f => f != ReportFormats.None)];

    [Fact]
    public void Every_flag_has_exactly_one_class_and_no_class_is_without_a_flag()
    {
        var classes = typeof(ReportFileFormat).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(ReportFileFormat)) && !t.IsAbstract)
            .Select(t => ((ReportFileFormat)Activator.CreateInstance(t)!).Flag)
            .ToArray();

        Assert.Equal(Flags.Order(), classes.Order());
        Assert.All(Flags, flag => Assert.Equal(flag, ReportFileFormats.Of(flag).Flag));
        Assert.Equal(Flags, ReportFileFormats.All.Select(f => f.Flag));
        Assert.All(Flags, flag => Assert.Equal(0, (int)flag & ((int)flag - 1)));
        Assert.Equal(Flags.Length, ReportFileFormats.All.Select(f => f.Extension).Distinct().Count());
        // An unknown flag, none, or several at once is not a format: it fails, it is never guessed.
        Assert.Throws<ArgumentOutOfRangeException>(() => ReportFileFormats.Of((ReportFormats)1024));
        Assert.Throws<ArgumentOutOfRangeException>(() => ReportFileFormats.Of(ReportFormats.None));
        Assert.Throws<ArgumentOutOfRangeException>(() => ReportFileFormats.Of(ReportFormats.Pdf | ReportFormats.Csv));
        Assert.Throws<ArgumentOutOfRangeException>(() => ReportFileFormats.In(ReportFormats.Pdf | (ReportFormats)1024));
        Assert.Equal([ReportFormats.Pdf, ReportFormats.Csv], ReportFileFormats.In(ReportFormats.Csv | ReportFormats.Pdf).Select(f => f.Flag));
    }

    [Fact]
    public void Every_wire_value_is_the_flag_of_its_name_and_every_flag_has_its_wire_value()
    {
        var wires = Enum.GetValues<Proto.ReportFormat>().Where(f => f != Proto.ReportFormat.Unspecified).ToArray();

        Assert.Equal(wires.Order(), DonorReportMapping.FormatFlags.Keys.Order());
        Assert.Equal(Flags.Order(), DonorReportMapping.FormatFlags.Values.Order());
        var descriptor = Proto.ReportingReflection.Descriptor.EnumTypes.Single(e => e.Name == nameof(Proto.ReportFormat));
        foreach (var wire in wires)
        {
            var flag = DonorReportMapping.FormatFlags[wire];
            Assert.Equal($"REPORT_FORMAT_{flag.ToString().ToUpperInvariant()}", descriptor.FindValueByNumber((int)wire).Name);
        }
    }

    [Fact]
    public void A_subscription_may_name_every_defined_format_and_nothing_else()
    {
        var every = Flags.Aggregate(ReportFormats.None, (all, flag) => all | flag);
        foreach (var formats in Flags.Append(every))
            Definition(formats).Validate();

        foreach (var wrong in new[] { ReportFormats.None, (ReportFormats)1024, every | (ReportFormats)1024 })
        {
            var refused = Assert.Throws<InvalidFieldException>(() => Definition(wrong).Validate());
            Assert.Equal("formats", refused.Violations.Single().Field);
            Assert.All(Flags, flag => Assert.Contains(flag.ToString().ToUpperInvariant(), refused.Message));
        }
    }

    [Theory]
    [InlineData(ReportFormats.Pdf, "pdf", "application/pdf", true)]
    [InlineData(ReportFormats.Html, "html", "text/html; charset=utf-8", true)]
    [InlineData(ReportFormats.Csv, "csv", "text/csv; charset=utf-8", false)]
    public void Each_format_states_its_file_and_how_it_opens(ReportFormats flag, string extension, string contentType, bool inline)
    {
        var format = ReportFileFormats.Of(flag);

        Assert.Equal((extension, contentType, inline), (format.Extension, format.ContentType, format.OpensInline));
        Assert.Equal(flag == ReportFormats.Html, format.ResponseHeaders.ContainsKey("Content-Security-Policy"));
    }

    [Fact]
    public void Each_format_renders_what_its_renderer_writes_and_names_its_file_by_its_extension()
    {
        var report = SyntheticPortfolio.Report(2, 2, 3, ReportLanguage.En) with { Revision = 2 };

        var files = ReportFileFormats.In(Flags.Aggregate(ReportFormats.None, (all, flag) => all | flag)).ToDictionary(f => f.Flag, f => f.Render(report));

        Assert.Equal(Flags, files.Keys);
        Assert.Equal(ReportCsv.Render(report), files[ReportFormats.Csv]);
        // HTML and PDF carry ids and times of their own making: the same renderer, not the same bytes.
        Assert.Contains("<svg", Encoding.UTF8.GetString(files[ReportFormats.Html]));
        Assert.StartsWith("%PDF", Encoding.ASCII.GetString(files[ReportFormats.Pdf], 0, 4));
        Assert.All(Flags, flag => Assert.EndsWith($"-r2.{ReportFileFormats.Of(flag).Extension}", report.FileName(flag)));
    }

    [Fact]
    public void Every_column_of_the_figures_table_has_a_heading_in_every_language()
    {
        foreach (var language in ReportText.Languages)
        {
            var headings = ReportTable.Columns.Select(c => c.Heading(language)).ToArray();
            Assert.Equal(headings.Length, headings.Distinct().Count());
            Assert.All(headings, h => Assert.False(string.IsNullOrWhiteSpace(h)));
        }
        Assert.Equal("指標コード", ReportTable.Columns.Single(c => c.Code == "kpi_code").Heading(ReportLanguage.Ja));
    }

    private static ReportSubscriptionDefinition Definition(ReportFormats formats) => new(
        "moej", "MOEJ monthly", new ReportScope(ReportScopeKind.Partnership, "haiphong-kitakyushu", []),
        new ReportSchedule(ReportCadence.Monthly, null, "Asia/Tokyo"), ReportLanguage.Ja, formats, Contracts.Submissions.FigureBasis.All,
        ["reports@example.org"], null);
}
