using System.Globalization;
using Code = Google.Rpc.Code;

namespace Cooperation.Gateway.Errors;

/// <summary>How statuses travel over HTTP: which requests are gRPC, HTTP codes of the JSON routes, the retry header.</summary>
internal static class HttpStatuses
{
    /// <summary>Whether <paramref name="request"/> is a gRPC call (not a JSON route).</summary>
    public static bool IsGrpc(HttpRequest request) =>
        request.ContentType?.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>Adds <c>Retry-After</c> (whole seconds) for a status that carries a <see cref="Google.Rpc.RetryInfo"/>, while headers can still change.</summary>
    public static void AddRetryAfter(HttpResponse response, Google.Rpc.Status status)
    {
        if (response.HasStarted || status.Details.FirstOrDefault(d => d.Is(Google.Rpc.RetryInfo.Descriptor)) is not { } detail)
            return;
        var seconds = Math.Max(1, (int)Math.Ceiling(detail.Unpack<Google.Rpc.RetryInfo>().RetryDelay.ToTimeSpan().TotalSeconds));
        response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>The HTTP status of a gRPC code on the JSON routes (as JSON transcoding maps it).</summary>
    public static int Of(Code code) => code switch
    {
        Code.Ok => StatusCodes.Status200OK,
        Code.Cancelled => StatusCodes.Status408RequestTimeout,
        Code.InvalidArgument or Code.FailedPrecondition or Code.OutOfRange => StatusCodes.Status400BadRequest,
        Code.DeadlineExceeded => StatusCodes.Status504GatewayTimeout,
        Code.NotFound => StatusCodes.Status404NotFound,
        Code.AlreadyExists or Code.Aborted => StatusCodes.Status409Conflict,
        Code.PermissionDenied => StatusCodes.Status403Forbidden,
        Code.Unauthenticated => StatusCodes.Status401Unauthorized,
        Code.ResourceExhausted => StatusCodes.Status429TooManyRequests,
        Code.Unimplemented => StatusCodes.Status501NotImplemented,
        Code.Unavailable => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status500InternalServerError,
    };
}
