using Cooperation.Contracts.Access;
using Cooperation.Contracts.DonorReports;
using Cooperation.Contracts.Telemetry;

namespace Cooperation.Reports.Delivery;

/// <summary>Another job is sending the same delivery now; retry later (it will be found delivered).</summary>
internal sealed class DeliveryInProgressException(DeliveryKey key)
    : Exception($"{key.Channel} delivery of {key.Topic} {key.Period} (revision {key.Revision}) to {key.OrganisationId} is being sent by another job.");

/// <summary>
/// Sends each delivery once, as the silo records it (<see cref="IDeliveryLogGrain"/>, table
/// delivery), so a retried or duplicated job for the same organisation, topic, period, channel and
/// revision does not send twice: a job leases the delivery while it sends (a second job meanwhile
/// gets <see cref="DeliveryInProgressException"/> and retries) and marks it delivered after. No
/// transaction stays open during a send. A crash between sending and recording can still send
/// twice once the lease ends; nothing is sent zero times while retries last.
/// </summary>
public sealed class DeliveryLog(IGrainFactory grains)
{
    /// <summary>How long a send may take before another job may try the delivery again.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    private IDeliveryLogGrain Log => grains.GetGrain<IDeliveryLogGrain>(0);

    /// <summary>Sends through <paramref name="send"/> unless already delivered; true when it sent now.</summary>
    public async Task<bool> DeliverOnceAsync(DeliveryKey key, string recipients, Func<Task> send, CancellationToken cancellationToken = default)
    {
        switch (await AsPlatform(() => Log.Claim(key, recipients, Lease)))
        {
            case DeliveryClaim.Claimed:
                break;
            case DeliveryClaim.Delivered:
                return false;
            case DeliveryClaim.InProgress:
                throw new DeliveryInProgressException(key);
            case var other:
                throw new InvalidOperationException($"Unknown delivery claim {other}.");
        }
        try
        {
            await send();
        }
        catch (Exception error)
        {
            PlatformMetrics.DeliveryFailed(key.Channel);
            await AsPlatform(() => Log.MarkFailed(key, error.Message));
            throw;
        }
        await AsPlatform(() => Log.MarkDelivered(key, recipients));
        return true;
    }

    private static Task<DeliveryClaim> AsPlatform(Func<Task<DeliveryClaim>> call) => CallerContext.AsPlatformAsync(call);

    private static Task AsPlatform(Func<Task> call) => CallerContext.AsPlatformAsync(call);
}
