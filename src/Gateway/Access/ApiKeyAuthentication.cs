using System.Security.Claims;
using System.Text.Encodings.Web;
using Cooperation.Contracts.Access;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Cooperation.Gateway.Access;

/// <summary>
/// ASP.NET Core authentication by API key: "x-api-key: coop.…", "Authorization: Bearer coop.…", or
/// the password of "Authorization: Basic …" (what a browser sends for the jobs dashboard).
/// A call without a key is anonymous (the gRPC interceptor refuses it as Unauthenticated); a key
/// that does not verify fails with a reason the interceptor passes on.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    CredentialVerifier verifier) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    /// <summary>The scheme's name.</summary>
    public const string SchemeName = "ApiKey";

    /// <summary>The header that carries the key.</summary>
    public const string Header = "x-api-key";

    /// <inheritdoc/>
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (ReadKey(Request.Headers) is not { } key)
            return AuthenticateResult.NoResult();
        var caller = await verifier.VerifyAsync(key);
        return caller is null
            ? AuthenticateResult.Fail("The API key is not valid: it is unknown, revoked or mistyped.")
            : AuthenticateResult.Success(new AuthenticationTicket(CallerClaims.ToPrincipal(caller, SchemeName), SchemeName));
    }

    /// <inheritdoc/>
    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        // Only endpoints with a policy challenge (the Orleans dashboard): a browser then asks for the key.
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Basic realm=\"Cooperation (user: any, password: an admin API key)\"";
        return Task.CompletedTask;
    }

    private static string? ReadKey(IHeaderDictionary headers)
    {
        if (headers.TryGetValue(Header, out var key) && !string.IsNullOrWhiteSpace(key))
            return key.ToString().Trim();
        var authorization = headers.Authorization.ToString();
        foreach (var prefix in (string[])["Bearer ", "ApiKey "])
        {
            if (authorization.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                return authorization[prefix.Length..].Trim();
        }
        // A browser (the jobs dashboard) sends the key as the password of Basic authentication.
        if (authorization.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            var bytes = new byte[authorization.Length];
            if (Convert.TryFromBase64String(authorization[6..].Trim(), bytes, out var length))
            {
                var credentials = System.Text.Encoding.UTF8.GetString(bytes, 0, length);
                var colon = credentials.IndexOf(':', StringComparison.Ordinal);
                return colon < 0 ? null : credentials[(colon + 1)..];
            }
        }
        return null;
    }
}

/// <summary>A caller as claims of an authenticated principal, and back.</summary>
internal static class CallerClaims
{
    private const string Organisation = "coop:organisation";
    private const string Credential = "coop:credential";
    private const string City = "coop:city";

    /// <summary>The principal of <paramref name="caller"/>; its role is a standard role claim.</summary>
    public static ClaimsPrincipal ToPrincipal(Caller caller, string scheme) => new(new ClaimsIdentity(
    [
        new Claim(ClaimTypes.Name, caller.OrganisationId),
        new Claim(Organisation, caller.OrganisationId),
        new Claim(ClaimTypes.Role, caller.Role.ToString()),
        new Claim(Credential, caller.CredentialId ?? ""),
        new Claim(City, caller.CityId),
    ], scheme));

    /// <summary>The caller an authenticated principal stands for.</summary>
    public static Caller ToCaller(ClaimsPrincipal principal) => new(
        principal.FindFirstValue(Organisation)!,
        Enum.Parse<Role>(principal.FindFirstValue(ClaimTypes.Role)!),
        principal.FindFirstValue(Credential),
        principal.FindFirstValue(City) ?? "");
}
