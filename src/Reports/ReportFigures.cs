using System.Globalization;
using Cooperation.Contracts.Common;

namespace Cooperation.Reports;

/// <summary>One figure a report gives for its period: a pilot's KPI value, and whether it is verified.</summary>
/// <param name="PilotId">The pilot.</param>
/// <param name="KpiCode">The KPI.</param>
/// <param name="Period">The pilot's reporting period it is for (inside the report's period).</param>
/// <param name="Value">The value that counts.</param>
/// <param name="Verified">Approved by the report's cut-off.</param>
public sealed record ReportFigure(string PilotId, string KpiCode, string Period, double Value, bool Verified)
{
    /// <summary>Which figure it is, whatever its value.</summary>
    public string Key => string.Create(CultureInfo.InvariantCulture, $"{PilotId}/{KpiCode}/{Period}");
}

/// <summary>
/// The figures a report is about, and what changed between two revisions: the rule that decides
/// whether a period's report is made again. Only the period's own figures count (a correction of
/// an earlier month revises that month's report, not every later one).
/// </summary>
internal static class ReportFigures
{
    /// <summary>The figures of <paramref name="report"/>'s own period, in a stable order.</summary>
    public static IReadOnlyList<ReportFigure> Of(DonorReport report) => report.Pilots
        .SelectMany(pilot => pilot.Kpis.SelectMany(kpi => kpi.Points
            .Where(point => Overlaps(point.Period, report.Period))
            .Select(point => new ReportFigure(pilot.PilotId, kpi.View.Definition.Code, point.Period.ToString(), point.Value, point.Verified))))
        .OrderBy(figure => figure.Key, StringComparer.Ordinal)
        .ToArray();

    /// <summary>
    /// What changed from <paramref name="before"/> to <paramref name="now"/>: figures with another
    /// value, added or withdrawn; and figures verified now that were not (added ones included).
    /// </summary>
    public static ReportChanges Compare(IReadOnlyList<ReportFigure> before, IReadOnlyList<ReportFigure> now)
    {
        var earlier = before.ToDictionary(f => f.Key, StringComparer.Ordinal);
        var later = now.ToDictionary(f => f.Key, StringComparer.Ordinal);
        var changed = later.Values.Count(f => !earlier.TryGetValue(f.Key, out var was) || !was.Value.Equals(f.Value))
            + earlier.Keys.Count(key => !later.ContainsKey(key));
        var verified = later.Values.Count(f => f.Verified && !(earlier.TryGetValue(f.Key, out var was) && was.Verified));
        return new ReportChanges(changed, verified);
    }

    // A quarterly pilot's quarter in a monthly report counts when it holds the month, as the report shows it.
    private static bool Overlaps(ReportingPeriod figure, ReportingPeriod report) => figure.Start <= report.End && figure.End >= report.Start;
}
