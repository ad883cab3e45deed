using Cooperation.Contracts.DonorReports;

namespace Cooperation.Reports.Rendering;

/// <summary>
/// One file format of donor reports (<see cref="ReportFormats"/>), all its facts in one class: the
/// flag subscriptions name it by, its file extension and media type, whether a download opens in
/// the browser or is saved, the response headers it needs, and how a report is rendered in it. A
/// new format is a new sealed subclass (found by <see cref="ReportFileFormats"/>), its flag and its
/// wire value (<c>REPORT_FORMAT_…</c>); nothing else decides by format.
/// </summary>
public abstract class ReportFileFormat
{
    /// <summary>A format's facts.</summary>
    /// <param name="flag">The one flag of <see cref="ReportFormats"/> it is.</param>
    /// <param name="extension">Its file extension, without the dot ("pdf").</param>
    /// <param name="contentType">Its media type, with its charset where it is text.</param>
    /// <param name="opensInline">Whether a download opens in the browser (inline) rather than being saved (attachment).</param>
    protected ReportFileFormat(ReportFormats flag, string extension, string contentType, bool opensInline) =>
        (Flag, Extension, ContentType, OpensInline) = (flag, extension, contentType, opensInline);

    /// <summary>The one flag of <see cref="ReportFormats"/> it is.</summary>
    public ReportFormats Flag { get; }

    /// <summary>Its file extension, without the dot ("pdf").</summary>
    public string Extension { get; }

    /// <summary>Its media type, with its charset where it is text ("text/csv; charset=utf-8").</summary>
    public string ContentType { get; }

    /// <summary>Whether a download opens in the browser (Content-Disposition inline) rather than being saved (attachment).</summary>
    public bool OpensInline { get; }

    /// <summary>Headers a download of it carries besides the common ones (e.g. a sandbox for HTML); none by default.</summary>
    public virtual IReadOnlyDictionary<string, string> ResponseHeaders { get; } = new Dictionary<string, string>();

    /// <summary>The file of <paramref name="report"/> in this format.</summary>
    public abstract byte[] Render(DonorReport report);
}
