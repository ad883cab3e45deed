using Cooperation.Contracts.Common;
using Cooperation.Contracts.DonorReports;

namespace Cooperation.Web.Forms;

/// <summary>Names and titles a form takes in one language: the person's own.</summary>
internal static class FormText
{
    /// <summary>
    /// <paramref name="text"/> as the domain keeps names, in <paramref name="language"/> (the other
    /// languages can be added later); the domain's rule refuses a blank one, naming <paramref name="field"/>.
    /// </summary>
    public static LocalizedText InLanguage(string? text, ReportLanguage language, string field) => language switch
    {
        ReportLanguage.Vi => LocalizedText.Create(text, null, null, field),
        ReportLanguage.Ja => LocalizedText.Create(null, text, null, field),
        _ => LocalizedText.Create(null, null, text, field),
    };
}
