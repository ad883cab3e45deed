using Cooperation.Contracts.DonorReports;

namespace Cooperation.Reports.Rendering;

/// <summary><see cref="ReportFormats.Csv"/>: the figures' table, written by <see cref="ReportCsv"/>; saved, not opened.</summary>
internal sealed class CsvFormat() : ReportFileFormat(ReportFormats.Csv, "csv", "text/csv; charset=utf-8", opensInline: false)
{
    /// <inheritdoc/>
    public override byte[] Render(DonorReport report) => ReportCsv.Render(report);
}
