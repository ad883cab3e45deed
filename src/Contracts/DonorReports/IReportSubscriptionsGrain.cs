using Cooperation.Contracts.Audit;
using Cooperation.Contracts.Common;
using Orleans.Concurrency;

namespace Cooperation.Contracts.DonorReports;

/// <summary>
/// A donor's report subscriptions, keyed by the donor organisation's id. Managed by the donor,
/// by the city office of the partnership a subscription covers, or by an admin.
/// </summary>
[Alias("coop.IReportSubscriptionsGrain")]
public interface IReportSubscriptionsGrain : IHasHistory
{
    /// <summary>Creates a subscription with a new webhook secret; the same definition again is harmless, another one AlreadyExists.</summary>
    [Alias("Create")]
    Task<ReportSubscriptionCreation> Create(string subscriptionId, ReportSubscriptionDefinition definition);

    /// <summary>Replaces a subscription's definition.</summary>
    [Alias("Change")]
    Task<ReportSubscriptionView> Change(string subscriptionId, ReportSubscriptionDefinition definition);

    /// <summary>Pauses or resumes a subscription's scheduled reports.</summary>
    [Alias("SetPaused")]
    Task<ReportSubscriptionView> SetPaused(string subscriptionId, bool paused);

    /// <summary>Gives a subscription a new webhook secret (the old one no longer signs anything).</summary>
    [Alias("RotateWebhookSecret")]
    Task<ReportSubscriptionView> RotateWebhookSecret(string subscriptionId);

    /// <summary>Ends a subscription; its archived reports stay, readable by the donor and admins.</summary>
    [Alias("Delete")]
    Task Delete(string subscriptionId);

    /// <summary>Reads a subscription.</summary>
    [Alias("Get"), ReadOnly]
    Task<ReportSubscriptionView> Get(string subscriptionId);

    /// <summary>Reads a subscription as one who may manage it, e.g. before sending its report now.</summary>
    [Alias("GetToManage"), ReadOnly]
    Task<ReportSubscriptionView> GetToManage(string subscriptionId);

    /// <summary>The subscriptions the caller may read, by id.</summary>
    [Alias("List"), ReadOnly]
    Task<ValueList<ReportSubscriptionView>> List();

    /// <summary>
    /// Whose archived reports and deliveries the caller may read: of one subscription (live: who
    /// may read it; deleted: the donor and admins), or of all (null): the whole donor's for the
    /// donor and admins, else the live subscriptions the caller may read.
    /// </summary>
    [Alias("ArchiveAccess"), ReadOnly]
    Task<ReportArchiveAccess> ArchiveAccess(string? subscriptionId);
}
