using Cooperation.Reports.Rendering;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Cooperation.Reports.Delivery;

/// <summary>
/// An archived report file as an HTTP answer, whichever host serves it (the gateway's download
/// route, the web pages' archive): its media type, a Content-Disposition naming the file (inline or
/// as an attachment, as its format says), its length, an ETag (its SHA-256) that answers a repeat
/// with 304, its format's own headers (HTML's sandbox), and the content chunk by chunk from the
/// silo, so a large PDF is never held whole. The caller was judged before: this only writes.
/// </summary>
public static class ReportFileResponse
{
    /// <summary>Bytes per chunk written.</summary>
    public const int ChunkSize = 64 * 1024;

    /// <summary>Writes <paramref name="file"/> (only its headers for HEAD, nothing more for a matching If-None-Match).</summary>
    public static async Task WriteAsync(HttpContext http, ArchivedReportFile file, ReportArchive archive)
    {
        var response = http.Response;
        var etag = new EntityTagHeaderValue($"\"{file.Sha256}\"");
        response.ContentType = file.ContentType;
        // Its format says whether it opens in the browser or is saved; either way under its own name.
        var format = ReportFileFormats.Of(file.Format);
        var disposition = new ContentDispositionHeaderValue(format.OpensInline ? "inline" : "attachment");
        disposition.SetHttpFileName(file.FileName);
        response.Headers.ContentDisposition = disposition.ToString();
        response.Headers.ETag = etag.ToString();
        response.Headers.CacheControl = "private, max-age=3600";
        response.Headers.XContentTypeOptions = "nosniff";
        // A signed link's signature is in its address: it goes to nobody else.
        response.Headers["Referrer-Policy"] = "no-referrer";
        foreach (var (name, value) in format.ResponseHeaders)
            response.Headers[name] = value;
        if (http.Request.GetTypedHeaders().IfNoneMatch is { Count: > 0 } matches && matches.Any(m => m.Compare(etag, useStrongComparison: false)))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }
        response.ContentLength = file.Size;
        if (HttpMethods.IsHead(http.Request.Method))
            return;
        await foreach (var chunk in archive.ChunksAsync(file.ReportId, file.Size, ChunkSize, http.RequestAborted))
            await response.Body.WriteAsync(chunk, http.RequestAborted);
    }
}
