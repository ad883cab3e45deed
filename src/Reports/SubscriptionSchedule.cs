using Cooperation.Contracts.DonorReports;
using Hangfire;
using Microsoft.Extensions.Options;

namespace Cooperation.Reports;

/// <summary>
/// Keeps each subscription's Hangfire recurring job in step with it: scheduled while active, on
/// its runs' cron (its own, or the platform's daily default) in its time zone; removed while paused
/// or once deleted. The job itself checks the subscription again, so a schedule that outlives a
/// change does no harm.
/// </summary>
public sealed class SubscriptionSchedule(IRecurringJobManager jobs, IOptions<DonorReportOptions> options)
{
    /// <summary>The calendar of <paramref name="subscription"/>: when its reports fall due and when they are made.</summary>
    public ReportCalendar CalendarOf(ReportSubscriptionView subscription) => ReportCalendar.Of(subscription, options.Value);

    /// <summary>Schedules <paramref name="subscription"/>, or unschedules it when paused.</summary>
    public void Sync(ReportSubscriptionView subscription)
    {
        if (subscription.Paused)
        {
            jobs.RemoveIfExists(subscription.JobId);
            return;
        }
        var donor = subscription.Definition.DonorOrganisationId;
        var id = subscription.SubscriptionId;
        var calendar = CalendarOf(subscription);
        jobs.AddOrUpdate<DonorReportJob>(subscription.JobId, job => job.RunScheduledAsync(donor, id, CancellationToken.None),
            calendar.Cron, new RecurringJobOptions { TimeZone = calendar.TimeZone });
    }

    /// <summary>Unschedules a subscription.</summary>
    public void Remove(string donorId, string subscriptionId) => jobs.RemoveIfExists(ReportSubscriptionView.JobIdOf(donorId, subscriptionId));
}
