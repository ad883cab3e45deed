using Cooperation.Contracts.Common;
using Cooperation.Contracts.People;
using Cooperation.Web.Hosting;
using Cooperation.Web.People;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SignInResult = Cooperation.Contracts.People.SignInResult;
using Microsoft.AspNetCore.RateLimiting;

namespace Cooperation.Web.Forms;

/// <summary>
/// A page opened from a mailed one-time link (<see cref="MailedLink"/>) that sets a password twice
/// and signs the person in: the invitation's and the password reset's. The account grain checks
/// the link (unknown, expired or used: a clear page, nothing changed) and the password's rules.
/// </summary>
[EnableRateLimiting(AccountFormLimits.Policy)]
public abstract class PasswordLinkPage : FormPage
{
    private static readonly Dictionary<string, string> Fields = new() { ["password"] = "password" };

    /// <summary>The link's token, as the mail carried it.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    /// <summary>Whether the link does not work (the page says so, and offers nothing else).</summary>
    public bool LinkInvalid { get; private set; }

    /// <summary>Shows the form, or the page of a link that is not one.</summary>
    public IActionResult OnGet() => MailedLink.Parse(Token) is null ? Invalid() : Page();

    /// <summary>Sets the password and signs in, or shows what to correct.</summary>
    public async Task<IActionResult> OnPostAsync(string? password, string? confirmation)
    {
        if (MailedLink.Parse(Token) is not { } link)
            return Invalid();
        if (string.IsNullOrEmpty(password))
            Refuse("password", W["field.required"]);
        else if (password != confirmation)
            Refuse("confirmation", W["password.mismatch"]);
        if (!Valid)
            return Page();
        try
        {
            var result = await UseAsync(HttpContext.RequestServices.GetRequiredService<IGrainFactory>().GetGrain<IAccountGrain>(link.AccountId), link.Secret, password!);
            await PersonCookie.SignInAsync(HttpContext, result);
            return LocalRedirect("/");
        }
        catch (RuleViolationException)
        {
            return Invalid();
        }
        catch (InvalidFieldException invalid)
        {
            Refuse(invalid, Fields);
            return Page();
        }
    }

    /// <summary>Sets the password through the link of this page's kind.</summary>
    protected abstract Task<SignInResult> UseAsync(IAccountGrain account, string secret, string password);

    private PageResult Invalid()
    {
        LinkInvalid = true;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
