using Cooperation.Tests.Support;
using static Cooperation.Tests.Api.Identity;

namespace Cooperation.Tests.Api;

/// <summary>Who may manage and read a donor's reports (the donor, the offices of the partnership's cities, admins), and set an organisation's contacts.</summary>
public static partial class AccessCases
{
    private static readonly Identity[] ReportManagers = [Admin, OfficeIn, DonorIn];

    private static readonly IReadOnlyDictionary<string, AccessCase> DonorReports = new Dictionary<string, AccessCase>
    {
        ["ReportingService/CreateSubscription"] = Case(ReportManagers, (c, _, w, n) =>
            c.Reporting.CreateSubscriptionAsync(new() { Subscription = Requests.Subscription(w.World, n) }).ResponseAsync),
        ["ReportingService/UpdateSubscription"] = Case(ReportManagers, async (c, a, w, n) =>
        {
            await a.Reporting.CreateSubscriptionAsync(new() { Subscription = Requests.Subscription(w.World, n) });
            var changed = Requests.Subscription(w.World, n);
            changed.Title = "Changed";
            await c.Reporting.UpdateSubscriptionAsync(new() { Subscription = changed });
        }),
        ["ReportingService/SetSubscriptionPaused"] = Case(ReportManagers, (c, _, w, _) => c.Reporting.SetSubscriptionPausedAsync(new()
        {
            DonorOrganisationId = w.World.DonorId, SubscriptionId = AccessWorld.SubscriptionId, Paused = false,
        }).ResponseAsync),
        ["ReportingService/RotateWebhookSecret"] = Case(ReportManagers, (c, _, w, _) => c.Reporting.RotateWebhookSecretAsync(new()
        {
            DonorOrganisationId = w.World.DonorId, SubscriptionId = AccessWorld.SubscriptionId,
        }).ResponseAsync),
        ["ReportingService/DeleteSubscription"] = Case(ReportManagers, async (c, a, w, n) =>
        {
            await a.Reporting.CreateSubscriptionAsync(new() { Subscription = Requests.Subscription(w.World, n) });
            await c.Reporting.DeleteSubscriptionAsync(new() { DonorOrganisationId = w.World.DonorId, SubscriptionId = n });
        }),
        ["ReportingService/GetSubscription"] = Case(ReportManagers, (c, _, w, _) =>
            c.Reporting.GetSubscriptionAsync(new() { DonorOrganisationId = w.World.DonorId, SubscriptionId = AccessWorld.SubscriptionId }).ResponseAsync),
        ["ReportingService/ListSubscriptions"] = Case(ReportManagers, (c, _, w, _) =>
            c.Reporting.ListSubscriptionsAsync(new() { DonorOrganisationId = w.World.DonorId }).ResponseAsync),
        ["ReportingService/SendReportNow"] = Case(ReportManagers, (c, _, w, _) => c.Reporting.SendReportNowAsync(new()
        {
            DonorOrganisationId = w.World.DonorId, SubscriptionId = AccessWorld.SubscriptionId, Period = "2024-01",
        }).ResponseAsync),
        ["ReportingService/ListReports"] = Case(ReportManagers, (c, _, w, _) =>
            c.Reporting.ListReportsAsync(new() { DonorOrganisationId = w.World.DonorId }).ResponseAsync),
        ["ReportingService/DownloadReport"] = Case(ReportManagers, async (c, _, w, _) =>
        {
            using var download = c.Reporting.DownloadReport(new() { ReportId = w.ReportId });
            if (!await download.ResponseStream.MoveNext(CancellationToken.None))
                throw new InvalidOperationException("The download sent nothing.");
        }),
        ["OrganisationService/SetOrganisationContacts"] = Case([Admin, OfficeIn, PartnerIn], (c, _, w, _) => c.Organisations.SetOrganisationContactsAsync(new()
        {
            OrganisationId = w.World.AgencyId, Contacts = { "agency@example.org" },
        }).ResponseAsync),
        ["ReportingService/ListFailedDeliveries"] = Case(ReportManagers, (c, _, w, _) =>
            c.Reporting.ListFailedDeliveriesAsync(new() { DonorOrganisationId = w.World.DonorId }).ResponseAsync),
    };
}
