using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Cooperation.Web.Hosting;

/// <summary>
/// Tells the client how long the host worked on its request, as <c>Server-Timing</c> (ms):
/// <c>app</c> from the request's arrival to its headers going out, and for a page <c>handler</c>,
/// the part its handler took (the grain calls; the rest is the session check and the rendering).
/// Razor renders a page into memory before it writes it, so <c>app</c> holds the whole rendering.
/// Only when configured (<c>Web:ServerTiming</c>; the page benchmark turns it on).
/// </summary>
internal sealed class ServerTiming(RequestDelegate next)
{
    /// <summary>Whether the configuration asks for the header.</summary>
    public static bool Enabled(IConfiguration configuration) => configuration.GetValue<bool>("Web:ServerTiming");

    /// <summary>Starts the clock, stamps the header as the answer starts, runs the rest of the pipeline.</summary>
    public Task InvokeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        context.Response.OnStarting(() =>
        {
            var handler = context.Features.Get<HandlerTime>();
            context.Response.Headers["Server-Timing"] = string.Create(CultureInfo.InvariantCulture,
                $"app;dur={Stopwatch.GetElapsedTime(started).TotalMilliseconds:F1}{(handler is null ? "" : $", handler;dur={handler.Milliseconds:F1}")}");
            return Task.CompletedTask;
        });
        return next(context);
    }

    /// <summary>Times each page handler for the header.</summary>
    internal sealed class HandlerFilter : IAsyncPageFilter
    {
        /// <inheritdoc/>
        public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

        /// <inheritdoc/>
        public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                await next();
            }
            finally
            {
                context.HttpContext.Features.Set(new HandlerTime(Stopwatch.GetElapsedTime(started).TotalMilliseconds));
            }
        }
    }

    private sealed record HandlerTime(double Milliseconds);
}
