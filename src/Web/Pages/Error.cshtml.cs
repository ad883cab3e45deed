using Cooperation.Web.Hosting;
using Cooperation.Web.Words;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cooperation.Web.Pages;

/// <summary>
/// The error page of every status (the status code pages re-execute <c>/error/{status}</c>), in the
/// person's language: a title and a sentence, a reference for a fault, never a stack trace.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    private static readonly int[] Described = [400, 403, 404, 409, 429, 500, 503];

    /// <summary>The status answered.</summary>
    public int Status { get; private set; }

    /// <summary>The page's title.</summary>
    public string Title { get; private set; } = "";

    /// <summary>What happened, and what to do.</summary>
    public string Text { get; private set; } = "";

    /// <summary>Whether to say nothing was changed (a refused form).</summary>
    public bool NothingChanged => Status is 400 or 409 or 429;

    /// <summary>Shown for any method: a re-executed POST arrives as a POST.</summary>
    public void OnGet(int? status) => Describe(status);

    /// <inheritdoc cref="OnGet"/>
    public void OnPost(int? status) => Describe(status);

    private void Describe(int? status)
    {
        var fault = HttpContext.Features.Get<PageFault>();
        Status = fault?.Status ?? status ?? StatusCodes.Status404NotFound;
        Response.StatusCode = Status;
        var words = HttpContext.RequestServices.GetRequiredService<PageWords>();
        var key = Described.Contains(Status) ? Status.ToString(System.Globalization.CultureInfo.InvariantCulture) : "other";
        Title = words[$"error.{key}.title"];
        Text = words.Format($"error.{key}.text", key == "other" ? Status : fault?.Reference ?? "-");
    }
}
