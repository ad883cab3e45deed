using Cooperation.Contracts.Reporting;
using Hangfire;

namespace Cooperation.Gateway.Reporting;

/// <summary>
/// Keeps each subscription's Hangfire recurring job in step with it: scheduled while active, on
/// its cron in its time zone; removed while paused or once deleted. The job itself checks the
/// subscription again, so a schedule that outlives a change does no harm.
/// </summary>
public sealed class SubscriptionSchedule(IRecurringJobManager jobs)
{
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
        jobs.AddOrUpdate<DonorReportJob>(subscription.JobId, job => job.RunScheduledAsync(donor, id, CancellationToken.None),
            subscription.Definition.Schedule.CronExpression,
            new RecurringJobOptions { TimeZone = TimeZoneInfo.FindSystemTimeZoneById(subscription.Definition.Schedule.TimeZone) });
    }

    /// <summary>Unschedules a subscription.</summary>
    public void Remove(string donorId, string subscriptionId) => jobs.RemoveIfExists(ReportSubscriptionView.JobIdOf(donorId, subscriptionId));
}
