using Cooperation.Contracts.Access;
using Cooperation.Contracts.Telemetry;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.AspNetCore.Authentication;

namespace Cooperation.Gateway.Access;

/// <summary>
/// Refuses every call of the platform's services without a valid API key (Unauthenticated,
/// saying why) and hands the caller to the grains through Orleans' request context, where
/// <see cref="AccessPolicy"/> decides. Health and reflection stay open.
/// </summary>
internal sealed class CallerInterceptor : Interceptor
{
    /// <inheritdoc/>
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        // Set here, not in the awaited helper: a value set inside an async method does not flow back out of it.
        CallerContext.Set(await AuthenticateAsync(context));
        return await continuation(request, context);
    }

    /// <inheritdoc/>
    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        CallerContext.Set(await AuthenticateAsync(context));
        await continuation(request, responseStream, context);
    }

    private static async ValueTask<Caller> AuthenticateAsync(ServerCallContext context)
    {
        var caller = await CallerOfAsync(context);
        PlatformTelemetry.TagCaller(System.Diagnostics.Activity.Current, caller);
        return caller;
    }

    private static async ValueTask<Caller> CallerOfAsync(ServerCallContext context)
    {
        // Health and reflection reach no grain.
        if (context.Method.StartsWith("/grpc.", StringComparison.Ordinal))
            return Caller.Anonymous;
        var http = context.GetHttpContext();
        if (http.User.Identity?.IsAuthenticated != true)
        {
            // The middleware keeps only successes; the handler's result for this request is cached.
            var failure = (await http.AuthenticateAsync(ApiKeyAuthenticationHandler.SchemeName)).Failure?.Message;
            throw new RpcException(new Status(StatusCode.Unauthenticated,
                failure ?? $"Send an API key: header \"{ApiKeyAuthenticationHandler.Header}: coop.…\" or \"Authorization: Bearer coop.…\"."));
        }
        return CallerClaims.ToCaller(http.User);
    }
}
