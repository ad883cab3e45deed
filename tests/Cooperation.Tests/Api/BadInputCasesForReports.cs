using Cooperation.Tests.Support;
using static Cooperation.Tests.Api.BadInputCase;
using Proto = Cooperation.Contracts.Grpc;

namespace Cooperation.Tests.Api;

/// <summary>Bad input for donors' reports. Keys start with the RPC's name.</summary>
public static class BadInputCasesForReports
{
    private static Proto.CreateSubscriptionRequest Create(BadInputWorld w, Action<Proto.Subscription> change)
    {
        var subscription = Requests.Subscription(w.World, w.NewId);
        change(subscription);
        return new() { Subscription = subscription };
    }

    private static Proto.UpdateSubscriptionRequest Update(BadInputWorld w, Action<Proto.Subscription> change)
    {
        var subscription = Requests.Subscription(w.World, BadInputWorld.SubscriptionId);
        change(subscription);
        return new() { Subscription = subscription };
    }

    private static Proto.SendReportNowRequest Send(BadInputWorld w, string period) =>
        new() { DonorOrganisationId = w.World.DonorId, SubscriptionId = BadInputWorld.SubscriptionId, Period = period };

    /// <summary>The cases.</summary>
    public static readonly Dictionary<string, BadInputCase> All = new()
    {
        ["CreateSubscription: no time zone"] = Case((a, w) => a.Reporting.CreateSubscriptionAsync(Create(w, s => s.Schedule.TimeZone = "")).ResponseAsync, Invalid, "schedule.time_zone"),
        ["CreateSubscription: bad cron"] = Case((a, w) => a.Reporting.CreateSubscriptionAsync(Create(w, s => s.Schedule.Cron = "every month")).ResponseAsync, Invalid, "schedule.cron"),
        ["CreateSubscription: cron out of range"] = Case((a, w) => a.Reporting.CreateSubscriptionAsync(Create(w, s => s.Schedule.Cron = "0 25 * * *")).ResponseAsync, Invalid, "schedule.cron"),
        ["CreateSubscription: bad e-mail"] = Case((a, w) => a.Reporting.CreateSubscriptionAsync(Create(w, s => s.Recipients[0] = "donor at example")).ResponseAsync, Invalid, "recipients[0]"),
        ["CreateSubscription: nobody to send to"] = Case((a, w) => a.Reporting.CreateSubscriptionAsync(Create(w, s => s.Recipients.Clear())).ResponseAsync, Invalid, "recipients"),
        ["CreateSubscription: bad webhook"] = Case((a, w) => a.Reporting.CreateSubscriptionAsync(Create(w, s => s.WebhookUrl = "ftp://x")).ResponseAsync, Invalid, "webhook_url"),
        ["CreateSubscription: unknown partnership"] = Case((a, w) => a.Reporting.CreateSubscriptionAsync(Create(w, s => s.Scope.Id = w.NewId)).ResponseAsync, Invalid, "scope.id"),
        ["CreateSubscription: pilots in a partnership scope"] = Case((a, w) => a.Reporting.CreateSubscriptionAsync(Create(w, s => s.Scope.PilotIds.Add(w.PilotId))).ResponseAsync, Invalid, "scope.pilot_ids"),
        ["CreateSubscription: unknown format"] = Case((a, w) => a.Reporting.CreateSubscriptionAsync(Create(w, s => s.Formats.Add((Proto.ReportFormat)9))).ResponseAsync, Invalid, "formats[1]"),
        ["CreateSubscription: not a donor"] = Case((a, w) => a.Reporting.CreateSubscriptionAsync(Create(w, s => s.DonorOrganisationId = w.World.AgencyId)).ResponseAsync, Invalid, "donor_organisation_id"),
        ["CreateSubscription: id taken by another"] = Case((a, w) => a.Reporting.CreateSubscriptionAsync(Create(w, s =>
        {
            s.SubscriptionId = BadInputWorld.SubscriptionId;
            s.Title = "Another";
        })).ResponseAsync, Exists),
        ["CreateSubscription: webhook to a private address"] = Case((a, w) => a.Reporting.CreateSubscriptionAsync(Create(w, s => s.WebhookUrl = "https://10.0.0.1/hook")).ResponseAsync, Invalid, "webhook_url"),
        ["CreateSubscription: webhook over plain http"] = Case((a, w) => a.Reporting.CreateSubscriptionAsync(Create(w, s => s.WebhookUrl = "http://hooks.example.org/")).ResponseAsync, Invalid, "webhook_url"),
        ["UpdateSubscription: webhook to a loopback address"] = Case((a, w) => a.Reporting.UpdateSubscriptionAsync(Update(w, s => s.WebhookUrl = "https://127.0.0.2:9/hook")).ResponseAsync, Invalid, "webhook_url"),
        ["RotateWebhookSecret: unknown subscription"] = Case((a, w) => a.Reporting.RotateWebhookSecretAsync(new()
        {
            DonorOrganisationId = w.World.DonorId, SubscriptionId = w.NewId,
        }).ResponseAsync, NotFound),
        ["RotateWebhookSecret: bad id"] = Case((a, w) => a.Reporting.RotateWebhookSecretAsync(new()
        {
            DonorOrganisationId = w.World.DonorId, SubscriptionId = "a b",
        }).ResponseAsync, Invalid, "subscription_id"),
        ["UpdateSubscription: unknown subscription"] = Case((a, w) => a.Reporting.UpdateSubscriptionAsync(Update(w, s => s.SubscriptionId = w.NewId)).ResponseAsync, NotFound),
        ["UpdateSubscription: empty title"] = Case((a, w) => a.Reporting.UpdateSubscriptionAsync(Update(w, s => s.Title = "")).ResponseAsync, Invalid, "title"),
        ["SetSubscriptionPaused: unknown subscription"] = Case((a, w) => a.Reporting.SetSubscriptionPausedAsync(new()
        {
            DonorOrganisationId = w.World.DonorId, SubscriptionId = w.NewId, Paused = true,
        }).ResponseAsync, NotFound),
        ["DeleteSubscription: unknown subscription"] = Case((a, w) => a.Reporting.DeleteSubscriptionAsync(new()
        {
            DonorOrganisationId = w.World.DonorId, SubscriptionId = w.NewId,
        }).ResponseAsync, NotFound),
        ["DeleteSubscription: bad id"] = Case((a, w) => a.Reporting.DeleteSubscriptionAsync(new()
        {
            DonorOrganisationId = w.World.DonorId, SubscriptionId = "a b",
        }).ResponseAsync, Invalid, "subscription_id"),
        ["GetSubscription: bad donor id"] = Case((a, w) => a.Reporting.GetSubscriptionAsync(new()
        {
            DonorOrganisationId = "a b", SubscriptionId = BadInputWorld.SubscriptionId,
        }).ResponseAsync, Invalid, "donor_organisation_id"),
        ["ListSubscriptions: no donor"] = Case((a, _) => a.Reporting.ListSubscriptionsAsync(new()).ResponseAsync, Invalid, "donor_organisation_id"),
        ["SendReportNow: bad period"] = Case((a, w) => a.Reporting.SendReportNowAsync(Send(w, "March")).ResponseAsync, Invalid, "period"),
        ["SendReportNow: quarter for a monthly subscription"] = Case((a, w) => a.Reporting.SendReportNowAsync(Send(w, "2025-Q1")).ResponseAsync, Invalid, "period"),
        ["SendReportNow: period not over"] = Case((a, w) => a.Reporting.SendReportNowAsync(Send(w, DateTime.UtcNow.AddMonths(1).ToString("yyyy-MM"))).ResponseAsync, Invalid, "period"),
        ["ListReports: page too large"] = Case((a, w) => a.Reporting.ListReportsAsync(new() { DonorOrganisationId = w.World.DonorId, PageSize = 500 }).ResponseAsync, Invalid, "page_size"),
        ["DownloadReport: no id"] = Case(async (a, _) =>
        {
            using var download = a.Reporting.DownloadReport(new());
            await download.ResponseStream.MoveNext(CancellationToken.None);
        }, Invalid, "report_id"),
        ["DownloadReport: unknown report"] = Case(async (a, _) =>
        {
            using var download = a.Reporting.DownloadReport(new() { ReportId = long.MaxValue });
            await download.ResponseStream.MoveNext(CancellationToken.None);
        }, NotFound),
        ["SetOrganisationContacts: bad address"] = Case((a, w) => a.Organisations.SetOrganisationContactsAsync(new()
        {
            OrganisationId = w.World.AgencyId, Contacts = { "ok@example.org", "not an address" },
        }).ResponseAsync, Invalid, "contacts[1]"),
        ["SetOrganisationContacts: unknown notice kind"] = Case((a, w) => a.Organisations.SetOrganisationContactsAsync(new()
        {
            OrganisationId = w.World.AgencyId, OptedOut = { (Proto.NoticeKind)9 },
        }).ResponseAsync, Invalid, "opted_out[0]"),
        ["SetOrganisationContacts: unknown organisation"] = Case((a, w) => a.Organisations.SetOrganisationContactsAsync(new()
        {
            OrganisationId = w.NewId, Contacts = { "ok@example.org" },
        }).ResponseAsync, NotFound),
        ["ListFailedDeliveries: no donor"] = Case((a, _) => a.Reporting.ListFailedDeliveriesAsync(new()).ResponseAsync, Invalid, "donor_organisation_id"),
    };
}
