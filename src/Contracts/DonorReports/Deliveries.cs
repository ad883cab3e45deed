namespace Cooperation.Contracts.DonorReports;

/// <summary>
/// Which delivery: to an organisation, on a topic (a subscription, or a notice kind), for a period
/// (a report's period, a digest's day), through one channel ("email" or "webhook"), of one
/// revision of a report (1 for notices, and for a period's first report).
/// </summary>
/// <param name="OrganisationId">The recipient organisation.</param>
/// <param name="Topic">A subscription's id, or a notice kind.</param>
/// <param name="Period">A report's period, or a digest's day.</param>
/// <param name="Channel">"email" or "webhook".</param>
/// <param name="Revision">The report's revision; 1 for notices.</param>
[GenerateSerializer, Immutable, Alias("coop.DeliveryKey")]
public readonly record struct DeliveryKey([property: Id(0)] string OrganisationId, [property: Id(1)] string Topic, [property: Id(2)] string Period,
    [property: Id(3)] string Channel, [property: Id(4)] int Revision = 1);

/// <summary>A delivery as recorded.</summary>
/// <param name="Topic">A subscription's id, or a notice kind.</param>
/// <param name="Period">A report's period, or a digest's day.</param>
/// <param name="Channel">"email" or "webhook".</param>
/// <param name="Status">pending, sending, delivered or failed.</param>
/// <param name="Attempts">Sends tried.</param>
/// <param name="LastError">Why the last send failed; null once delivered.</param>
/// <param name="Recipients">Where it went.</param>
/// <param name="UpdatedAt">When its status last changed.</param>
/// <param name="Revision">The report's revision; 1 for notices.</param>
[GenerateSerializer, Immutable, Alias("coop.DeliveryRecord")]
public sealed record DeliveryRecord([property: Id(0)] string Topic, [property: Id(1)] string Period, [property: Id(2)] string Channel,
    [property: Id(3)] string Status, [property: Id(4)] int Attempts, [property: Id(5)] string? LastError, [property: Id(6)] string Recipients,
    [property: Id(7)] DateTimeOffset UpdatedAt, [property: Id(8)] int Revision = 1);

/// <summary>What a claim on a delivery found.</summary>
[GenerateSerializer, Alias("coop.DeliveryClaim")]
public enum DeliveryClaim
{
    /// <summary>Claimed: send it now, then record the outcome.</summary>
    Claimed = 1,

    /// <summary>Delivered already: send nothing.</summary>
    Delivered = 2,

    /// <summary>Another job holds its lease and is sending it now.</summary>
    InProgress = 3,
}
