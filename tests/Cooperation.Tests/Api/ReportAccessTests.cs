using System.Text;
using Cooperation.Contracts.Access;
using Cooperation.Contracts.Audit;
using Cooperation.Contracts.DonorReports;
using Cooperation.Reports.Delivery;
using Cooperation.Tests.Support;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using static Cooperation.Tests.Support.ReportTesting;
using Proto = Cooperation.Contracts.Grpc;

namespace Cooperation.Tests.Api;

/// <summary>
/// Who reads what of a donor's reports: webhook secrets are shown once and never read back (not in
/// reads, the journal or snapshots); lists of subscriptions, archived reports and failed deliveries
/// hold only what the caller may read alone, and a refusal reads like an unknown id; archived
/// reports outlive their subscription for the donor and admins.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class ReportAccessTests(ApiFixture api)
{
    private const string Period = "2025-03";

    [Fact]
    public async Task A_webhook_secret_is_shown_when_made_or_rotated_and_never_read_back()
    {
        var world = await api.CreateWorldAsync();
        using var webhook = new WebhookReceiver();
        var subscription = Requests.Subscription(world, Ids.New("sub"));
        subscription.WebhookUrl = webhook.Url;
        subscription.Recipients.Clear();
        var office = api.As(await api.IssueKeyAsync(await OfficeAsync(world.FirstCityId), Role.CityOffice));

        var created = await office.Reporting.CreateSubscriptionAsync(new() { Subscription = subscription });
        var repeated = await office.Reporting.CreateSubscriptionAsync(new() { Subscription = subscription });
        var read = await office.Reporting.GetSubscriptionAsync(new() { DonorOrganisationId = world.DonorId, SubscriptionId = subscription.SubscriptionId });
        var listed = await office.Reporting.ListSubscriptionsAsync(new() { DonorOrganisationId = world.DonorId });
        var rotated = await api.Reporting.RotateWebhookSecretAsync(new() { DonorOrganisationId = world.DonorId, SubscriptionId = subscription.SubscriptionId });

        Assert.Matches("^[0-9a-f]{64}$", created.WebhookSecret);
        Assert.Matches("^[0-9a-f]{64}$", rotated.Secret);
        Assert.NotEqual(created.WebhookSecret, rotated.Secret);
        Assert.Empty(repeated.WebhookSecret);
        Assert.Empty(read.WebhookSecret);
        Assert.All(listed.Subscriptions, s => Assert.Empty(s.WebhookSecret));
        // Nowhere in the journal, its readable history, or the grain's snapshot.
        foreach (var secret in new[] { created.WebhookSecret, rotated.Secret })
        {
            Assert.Equal(0, await api.Cluster.Postgres.ScalarAsync<long>("SELECT count(*) FROM entity_event WHERE payload::text LIKE @s", ("s", $"%{secret}%")));
            Assert.Equal(0, await api.Cluster.Postgres.ScalarAsync<long>(
                "SELECT count(*) FROM OrleansStorage WHERE position(convert_to(@s, 'UTF8') in coalesce(PayloadBinary, ''::bytea)) > 0", ("s", secret)));
        }
        CallerContext.ActAsPlatform();
        var history = await api.Cluster.Client.GetGrain<IReportSubscriptionsGrain>(world.DonorId).GetHistory(new HistoryQuery(true, null, 50));
        Assert.Contains(history.Events, e => e.Kind == "report-subscription.secret-rotated");
        Assert.DoesNotContain(history.Events, e => e.PayloadJson.Contains(created.WebhookSecret) || e.PayloadJson.Contains(rotated.Secret));

        // The webhook is signed with the rotated secret.
        await api.Kpis.RecordKpiReadingsAsync(Requests.Reading(await FundedPilotAsync(world), Period, 45));
        await SendNowAsync(api, world.DonorId, subscription.SubscriptionId, Period);
        var (body, signature) = Assert.Single(webhook.Received);
        Assert.Equal(WebhookSender.Signature(rotated.Secret, body), signature);
    }

    [Fact]
    public async Task A_webhook_to_a_private_address_is_refused_when_saved_and_changes_nothing()
    {
        var world = await api.CreateWorldAsync();
        var subscription = Requests.Subscription(world, Ids.New("sub"));
        await api.Reporting.CreateSubscriptionAsync(new() { Subscription = subscription });

        foreach (var url in new[] { "http://127.0.0.2:9/hook", "https://10.0.0.1/hook", "https://169.254.169.254/latest/meta-data", "http://example.org/hook" })
        {
            subscription.WebhookUrl = url;
            var error = await Assert.ThrowsAsync<RpcException>(() => api.Reporting.UpdateSubscriptionAsync(new() { Subscription = subscription }).ResponseAsync);
            Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
            Assert.StartsWith("webhook_url", error.Status.Detail);
        }
        var stored = await api.Reporting.GetSubscriptionAsync(new() { DonorOrganisationId = world.DonorId, SubscriptionId = subscription.SubscriptionId });
        Assert.Empty(stored.WebhookUrl);
    }

    [Fact]
    public async Task Lists_hold_only_what_the_caller_may_read_alone_and_a_refusal_reads_like_an_unknown_id()
    {
        // One donor, two partnerships (other cities); the office of the first city reads only the first's subscription.
        var world = await api.CreateWorldAsync();
        var other = await api.CreateWorldAsync();
        await api.Programmes.CreateProgrammeAsync(Requests.Programme(Ids.New("programme"), other.PartnershipId));
        var mine = Requests.Subscription(world, Ids.New("sub"));
        var theirs = Requests.Subscription(world, Ids.New("sub"));
        theirs.Scope.Id = other.PartnershipId;
        await api.Reporting.CreateSubscriptionAsync(new() { Subscription = mine });
        await api.Reporting.CreateSubscriptionAsync(new() { Subscription = theirs });
        var myReport = await Requests.ArchiveReportAsync(api, world.DonorId, mine.SubscriptionId);
        var theirReport = await Requests.ArchiveReportAsync(api, world.DonorId, theirs.SubscriptionId);
        var log = api.Services.GetRequiredService<DeliveryLog>();
        foreach (var id in new[] { mine.SubscriptionId, theirs.SubscriptionId })
        {
            await Assert.ThrowsAsync<InvalidOperationException>(() => log.DeliverOnceAsync(new DeliveryKey(world.DonorId, id, Period, "email"), "x@example.org",
                _ => throw new InvalidOperationException("SMTP down")));
        }
        var office = api.As(await api.IssueKeyAsync(await OfficeAsync(world.FirstCityId), Role.CityOffice));

        var subscriptions = await office.Reporting.ListSubscriptionsAsync(new() { DonorOrganisationId = world.DonorId });
        var reports = await office.Reporting.ListReportsAsync(new() { DonorOrganisationId = world.DonorId });
        var failed = await office.Reporting.ListFailedDeliveriesAsync(new() { DonorOrganisationId = world.DonorId });

        Assert.Equal([mine.SubscriptionId], subscriptions.Subscriptions.Select(s => s.SubscriptionId));
        Assert.All(reports.Reports, r => Assert.Equal(mine.SubscriptionId, r.SubscriptionId));
        Assert.Contains(reports.Reports, r => r.ReportId == myReport);
        Assert.Equal([mine.SubscriptionId], failed.Deliveries.Select(d => d.SubscriptionId));

        // Another's subscription and report: refused in the words an unknown one gets, naming nothing of the other's.
        var getTheirs = await RefusalAsync(() => office.Reporting.GetSubscriptionAsync(new() { DonorOrganisationId = world.DonorId, SubscriptionId = theirs.SubscriptionId }).ResponseAsync);
        var getUnknown = await RefusalAsync(() => office.Reporting.GetSubscriptionAsync(new() { DonorOrganisationId = world.DonorId, SubscriptionId = Ids.New("sub") }).ResponseAsync);
        var listTheirs = await RefusalAsync(() => office.Reporting.ListReportsAsync(new() { DonorOrganisationId = world.DonorId, SubscriptionId = theirs.SubscriptionId }).ResponseAsync);
        var downloadTheirs = await RefusalAsync(() => DownloadAsync(office, theirReport));
        var downloadUnknown = await RefusalAsync(() => DownloadAsync(office, long.MaxValue - 7));
        Assert.All(new[] { getTheirs, getUnknown, listTheirs, downloadTheirs, downloadUnknown }, e => Assert.Equal(StatusCode.PermissionDenied, e.StatusCode));
        Assert.Equal(getUnknown.Status.Detail, getTheirs.Status.Detail);
        Assert.Equal(downloadUnknown.Status.Detail.Replace($"'{long.MaxValue - 7}'", "#"), downloadTheirs.Status.Detail.Replace($"'{theirReport}'", "#"));
        Assert.All(new[] { getTheirs, listTheirs, downloadTheirs }, e => Assert.DoesNotContain(theirs.SubscriptionId, e.Status.Detail));
    }

    [Fact]
    public async Task Archived_reports_outlive_their_subscription_for_the_donor_and_admins()
    {
        var world = await api.CreateWorldAsync();
        var subscription = Requests.Subscription(world, Ids.New("sub"));
        await api.Reporting.CreateSubscriptionAsync(new() { Subscription = subscription });
        var reportId = await Requests.ArchiveReportAsync(api, world.DonorId, subscription.SubscriptionId);
        var donor = api.As(await api.IssueKeyAsync(world.DonorId, Role.Donor));
        var office = api.As(await api.IssueKeyAsync(await OfficeAsync(world.FirstCityId), Role.CityOffice));
        Assert.NotEmpty(await DownloadAsync(office, reportId));

        await donor.Reporting.DeleteSubscriptionAsync(new() { DonorOrganisationId = world.DonorId, SubscriptionId = subscription.SubscriptionId });

        foreach (var reader in new[] { donor, api })
        {
            Assert.Contains((await reader.Reporting.ListReportsAsync(new() { DonorOrganisationId = world.DonorId })).Reports, r => r.ReportId == reportId);
            Assert.Contains((await reader.Reporting.ListReportsAsync(new() { DonorOrganisationId = world.DonorId, SubscriptionId = subscription.SubscriptionId })).Reports,
                r => r.ReportId == reportId);
            Assert.Equal("%PDF", Encoding.ASCII.GetString(await DownloadAsync(reader, reportId), 0, 4));
        }
        // The office read it through the subscription's scope, which is gone.
        Assert.Equal(StatusCode.PermissionDenied, (await RefusalAsync(() => DownloadAsync(office, reportId))).StatusCode);
    }

    private static async Task<RpcException> RefusalAsync(Func<Task> call) => await Assert.ThrowsAsync<RpcException>(call);

    private async Task<string> OfficeAsync(string cityId)
    {
        var id = Ids.New("office");
        await api.Organisations.CreateOrganisationAsync(Requests.Organisation(id, cityId, Proto.OrganisationKind.CityDepartment));
        return id;
    }

    private async Task<string> FundedPilotAsync(ApiWorld world)
    {
        var pilotId = await api.CreatePilotWithKpiAsync(world);
        await api.Pilots.SetFundingLineAsync(AccessWorld.Funding(pilotId, world));
        return pilotId;
    }
}
