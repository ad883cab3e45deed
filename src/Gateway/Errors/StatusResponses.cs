using System.Text;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Rpc;
using RpcStatus = Google.Rpc.Status;

namespace Cooperation.Gateway.Errors;

/// <summary>
/// Writes a status as the whole response, for failures that happen before a call reaches its
/// gRPC service (authentication, a malformed JSON body): to a gRPC caller as a trailers-only
/// response, to a JSON caller as the same body JSON transcoding writes ({code, message, details}).
/// </summary>
internal static class StatusResponses
{
    private static readonly JsonFormatter Json = new(new JsonFormatter.Settings(formatDefaultValues: true,
        TypeRegistry.FromFiles(ErrorDetailsReflection.Descriptor)));

    private static readonly System.Text.Json.JsonSerializerOptions Compact =
        new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Answers <paramref name="http"/> with <paramref name="status"/>; the response must not have started.</summary>
    public static async Task WriteAsync(HttpContext http, RpcStatus status)
    {
        var response = http.Response;
        response.Clear();
        HttpStatuses.AddRetryAfter(response, status);
        if (HttpStatuses.IsGrpc(http.Request))
        {
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = "application/grpc";
            response.Headers["grpc-status"] = status.Code.ToString(System.Globalization.CultureInfo.InvariantCulture);
            response.Headers["grpc-message"] = Uri.EscapeDataString(status.Message);
            response.Headers["grpc-status-details-bin"] = Convert.ToBase64String(status.ToByteArray());
            return;
        }
        response.StatusCode = HttpStatuses.Of((Code)status.Code);
        response.ContentType = "application/json; charset=utf-8";
        // Compact, as JSON transcoding writes its statuses.
        var body = System.Text.Json.Nodes.JsonNode.Parse(Json.Format(status))!.ToJsonString(Compact);
        await response.WriteAsync(body, Encoding.UTF8, http.RequestAborted);
    }
}

/// <summary>
/// The last resort of the pipeline: an exception that escapes before a call reaches the error
/// interceptor (e.g. verifying an API key while storage is down) is answered with the status
/// the interceptor would give it (Unavailable with a retry hint, or Internal with a reference),
/// never an empty 500.
/// </summary>
internal sealed class PipelineFaultMiddleware(RequestDelegate next, ErrorMappingInterceptor errors)
{
    /// <summary>Runs the rest of the pipeline.</summary>
    public async Task InvokeAsync(HttpContext http)
    {
        try
        {
            await next(http);
        }
        // A request Kestrel itself refuses (too large, malformed HTTP) keeps its own answer.
        catch (Exception error) when (!http.Response.HasStarted && !http.RequestAborted.IsCancellationRequested
                                      && error is not BadHttpRequestException)
        {
            await StatusResponses.WriteAsync(http, errors.StatusOf(error, http.Request.Path, http.RequestAborted));
        }
    }
}
