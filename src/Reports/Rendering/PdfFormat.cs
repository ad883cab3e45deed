using Cooperation.Contracts.DonorReports;

namespace Cooperation.Reports.Rendering;

/// <summary><see cref="ReportFormats.Pdf"/>: the report with charts, drawn by <see cref="ReportPdf"/>; opens in the browser.</summary>
internal sealed class PdfFormat() : ReportFileFormat(ReportFormats.Pdf, "pdf", "application/pdf", opensInline: true)
{
    /// <inheritdoc/>
    public override byte[] Render(DonorReport report) => ReportPdf.Render(report);
}
