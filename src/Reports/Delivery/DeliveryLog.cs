using System.Security.Cryptography;
using System.Text;
using Cooperation.Contracts.Access;
using Cooperation.Contracts.DonorReports;
using Cooperation.Contracts.Telemetry;
using Microsoft.Extensions.Options;

namespace Cooperation.Reports.Delivery;

/// <summary>Another job is sending the same delivery now; retry later (it will be found delivered).</summary>
internal sealed class DeliveryInProgressException(DeliveryKey key)
    : Exception($"{key.Channel} delivery of {key.Topic} {key.Period} (revision {key.Revision}) to {key.OrganisationId} is being sent by another job.");

/// <summary>
/// Sends each delivery once, as the silo records it (<see cref="IDeliveryLogGrain"/>, table
/// delivery), so a retried or duplicated job for the same organisation, topic, period, channel and
/// revision does not send twice: a job leases the delivery while it sends (a second job meanwhile
/// gets <see cref="DeliveryInProgressException"/> and retries) and marks it delivered after. No
/// transaction stays open during a send. The lease is short and renewed while the send lasts, so
/// a worker killed mid-send frees its delivery within <see cref="DonorReportOptions.DeliveryLease"/>,
/// before Hangfire hands its job to another worker (<see cref="DonorReportOptions.InvisibilityTimeout"/>).
/// Every attempt carries the same reference (<see cref="ReferenceOf"/>): the one case that still
/// sends twice, a worker killed between the receiver's acceptance and the record, reaches the
/// receiver with the reference it already saw.
/// </summary>
public sealed partial class DeliveryLog(IGrainFactory grains, IOptions<DonorReportOptions> options, ILogger<DeliveryLog> logger)
{
    private IDeliveryLogGrain Log => grains.GetGrain<IDeliveryLogGrain>(0);

    private TimeSpan Lease => options.Value.DeliveryLease;

    /// <summary>
    /// A delivery's reference, the same at every attempt (hex, 32 characters): the local part of its
    /// mail's Message-ID and its webhook's X-Cooperation-Delivery header.
    /// </summary>
    public static string ReferenceOf(DeliveryKey key) => Convert.ToHexStringLower(SHA256.HashData(
        Encoding.UTF8.GetBytes(string.Join('\n', key.OrganisationId, key.Topic, key.Period, key.Channel, key.Revision))))[..32];

    /// <summary>Sends through <paramref name="send"/> (given the delivery's reference) unless already delivered; true when it sent now.</summary>
    public async Task<bool> DeliverOnceAsync(DeliveryKey key, string recipients, Func<string, Task> send, CancellationToken cancellationToken = default)
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
            using var sending = new CancellationTokenSource();
            var renewing = RenewWhileSendingAsync(key, sending.Token);
            try
            {
                await send(ReferenceOf(key));
            }
            finally
            {
                await sending.CancelAsync();
                await renewing;
            }
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

    /// <summary>Keeps the lease while the send lasts: renewed at a third of its length, so one missed renewal does not lose it.</summary>
    private async Task RenewWhileSendingAsync(DeliveryKey key, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(Lease / 3);
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                try
                {
                    await AsPlatform(() => Log.Renew(key, Lease));
                }
                catch (Exception error) when (error is not OperationCanceledException)
                {
                    // The send goes on; the next tick tries again.
                    LogRenewFailed(logger, error, key.Channel, key.Topic, key.Period);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The send ended.
        }
    }

    private static Task<DeliveryClaim> AsPlatform(Func<Task<DeliveryClaim>> call) => CallerContext.AsPlatformAsync(call);

    private static Task AsPlatform(Func<Task> call) => CallerContext.AsPlatformAsync(call);

    [LoggerMessage(LogLevel.Warning, "Could not renew the lease of the {Channel} delivery of {Topic} {Period}")]
    private static partial void LogRenewFailed(ILogger logger, Exception error, string channel, string topic, string period);
}
