using System.Globalization;
using Cooperation.Contracts.Access;
using Cooperation.Contracts.Common;
using Cooperation.Contracts.Reporting;
using Cooperation.Reports.Delivery;

namespace Cooperation.Reports;

/// <summary>
/// Who may read archived reports and deliveries, for every route that shows them (list, gRPC
/// download, HTTP download): what the donor's subscriptions grain decides through
/// <see cref="AccessPolicy"/>. A report of a live subscription is readable by who may read the
/// subscription; of a deleted one, by the donor and admins.
/// </summary>
public sealed class ReportAccess(IGrainFactory grains, ReportArchive archive)
{
    /// <summary>
    /// The archived file <paramref name="reportId"/> if the current caller may read it. Refused in
    /// the same words whether it does not exist or may not be read (NotFound only for those who may
    /// read every report), naming only the report asked for.
    /// </summary>
    public async Task<ArchivedReportFile> ReadableFileAsync(long reportId, CancellationToken cancellationToken)
    {
        var id = reportId.ToString(CultureInfo.InvariantCulture);
        if (reportId <= 0)
            throw new InvalidFieldException("report_id", "must be a report's id, a positive number");
        if (await archive.GetAsync(reportId, cancellationToken) is { } file)
        {
            try
            {
                await grains.GetGrain<IReportSubscriptionsGrain>(file.DonorId).ArchiveAccess(file.SubscriptionId);
                return file;
            }
            catch (AccessDeniedException)
            {
                // Refused below as if it did not exist: the caller learns neither that nor whose it is.
            }
        }
        AccessPolicy.Require(Permission.ReadReports, null, "report", id);
        throw new EntityNotFoundException("report", id);
    }

    /// <summary>The subscriptions of <paramref name="donorId"/> whose archive the caller may read: one named, or all (null: every one, deleted ones too).</summary>
    public async Task<IReadOnlyList<string>?> ReadableSubscriptionsAsync(string donorId, string subscriptionId)
    {
        var access = await grains.GetGrain<IReportSubscriptionsGrain>(Field.Id(donorId, "donor_organisation_id")).ArchiveAccess(string.IsNullOrEmpty(subscriptionId) ? null : subscriptionId);
        return access.WholeDonor ? null : access.SubscriptionIds;
    }
}
