using Cooperation.Contracts.DonorReports;

namespace Cooperation.Reports.Rendering;

/// <summary>
/// <see cref="ReportFormats.Html"/>: the report with inline SVG charts, written by
/// <see cref="ReportHtml"/>; opens in the browser, sandboxed: no script, nothing fetched, only its
/// own styles and data images.
/// </summary>
internal sealed class HtmlFormat() : ReportFileFormat(ReportFormats.Html, "html", "text/html; charset=utf-8", opensInline: true)
{
    /// <inheritdoc/>
    public override IReadOnlyDictionary<string, string> ResponseHeaders { get; } = new Dictionary<string, string>
    {
        ["Content-Security-Policy"] = "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:",
    };

    /// <inheritdoc/>
    public override byte[] Render(DonorReport report) => ReportHtml.Render(report);
}
