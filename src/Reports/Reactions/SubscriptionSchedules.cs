using Cooperation.Contracts.Access;
using Cooperation.Contracts.Common;
using Cooperation.Contracts.DonorReports;

namespace Cooperation.Reports.Reactions;

/// <summary>
/// Keeps each subscription's recurring job in step with the subscription after every change to it
/// (created, changed, paused or resumed, deleted): the schedule follows what the journal holds,
/// read again from the donor's grain, so a repeated reaction sets the same schedule.
/// </summary>
public sealed class SubscriptionSchedules(IGrainFactory grains, SubscriptionSchedule schedule) : IEventReaction
{
    /// <inheritdoc/>
    public IReadOnlyCollection<string> Kinds { get; } =
        ["report-subscription.created", "report-subscription.changed", "report-subscription.paused", "report-subscription.deleted"];

    /// <inheritdoc/>
    public async Task ReactAsync(CommittedEvent e, CancellationToken cancellationToken)
    {
        var donorId = e.EntityId;
        var subscriptionId = e.Payload.GetProperty("subscriptionId").GetString()!;
        try
        {
            var view = await CallerContext.AsPlatformAsync(() => grains.GetGrain<IReportSubscriptionsGrain>(donorId).Get(subscriptionId));
            schedule.Sync(view);
        }
        catch (EntityNotFoundException)
        {
            schedule.Remove(donorId, subscriptionId);
        }
    }
}
