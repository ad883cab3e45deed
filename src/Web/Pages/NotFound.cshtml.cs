using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cooperation.Web.Pages;

/// <summary>
/// Every address no page answers (the catch-all route, tried last): the 404 page, to anyone. Without
/// it, an unknown address would meet the sign-in requirement first and redirect to sign-in.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class NotFoundModel : PageModel
{
    /// <summary>Answers 404 whatever the method; the status code pages show the page.</summary>
    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context) => context.Result = NotFound();
}
