namespace Cooperation.Web.Hosting;

/// <summary>
/// Headers every answer carries: scripts and styles only from this site (the libraries are
/// vendored, nothing from a CDN), no framing, no MIME sniffing, no referrer beyond the origin, and
/// pages not kept in shared caches (they show what one person may read).
/// </summary>
internal sealed class SecurityHeaders(RequestDelegate next)
{
    private const string Policy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>Sets the headers, then runs the rest of the pipeline.</summary>
    public Task InvokeAsync(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = Policy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "same-origin";
        if (!context.Request.Path.StartsWithSegments("/lib") && !context.Request.Path.StartsWithSegments("/css")
            && !context.Request.Path.StartsWithSegments("/js"))
        {
            // As anti-forgery sets them on a page with a form: already so, it need not override them
            // (and log a warning on every page).
            headers.CacheControl = "no-cache, no-store";
            headers.Pragma = "no-cache";
        }
        return next(context);
    }
}
