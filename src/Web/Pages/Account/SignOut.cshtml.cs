using Cooperation.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cooperation.Web.Pages.Account;

/// <summary>Signing out: a POST with its anti-forgery token drops the session cookie (a GET only asks).</summary>
public sealed class SignOutModel : PageModel
{
    /// <summary>Asks whether to sign out.</summary>
    public void OnGet()
    {
    }

    /// <summary>Signs out and shows the sign-in page.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        await PersonCookie.SignOutAsync(HttpContext);
        return LocalRedirect("/account/sign-in?signedOut=true");
    }
}
