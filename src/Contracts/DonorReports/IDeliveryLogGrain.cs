using Cooperation.Contracts.Common;
using Orleans.Concurrency;

namespace Cooperation.Contracts.DonorReports;

/// <summary>
/// Each delivery of a report or notice, recorded once (table delivery) by the silo: the one home
/// of that SQL. A stateless worker, key 0. The sender (the worker) claims a delivery with a lease,
/// sends, and records the outcome; no transaction stays open during a send. Callers read a donor's
/// failed deliveries as the donor's subscriptions grain allows (AccessPolicy).
/// </summary>
[Alias("coop.IDeliveryLogGrain")]
public interface IDeliveryLogGrain : IGrainWithIntegerKey
{
    /// <summary>
    /// The platform's: records the delivery (pending) if new, and claims it for <paramref name="lease"/>
    /// unless it is delivered or another sender's lease still runs.
    /// </summary>
    [Alias("Claim")]
    Task<DeliveryClaim> Claim(DeliveryKey key, string recipients, TimeSpan lease);

    /// <summary>
    /// The platform's: the sender still sends; its lease runs <paramref name="lease"/> from now.
    /// False when the delivery is no longer being sent (recorded meanwhile).
    /// </summary>
    [Alias("Renew")]
    Task<bool> Renew(DeliveryKey key, TimeSpan lease);

    /// <summary>The platform's: the claimed delivery failed with <paramref name="error"/>.</summary>
    [Alias("MarkFailed")]
    Task MarkFailed(DeliveryKey key, string error);

    /// <summary>The platform's: the claimed delivery went to <paramref name="recipients"/>.</summary>
    [Alias("MarkDelivered")]
    Task MarkDelivered(DeliveryKey key, string recipients);

    /// <summary>
    /// A donor's failed report deliveries the caller may read, newest first: the whole donor's
    /// (every subscription with an archived report, deleted ones too) for the donor and admins,
    /// else those of the subscriptions the caller may read.
    /// </summary>
    [Alias("ListFailed"), ReadOnly]
    Task<ValueList<DeliveryRecord>> ListFailed(string donorId);
}
