using Cooperation.Contracts.Common;
using Cooperation.Contracts.DonorReports;
using Hangfire;

namespace Cooperation.Reports;

/// <summary>
/// "Send now": a subscription's report of one closed period, made and delivered at once by the
/// worker's job. The caller must be one who may manage the subscription (the grain decides); the
/// period defaults to the one a scheduled run would report now (the latest whose window has closed).
/// Queueing the job is the caller's write; the work is the worker's. The API and the web pages
/// both send through here.
/// </summary>
public sealed class SendNow(SubscriptionSchedule schedule, IBackgroundJobClient jobs, TimeProvider clock)
{
    /// <summary>
    /// Queues the report of <paramref name="period"/> (empty: the due one) of subscription
    /// <paramref name="subscriptionId"/> of <paramref name="donor"/>; the period and the job's id.
    /// </summary>
    public async Task<(ReportingPeriod Period, string JobId)> QueueAsync(IReportSubscriptionsGrain donor, string subscriptionId, string? period)
    {
        var view = await donor.GetToManage(subscriptionId);
        var cadence = view.Definition.Schedule.Frequency;
        var now = clock.GetUtcNow();
        var chosen = string.IsNullOrEmpty(period) ? schedule.CalendarOf(view).DuePeriod(now) : ReportingPeriod.Parse(period, "period");
        if (chosen.Frequency != cadence)
            throw new InvalidFieldException("period", $"must be a {cadence.ToString().ToLowerInvariant()} period, as the subscription's cadence");
        if (chosen.End >= DateOnly.FromDateTime(now.UtcDateTime))
            throw new InvalidFieldException("period", "must have ended: reports cover closed periods");
        var (donorId, id) = (view.Definition.DonorOrganisationId, view.SubscriptionId);
        var job = jobs.Enqueue<DonorReportJob>(j => j.RunOnceAsync(donorId, id, chosen.ToString(), CancellationToken.None));
        return (chosen, job);
    }
}
