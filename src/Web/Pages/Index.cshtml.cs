using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cooperation.Web.Pages;

/// <summary>The home page (a placeholder: the home by role comes with the read pages).</summary>
public sealed class IndexModel : PageModel
{
}
