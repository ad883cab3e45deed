using System.Text.Json;
using Cooperation.Contracts.Common;
using Cooperation.Gateway.Errors;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Cooperation.Tests.Api;

/// <summary>
/// What fails before a call reaches its service (verifying a key while storage is down) is
/// answered with the status the error interceptor would give, over gRPC and JSON alike.
/// </summary>
public sealed class PipelineFaultTests
{
    private static async Task<HttpContext> RunAsync(Exception error, string? contentType)
    {
        var http = new DefaultHttpContext { Response = { Body = new MemoryStream() } };
        http.Request.Path = "/v1/pilots/p";
        http.Request.ContentType = contentType;
        var middleware = new PipelineFaultMiddleware(_ => throw error, new ErrorMappingInterceptor(NullLogger<ErrorMappingInterceptor>.Instance));
        await middleware.InvokeAsync(http);
        http.Response.Body.Position = 0;
        return http;
    }

    [Fact]
    public async Task A_storage_outage_before_the_service_is_503_with_retry_after_on_json()
    {
        var http = await RunAsync(new NpgsqlException("Failed to connect", new System.Net.Sockets.SocketException(111)), "application/json");

        Assert.Equal(StatusCodes.Status503ServiceUnavailable, http.Response.StatusCode);
        Assert.Equal("2", http.Response.Headers.RetryAfter.ToString());
        using var body = await JsonDocument.ParseAsync(http.Response.Body);
        Assert.Equal(14, body.RootElement.GetProperty("code").GetInt32());
        Assert.DoesNotContain("Npgsql", body.RootElement.GetRawText());
    }

    [Fact]
    public async Task Over_grpc_it_is_a_trailers_only_status()
    {
        var unavailable = await RunAsync(StorageUnavailableException.Unreachable(), "application/grpc");
        var bug = await RunAsync(new InvalidOperationException("a bug"), "application/grpc");

        Assert.Equal(StatusCodes.Status200OK, unavailable.Response.StatusCode);
        Assert.Equal("14", unavailable.Response.Headers["grpc-status"].ToString());
        Assert.NotEmpty(unavailable.Response.Headers["grpc-status-details-bin"].ToString());
        Assert.Equal("13", bug.Response.Headers["grpc-status"].ToString());
        Assert.DoesNotContain("a bug", Uri.UnescapeDataString(bug.Response.Headers["grpc-message"].ToString()));
    }
}
