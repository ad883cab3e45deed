using System.Diagnostics;
using Cooperation.Contracts.Common;
using Cooperation.Contracts.Telemetry;
using Orleans.Runtime;
using Orleans.Runtime.Messaging;

namespace Cooperation.Web.Hosting;

/// <summary>What went wrong with a request, for its error page: the status, and for a fault the reference it was logged under.</summary>
/// <param name="Status">The HTTP status the page answers with.</param>
/// <param name="Reference">Where the fault is logged (500 only).</param>
internal sealed record PageFault(int Status, string? Reference);

/// <summary>
/// Turns what a page's grain calls throw into an error page in the person's language (the status
/// code pages re-execute <c>/error/{status}</c>), never a stack trace: refused or unknown → 403 or
/// 404 as the grain's <c>AccessPolicy</c> decided, a state that forbids it → 409, the cluster or its
/// storage unreachable → 503, anything else → 500 with a reference to the log. A page that can say
/// more (a field's message next to it) catches the exception itself.
/// </summary>
internal sealed partial class PageFaults(RequestDelegate next, ILogger<PageFaults> logger)
{
    /// <summary>Runs the rest of the pipeline.</summary>
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (Exception error) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            var fault = Classify(error, context.Request.Path);
            context.Response.Clear();
            context.Response.StatusCode = fault.Status;
            if (fault.Status == StatusCodes.Status503ServiceUnavailable)
                context.Response.Headers.RetryAfter = ((int)StorageUnavailableException.DefaultRetryAfter.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
            context.Features.Set(fault);
        }
    }

    private PageFault Classify(Exception error, string path)
    {
        var platform = PlatformFaults.AtBoundary(error) ?? error;
        switch (platform)
        {
            case AccessDeniedException:
                return new(StatusCodes.Status403Forbidden, null);
            case EntityNotFoundException:
                return new(StatusCodes.Status404NotFound, null);
            case InvalidFieldException or RuleViolationException or EntityExistsException or ConcurrentChangeException:
                LogRefused(logger, path, platform.GetType().Name, platform.Message);
                return new(StatusCodes.Status409Conflict, null);
            case StorageUnavailableException or SiloUnavailableException or OrleansMessageRejectionException or ConnectionFailedException
                or GatewayTooBusyException or TimeoutException:
                LogUnavailable(logger, path, platform.Message);
                return new(StatusCodes.Status503ServiceUnavailable, null);
            case InternalFaultException silo when Wraps(error, silo):
                LogSiloFault(logger, path, silo.Reference);
                PlatformTelemetry.TagFault(Activity.Current, silo.Reference);
                return new(StatusCodes.Status500InternalServerError, silo.Reference);
            default:
                var reference = InternalFaultException.New().Reference;
                LogFault(logger, path, reference, error);
                PlatformTelemetry.TagFault(Activity.Current, reference);
                return new(StatusCodes.Status500InternalServerError, reference);
        }
    }

    private static bool Wraps(Exception error, Exception inner) =>
        ReferenceEquals(error, inner) || (error.InnerException is { } next && Wraps(next, inner));

    [LoggerMessage(Level = LogLevel.Information, Message = "{Path}: refused ({Kind}): {Message}")]
    private static partial void LogRefused(ILogger logger, string path, string kind, string message);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Path}: unavailable: {Reason}")]
    private static partial void LogUnavailable(ILogger logger, string path, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Path}: fault of the silo, reference {Reference} (logged there)")]
    private static partial void LogSiloFault(ILogger logger, string path, string reference);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Path}: fault, reference {Reference}")]
    private static partial void LogFault(ILogger logger, string path, string reference, Exception error);
}
