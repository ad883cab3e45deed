using System.Globalization;
using Cooperation.Contracts.DonorReports;
using Cooperation.Reports.Rendering;

namespace Cooperation.Reports;

/// <summary>How a revision of a report says what it is, in the report's language: its heading line, e-mail and subject.</summary>
internal static class RevisionText
{
    /// <summary>"Revision 2: 3 figures changed, 1 newly verified"; empty for revision 1.</summary>
    public static string Line(int revision, ReportChanges? changes, ReportLanguage language)
    {
        if (revision <= 1)
            return "";
        var line = $"{ReportText.Word("revision", language)} {Number(revision)}";
        return changes is null ? line
            : $"{line}: {Format("revision.changed", changes.FiguresChanged, language)}, {Format("revision.verified", changes.NewlyVerified, language)}";
    }

    /// <summary>What a revision replaces and why; empty for revision 1.</summary>
    public static string Replaces(int revision, ReportLanguage language) =>
        revision <= 1 ? "" : Format("revision.replaces", revision - 1, language);

    private static string Format(string key, int value, ReportLanguage language) => ReportText.Format(key, language, ReportCulture.Count(value, language));

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
