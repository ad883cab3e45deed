using Cooperation.Contracts.Access;
using Cooperation.Contracts.Common;
using Cooperation.Contracts.DonorReports;
using Cooperation.Contracts.Telemetry;
using Cooperation.Reports.Delivery;
using Cooperation.Reports.Rendering;
using Microsoft.Extensions.Options;

namespace Cooperation.Reports;

/// <summary>
/// The Hangfire job of a subscription. A scheduled run reports the latest period due (its
/// submission window closed, see <see cref="ReportCalendar"/>), once; it also looks back at the
/// periods reported before. "Send now" reports one period. Each run of a period makes its first
/// report, or, when the period's figures changed or were verified since the latest revision, the
/// next revision (archived beside the earlier ones); then the latest revision is delivered, once
/// per channel. A failure throws, so Hangfire retries with back-off; the delivery log shows it.
/// </summary>
public sealed partial class DonorReportJob(
    IGrainFactory grains,
    DonorReportBuilder builder,
    ReportArchive archive,
    ScheduledRuns runs,
    ReportDelivery delivery,
    SubscriptionSchedule schedule,
    IOptions<DonorReportOptions> options,
    TimeProvider clock,
    ILogger<DonorReportJob> logger)
{
    /// <summary>A scheduled run: the period due now, unless the subscription is paused or gone, or its run for that period is done.</summary>
    public async Task RunScheduledAsync(string donorId, string subscriptionId, CancellationToken cancellationToken)
    {
        if (await FindAsync(donorId, subscriptionId) is not { Paused: false } subscription)
            return;
        var calendar = schedule.CalendarOf(subscription);
        var period = calendar.DuePeriod(clock.GetUtcNow());
        if (!calendar.IsScheduled(period, subscription.CreatedAt) || await runs.IsDoneAsync(donorId, subscriptionId, period, cancellationToken))
            return;
        await ReportAsync(subscription, period, cancellationToken);
        foreach (var earlier in await archive.ReportedPeriodsAsync(donorId, subscriptionId, period, options.Value.RevisionLookBack, cancellationToken))
            await ReportAsync(subscription, earlier, cancellationToken);
        await runs.MarkDoneAsync(donorId, subscriptionId, period, cancellationToken);
    }

    /// <summary>"Send now": the report of <paramref name="period"/> ("2025-03"), paused or not.</summary>
    public async Task RunOnceAsync(string donorId, string subscriptionId, string period, CancellationToken cancellationToken)
    {
        if (await FindAsync(donorId, subscriptionId) is { } subscription)
            await ReportAsync(subscription, ReportingPeriod.Parse(period, "period"), cancellationToken);
    }

    private async Task<ReportSubscriptionView?> FindAsync(string donorId, string subscriptionId)
    {
        CallerContext.ActAsPlatform();
        try
        {
            return await grains.GetGrain<IReportSubscriptionsGrain>(donorId).Get(subscriptionId);
        }
        catch (EntityNotFoundException)
        {
            // Deleted while its job was queued, or its schedule outlived it: nothing to send, no schedule to keep.
            schedule.Remove(donorId, subscriptionId);
            LogGone(logger, donorId, subscriptionId);
            return null;
        }
    }

    /// <summary>
    /// Makes <paramref name="period"/>'s first report, or its next revision if the period's figures
    /// changed since the latest; then delivers the latest revision (each channel once).
    /// </summary>
    private async Task ReportAsync(ReportSubscriptionView subscription, ReportingPeriod period, CancellationToken cancellationToken)
    {
        // Every run passes here, scheduled or "send now": timed once, by what it came to.
        var started = clock.GetTimestamp();
        var outcome = "failed";
        try
        {
            outcome = await ReportOnceAsync(subscription, period, cancellationToken);
        }
        finally
        {
            PlatformMetrics.ReportRun(outcome, clock.GetElapsedTime(started));
        }
    }

    /// <summary>What <see cref="ReportAsync"/> does; "made", "revised" or "unchanged".</summary>
    private async Task<string> ReportOnceAsync(ReportSubscriptionView subscription, ReportingPeriod period, CancellationToken cancellationToken)
    {
        var (donorId, subscriptionId) = (subscription.Definition.DonorOrganisationId, subscription.SubscriptionId);
        var latest = await archive.LatestRevisionAsync(donorId, subscriptionId, period, cancellationToken);
        var report = await builder.BuildAsync(subscription, period, clock.GetUtcNow(), cancellationToken);
        IReadOnlyList<ArchivedReportFile> files;
        string outcome;
        if (latest is null)
        {
            files = await SaveAsync(report, subscription, cancellationToken);
            outcome = "made";
        }
        else
        {
            // Reports archived before revisions kept no figures: made again as of their cut-off, they give them.
            var before = latest.Figures ?? ReportFigures.Of(await builder.BuildAsync(subscription, period, latest.Cutoff, cancellationToken));
            var changes = ReportFigures.Compare(before, ReportFigures.Of(report));
            files = changes.Any
                ? await SaveAsync(report with { Revision = latest.Revision + 1, Changes = changes }, subscription, cancellationToken)
                : await archive.FindAsync(donorId, subscriptionId, period, latest.Revision, cancellationToken);
            outcome = changes.Any ? "revised" : "unchanged";
        }
        await delivery.DeliverAsync(subscription, period, files, cancellationToken);
        return outcome;
    }

    private async Task<IReadOnlyList<ArchivedReportFile>> SaveAsync(DonorReport report, ReportSubscriptionView subscription, CancellationToken cancellationToken)
    {
        // One format at a time, its bytes staged in chunks: the worker never holds every file at once.
        var files = await archive.SaveAsync(report, subscription.Definition.Formats, cancellationToken);
        LogMade(logger, report.DonorId, report.SubscriptionId, report.Period.ToString(), report.Revision, report.Pilots.Count);
        return files;
    }

    [LoggerMessage(LogLevel.Information, "Report of {DonorId}/{SubscriptionId} for {Period} made (revision {Revision}): {Pilots} pilots")]
    private static partial void LogMade(ILogger logger, string donorId, string subscriptionId, string period, int revision, int pilots);

    [LoggerMessage(LogLevel.Information, "Subscription {DonorId}/{SubscriptionId} is gone; its schedule is removed")]
    private static partial void LogGone(ILogger logger, string donorId, string subscriptionId);
}
