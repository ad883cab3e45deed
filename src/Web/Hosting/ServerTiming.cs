using System.Diagnostics;
using System.Globalization;

namespace Cooperation.Web.Hosting;

/// <summary>
/// Tells the client how long the host worked on its request: <c>Server-Timing: app;dur=…</c> (ms),
/// from the request's arrival to its headers going out. Razor renders a page into memory before it
/// writes it, so for a page that is the session check, the grain calls and the rendering. Only when
/// configured (<c>Web:ServerTiming</c>; the page benchmark turns it on).
/// </summary>
internal sealed class ServerTiming(RequestDelegate next)
{
    /// <summary>Starts the clock, stamps the header as the answer starts, runs the rest of the pipeline.</summary>
    public Task InvokeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        context.Response.OnStarting(() =>
        {
            context.Response.Headers["Server-Timing"] = string.Create(CultureInfo.InvariantCulture,
                $"app;dur={Stopwatch.GetElapsedTime(started).TotalMilliseconds:F1}");
            return Task.CompletedTask;
        });
        return next(context);
    }
}
