using Cooperation.Contracts.People;
using Cooperation.Web.Hosting;
using Cooperation.Web.Languages;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cooperation.Web.Pages.Account;

/// <summary>
/// The language switcher of every page: remembers the choice in the <c>lang</c> cookie, makes it a
/// signed-in person's preferred language (their mails follow it), and goes back to the page.
/// </summary>
public sealed class LanguageModel(IGrainFactory grains) : PageModel
{
    /// <summary>Switches to <paramref name="lang"/> ("en", "vi", "ja") and returns to <paramref name="returnUrl"/> (a page of this site).</summary>
    public async Task<IActionResult> OnPostAsync(string? lang, string? returnUrl)
    {
        if (LanguageChoice.Parse(lang) is not { } language)
            return BadRequest();
        Response.Cookies.Append(LanguageChoice.Cookie, Words.WebWords.Code(language), new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Secure = Request.IsHttps,
            IsEssential = true,
            MaxAge = LanguageChoice.Remembered,
        });
        if (HttpContext.Person() is { Caller.AccountId: { } accountId } person && person.Language != language)
            await grains.GetGrain<IAccountGrain>(accountId).SetLanguage(language);
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }

    /// <summary>Nothing to show: back home.</summary>
    public IActionResult OnGet() => LocalRedirect("/");
}
