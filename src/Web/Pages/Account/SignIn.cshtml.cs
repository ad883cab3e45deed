using Cooperation.Contracts.People;
using Cooperation.Web.Forms;
using Cooperation.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Cooperation.Web.Pages.Account;

/// <summary>
/// Sign-in with e-mail and password. An unknown address and a wrong password get the same message;
/// a locked account says until when. The account grain checks the password and counts failures;
/// this page limits attempts per client and per address.
/// </summary>
[EnableRateLimiting(AccountFormLimits.Policy)]
internal sealed class SignInModel(IGrainFactory grains, AccountFormLimits limits) : FormPage
{
    /// <summary>The address typed.</summary>
    public string? Email { get; private set; }

    /// <summary>Where to go once signed in (a page of this site).</summary>
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>Whether the person has just signed out.</summary>
    [BindProperty(SupportsGet = true)]
    public bool SignedOut { get; set; }

    /// <summary>Shows the form.</summary>
    public void OnGet()
    {
    }

    /// <summary>Signs in, or shows why not.</summary>
    public async Task<IActionResult> OnPostAsync(string? email, string? password)
    {
        Email = email?.Trim();
        var address = EmailAddress("email", email);
        if (string.IsNullOrEmpty(password))
            Refuse("password", W["field.required"]);
        if (!Valid || address is null)
            return Page();
        if (!limits.TryAttempt(address))
            return StatusCode(StatusCodes.Status429TooManyRequests);

        var accountId = await grains.GetGrain<IAccountDirectoryGrain>(IAccountDirectoryGrain.Key).Find(address);
        var result = accountId is null
            ? await UnknownAddress.RefuseAsync(password!)
            : await grains.GetGrain<IAccountGrain>(accountId).SignIn(password!);
        switch (result.Outcome)
        {
            case SignInOutcome.SignedIn:
                await PersonCookie.SignInAsync(HttpContext, result);
                return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
            case SignInOutcome.LockedOut:
                Problem = W.Format("sign-in.locked", W.Instant(result.LockedUntil ?? DateTimeOffset.UtcNow, "UTC"));
                break;
            case SignInOutcome.NotActive:
                Problem = W["sign-in.not-active"];
                break;
            default:
                Problem = W["sign-in.refused"];
                break;
        }
        return Page();
    }
}
