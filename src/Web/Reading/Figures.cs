using Cooperation.Contracts.Submissions;

namespace Cooperation.Web.Reading;

/// <summary>
/// The query parameter <c>figures</c> of the partnership and pilot pages: all submitted figures
/// (the default) or approved ones only, as the API's <c>figures=FIGURES_APPROVED</c> asks the grains.
/// </summary>
internal static class Figures
{
    /// <summary>"all" or "approved".</summary>
    public static QueryChoice<FigureBasis> Basis { get; } = new("figures",
        new Dictionary<string, FigureBasis> { ["all"] = FigureBasis.All, ["approved"] = FigureBasis.Approved }, "all");

    /// <summary>The query string that keeps <paramref name="basis"/> on a link ("" for the default).</summary>
    public static string Keep(QueryAnswer<FigureBasis> basis) => basis.Word == Basis.DefaultWord ? "" : $"{Basis.Name}={basis.Word}";
}
