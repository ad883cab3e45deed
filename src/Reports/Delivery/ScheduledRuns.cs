using Cooperation.Contracts.Access;
using Cooperation.Contracts.Common;
using Cooperation.Contracts.DonorReports;

namespace Cooperation.Reports.Delivery;

/// <summary>
/// Which scheduled runs completed (kept by the silo's archive, table report_run): a subscription's
/// run for a period happens once, at the first tick of its schedule after the period fell due.
/// Later ticks find it done; a run that failed is not marked, so its retry (or the next tick) does it again.
/// </summary>
public sealed class ScheduledRuns(IGrainFactory grains)
{
    /// <summary>Whether the scheduled run of <paramref name="period"/> completed.</summary>
    public Task<bool> IsDoneAsync(string donorId, string subscriptionId, ReportingPeriod period, CancellationToken cancellationToken = default) =>
        CallerContext.AsPlatformAsync(() => grains.GetGrain<IReportArchiveGrain>(0).IsRunDone(donorId, subscriptionId, period.ToString()));

    /// <summary>Records that the scheduled run of <paramref name="period"/> completed.</summary>
    public Task MarkDoneAsync(string donorId, string subscriptionId, ReportingPeriod period, CancellationToken cancellationToken = default) =>
        CallerContext.AsPlatformAsync(() => grains.GetGrain<IReportArchiveGrain>(0).MarkRunDone(donorId, subscriptionId, period.ToString()));
}
