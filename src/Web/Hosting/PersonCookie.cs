using System.Security.Claims;
using Cooperation.Contracts.Access;
using Cooperation.Contracts.Telemetry;
using Cooperation.Contracts.People;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Cooperation.Web.Hosting;

/// <summary>
/// The session cookie: it holds the account id and the session stamp the account grain issued at
/// sign-in, protected by the shared data-protection keys. Nothing else is trusted from it: every
/// request asks the grain what the stamp stands for (<see cref="PersonSessionCheck"/>).
/// </summary>
internal static class PersonCookie
{
    /// <summary>The authentication scheme.</summary>
    public const string Scheme = "person";

    /// <summary>The cookie's name.</summary>
    public const string Name = "coop.session";

    /// <summary>The claim holding the account id.</summary>
    public const string AccountClaim = ClaimTypes.NameIdentifier;

    /// <summary>The claim holding the session stamp.</summary>
    public const string StampClaim = "coop:stamp";

    /// <summary>Signs the person of a successful <paramref name="result"/> in: the cookie, and the session for the rest of this request.</summary>
    public static async Task SignInAsync(HttpContext context, SignInResult result)
    {
        if (result is not { Outcome: SignInOutcome.SignedIn, Session: { } session, SessionStamp: { } stamp }
            || session.Caller.AccountId is not { } accountId)
            throw new InvalidOperationException("Only a successful sign-in has a session to keep.");
        var identity = new ClaimsIdentity([new Claim(AccountClaim, accountId), new Claim(StampClaim, stamp)], Scheme);
        await context.SignInAsync(Scheme, new ClaimsPrincipal(identity), new AuthenticationProperties { IsPersistent = false });
        context.Features.Set(session);
    }

    /// <summary>Signs the person out: the cookie goes.</summary>
    public static Task SignOutAsync(HttpContext context)
    {
        context.Features.Set<PersonSession?>(null);
        return context.SignOutAsync(Scheme);
    }

    /// <summary>The signed-in person of this request, as the account grain confirmed it; null for nobody.</summary>
    public static PersonSession? Person(this HttpContext context) => context.Features.Get<PersonSession>();

    /// <summary>The cookie's settings: HttpOnly, SameSite=Lax, Secure when the request came over HTTPS, sliding expiry.</summary>
    public static void Configure(CookieAuthenticationOptions options, WebOptions web)
    {
        options.Cookie.Name = Name;
        options.Cookie.HttpOnly = true;
        options.Cookie.SameSite = SameSiteMode.Lax;
        options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        options.Cookie.IsEssential = true;
        options.ExpireTimeSpan = web.SessionLifetime;
        options.SlidingExpiration = true;
        options.LoginPath = "/account/sign-in";
        options.LogoutPath = "/account/sign-out";
        options.ReturnUrlParameter = "returnUrl";
        options.EventsType = typeof(PersonSessionCheck);
    }
}

/// <summary>
/// Checks the session cookie at every request: the account grain says whom its stamp stands for.
/// A disabled account or a changed password makes the stamp stale: the cookie is dropped and the
/// person is signed out (pages then send them to sign in). A cookie that does not decrypt (tampered,
/// or from keys no host knows) never gets here: it reads as nobody signed in.
/// </summary>
internal sealed class PersonSessionCheck(IGrainFactory grains) : CookieAuthenticationEvents
{
    /// <inheritdoc/>
    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        // Nobody is signed in until the grain says whom the stamp stands for.
        CallerContext.Set(Caller.Anonymous);
        var accountId = context.Principal?.FindFirstValue(PersonCookie.AccountClaim);
        var stamp = context.Principal?.FindFirstValue(PersonCookie.StampClaim);
        var session = accountId is null || stamp is null
            ? null
            : await grains.GetGrain<IAccountGrain>(accountId).Session(stamp);
        if (session is null || session.Caller.AccountId != accountId)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(PersonCookie.Scheme);
            return;
        }
        context.HttpContext.Features.Set(session);
    }

    /// <inheritdoc/>
    public override Task RedirectToAccessDenied(RedirectContext<CookieAuthenticationOptions> context)
    {
        // A 403 page in place, not a redirect: the status code pages render it.
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        return Task.CompletedTask;
    }
}

/// <summary>
/// Makes the signed-in person's <see cref="Caller"/> the caller of every grain call of the request
/// (Orleans' request context flows into what this middleware awaits); nobody signed in is the
/// anonymous caller, whom the grains refuse everything.
/// </summary>
internal sealed class ActAsPerson(RequestDelegate next)
{
    /// <summary>Runs the rest of the pipeline as the person.</summary>
    public async Task InvokeAsync(HttpContext context)
    {
        var caller = context.Person()?.Caller ?? Caller.Anonymous;
        CallerContext.Set(caller);
        PlatformTelemetry.TagCaller(System.Diagnostics.Activity.Current, caller);
        await next(context);
    }
}
