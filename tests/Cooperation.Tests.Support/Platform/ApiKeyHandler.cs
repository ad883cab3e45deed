using Cooperation.Contracts.Access;
using Cooperation.Gateway.Access;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Cooperation.Tests.Support;

/// <summary>Sends an API key with every request, as a client of the platform does.</summary>
public sealed class ApiKeyHandler(string? apiKey, HttpMessageHandler inner) : DelegatingHandler(inner)
{
    /// <inheritdoc/>
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (apiKey is not null)
            request.Headers.TryAddWithoutValidation(ApiKeyAuthenticationHandler.Header, apiKey);
        return base.SendAsync(request, cancellationToken);
    }
}

/// <summary>Issuing keys in tests, through a gateway's own issuer (acting as the platform).</summary>
public static class TestKeys
{
    /// <summary>A new key for <paramref name="organisationId"/> in <paramref name="role"/>, issued as the platform.</summary>
    public static async Task<string> IssueAsync(WebApplication app, string organisationId, Role role)
    {
        CallerContext.ActAsPlatform();
        return (await app.Services.GetRequiredService<CredentialIssuer>().IssueAsync(new CredentialRequest(organisationId, role, "tests"))).ApiKey;
    }

    /// <summary>An HTTP handler into <paramref name="app"/>'s test server that sends <paramref name="apiKey"/>.</summary>
    public static HttpMessageHandler Handler(WebApplication app, string? apiKey) => new ApiKeyHandler(apiKey, app.GetTestServer().CreateHandler());
}
