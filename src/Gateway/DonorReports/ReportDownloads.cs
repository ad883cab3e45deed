using System.Globalization;
using Cooperation.Contracts.Access;
using Cooperation.Contracts.Common;
using Cooperation.Contracts.DonorReports;
using Cooperation.Gateway.Access;
using Cooperation.Gateway.Errors;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cooperation.Reports.Delivery;
using Google.Protobuf;
using Grpc.Core;
using Microsoft.AspNetCore.Authentication;
using Cooperation.Reports;

namespace Cooperation.Gateway.DonorReports;

/// <summary>
/// <c>GET</c> (and <c>HEAD</c>) <c>/v1/reports/{id}/content</c> over HTTP: the archived file itself, with
/// its media type, a Content-Disposition naming the file, its length and an ETag (its SHA-256), so
/// a browser opens it. Either with an API key (as the gRPC DownloadReport, which streams chunks)
/// or with a signed link from a report e-mail or webhook, which opens that one file, without a
/// key, until it expires. Refusals are the API's statuses, as JSON.
/// </summary>
internal static class ReportDownloads
{
    // Error details (e.g. BadRequest) resolved by type, as the JSON routes write them.
    private static readonly JsonFormatter DetailJson = new(JsonFormatter.Settings.Default
        .WithTypeRegistry(Google.Protobuf.Reflection.TypeRegistry.FromFiles(Google.Rpc.ErrorDetailsReflection.Descriptor)));

    // A JSON body, not HTML: quotes and apostrophes stay readable ("report '4'", not "report \u00274\u0027").
    private static readonly JsonSerializerOptions ErrorOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The route of a report's content.</summary>
    public const string Route = "/v1/reports/{reportId}/content";

    /// <summary>Serves <see cref="Route"/>.</summary>
    public static IEndpointRouteBuilder MapReportDownloads(this IEndpointRouteBuilder app)
    {
        app.MapMethods(Route, [HttpMethods.Get, HttpMethods.Head], ServeAsync);
        return app;
    }

    private static async Task ServeAsync(HttpContext http, string reportId, ReportArchive archive, IGrainFactory grains, ReportLinks links,
        ErrorMappingInterceptor errors)
    {
        try
        {
            var file = await FileAsync(http, reportId, archive, grains, links);
            await ReportFileResponse.WriteAsync(http, file, archive);
        }
        catch (Exception error) when (!http.Response.HasStarted)
        {
            var rpc = error as RpcException ?? errors.Map(error, new HttpCallContext(http), request: null);
            var status = rpc.GetRpcStatus() ?? new Google.Rpc.Status { Code = (int)rpc.StatusCode, Message = rpc.Status.Detail };
            http.Response.StatusCode = HttpStatusOf((StatusCode)status.Code);
            http.Response.ContentType = "application/json; charset=utf-8";
            // The shape of the JSON routes' errors: {"code":7,"message":"…","details":[…]}.
            await http.Response.WriteAsync(JsonSerializer.Serialize(new
            {
                code = status.Code,
                message = status.Message,
                details = status.Details.Select(d => JsonNode.Parse(DetailJson.Format(d))),
            }, ErrorOptions));
        }
    }

    /// <summary>The file the request may have: by its signed link, else by its caller's API key.</summary>
    private static async Task<ArchivedReportFile> FileAsync(HttpContext http, string reportId, ReportArchive archive, IGrainFactory grains, ReportLinks links)
    {
        if (!long.TryParse(reportId, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id <= 0)
            throw new InvalidFieldException("report_id", "must be a report's id, a positive number");
        var query = http.Request.Query;
        if (query.ContainsKey(ReportLinks.SignatureParameter))
        {
            if (!await links.OpensAsync(id, query[ReportLinks.ExpiresParameter], query[ReportLinks.SignatureParameter], http.RequestAborted))
                throw new AccessDeniedException("This download link is not valid or has expired: use the links of a newer report e-mail, or an API key.");
            return await archive.GetAsync(id, http.RequestAborted) ?? throw new EntityNotFoundException("report", reportId);
        }
        if (http.User.Identity?.IsAuthenticated != true)
        {
            var failure = (await http.AuthenticateAsync(ApiKeyAuthenticationHandler.SchemeName)).Failure?.Message;
            throw new RpcException(new Status(StatusCode.Unauthenticated, failure
                ?? $"Send an API key (header \"{ApiKeyAuthenticationHandler.Header}: coop.…\" or \"Authorization: Bearer coop.…\"), or open the signed link of a report e-mail."));
        }
        CallerContext.Set(CallerClaims.ToCaller(http.User));
        return await grains.GetGrain<IReportArchiveGrain>(0).ReadableFile(id);
    }

    // As the JSON routes answer each status (google.rpc.Code's HTTP mapping).
    private static int HttpStatusOf(StatusCode code) => code switch
    {
        StatusCode.InvalidArgument or StatusCode.FailedPrecondition or StatusCode.OutOfRange => 400,
        StatusCode.Unauthenticated => 401,
        StatusCode.PermissionDenied => 403,
        StatusCode.NotFound => 404,
        StatusCode.AlreadyExists or StatusCode.Aborted => 409,
        StatusCode.ResourceExhausted => 429,
        StatusCode.Cancelled => 499,
        StatusCode.Unimplemented => 501,
        StatusCode.Unavailable => 503,
        StatusCode.DeadlineExceeded => 504,
        _ => 500,
    };

    /// <summary>The HTTP request as a gRPC call context, so the API's one error mapping answers it.</summary>
    private sealed class HttpCallContext(HttpContext http) : ServerCallContext
    {
        protected override string MethodCore => $"{http.Request.Method} {Route}";
        protected override string HostCore => http.Request.Host.Value ?? "";
        protected override string PeerCore => http.Connection.RemoteIpAddress?.ToString() ?? "";
        protected override DateTime DeadlineCore => DateTime.MaxValue;
        protected override Metadata RequestHeadersCore { get; } = [];
        // Where Grpc.AspNetCore's GetHttpContext finds the request of a call context it did not make.
        protected override IDictionary<object, object> UserStateCore { get; } = new Dictionary<object, object> { ["__HttpContext"] = http };
        protected override CancellationToken CancellationTokenCore => http.RequestAborted;
        protected override Metadata ResponseTrailersCore { get; } = [];
        protected override Status StatusCore { get; set; }
        protected override WriteOptions? WriteOptionsCore { get; set; }
        protected override AuthContext AuthContextCore => new(null, []);
        protected override ContextPropagationToken CreatePropagationTokenCore(ContextPropagationOptions? options) => throw new NotSupportedException();
        protected override Task WriteResponseHeadersAsyncCore(Metadata responseHeaders) => Task.CompletedTask;
    }
}
