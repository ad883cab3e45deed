using Cooperation.Contracts.DonorReports;

namespace Cooperation.Web.Reading;

/// <summary>One revision of a period's report: its files, one per format.</summary>
/// <param name="SubscriptionId">The subscription it was made for.</param>
/// <param name="Period">The period it covers, as the API writes it.</param>
/// <param name="Revision">1, then 2 and on when the period's figures changed.</param>
/// <param name="CreatedAt">When it was made.</param>
/// <param name="Cutoff">Figures recorded after this are not in it.</param>
/// <param name="PilotCount">Pilots it covers.</param>
/// <param name="Changes">What changed since the revision before; none for revision 1.</param>
/// <param name="Files">Its files, in format order (PDF, HTML, CSV, XLSX).</param>
internal sealed record ReportRevisionRow(
    string SubscriptionId, string Period, int Revision, DateTimeOffset CreatedAt, DateTimeOffset Cutoff, int PilotCount, ReportChanges? Changes,
    IReadOnlyList<ArchivedReportFile> Files);

/// <summary>
/// A donor's report archive as its page shows it: the archive's files (those the caller may read,
/// as the archive grain lists them) grouped into revisions, newest period first, and within a
/// period the newest revision first.
/// </summary>
internal static class ReportArchiveTable
{
    /// <summary>The revisions of <paramref name="files"/>.</summary>
    public static IReadOnlyList<ReportRevisionRow> Of(IEnumerable<ArchivedReportFile> files) =>
    [
        .. files.GroupBy(f => (f.SubscriptionId, f.Period, f.Revision))
            .Select(g => g.OrderBy(f => f.Format).ToArray())
            .Select(g => new ReportRevisionRow(g[0].SubscriptionId, g[0].Period, g[0].Revision, g.Max(f => f.CreatedAt), g[0].Cutoff, g[0].PilotCount, g[0].Changes, g))
            .OrderByDescending(r => r.Period, StringComparer.Ordinal)
            .ThenBy(r => r.SubscriptionId, StringComparer.Ordinal)
            .ThenByDescending(r => r.Revision),
    ];
}
