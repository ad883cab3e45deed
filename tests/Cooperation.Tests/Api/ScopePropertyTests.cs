using Cooperation.Contracts.Access;
using Cooperation.Gateway.Demo;
using Cooperation.Tests.Support;
using Grpc.Core;
using Proto = Cooperation.Contracts.Grpc;

namespace Cooperation.Tests.Api;

/// <summary>
/// Scope as a property of the whole API: on the demo world, for every identity and every RPC
/// that answers with a list, a roll-up, a history or a stream, each item in the answer is one
/// the identity may read alone (its own single read succeeds), and no field outside its scope is
/// set (funding lines of other donors). A new list RPC fails <see cref="Every_list_rpc_is_checked"/>
/// until it is added here.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class ScopePropertyTests(ApiFixture api)
{
    /// <summary>One identity per relation to the demo world (the access matrix's, on the seed organisations).</summary>
    public static readonly IReadOnlyDictionary<Identity, (string Organisation, Role Role)> Identities = new Dictionary<Identity, (string, Role)>
    {
        [Identity.Admin] = ("platform", Role.Admin),
        [Identity.OfficeIn] = ("hp-dofa", Role.CityOffice),
        [Identity.OfficeOut] = ("bn-doit", Role.CityOffice),
        [Identity.PartnerIn] = ("hp-urenco", Role.PartnerAgency),
        [Identity.PartnerOut] = ("becamex-idc", Role.PartnerAgency),
        [Identity.DonorIn] = ("moej", Role.Donor),
        [Identity.DonorOut] = ("jica", Role.Donor),
    };

    private static readonly string[] Cities = ["hai-phong", "kitakyushu", "quang-ninh", "bac-ninh", "binh-duong", "tokyo"];
    private static readonly string[] Donors = ["moej", "jica"];
    private const string Partnership = DemoScenario.PartnershipId;

    private delegate Task Check(ApiClients caller, Identity identity, Truth truth);

    /// <summary>The list, roll-up, history and stream RPCs, each with the property it must keep.</summary>
    private static readonly IReadOnlyDictionary<string, Check> Checks = new Dictionary<string, Check>
    {
        ["CityService/GetCity"] = async (c, _, _) =>
        {
            foreach (var cityId in Cities)
            {
                var city = await c.Cities.GetCityAsync(new() { CityId = cityId });
                await AllReadableAsync(c, city.PartnershipIds, ReadPartnership);
                await AllReadableAsync(c, city.ProgrammeIds, ReadProgramme);
            }
        },
        ["CityService/ListCityPartnerships"] = async (c, i, t) =>
        {
            foreach (var cityId in Cities)
            {
                foreach (var partnership in (await c.Cities.ListCityPartnershipsAsync(new() { CityId = cityId })).Partnerships)
                    await PartnershipInScopeAsync(c, partnership);
            }
        },
        ["PartnershipService/GetPartnership"] = async (c, _, _) =>
        {
            if (await OrDeniedAsync(() => c.Partnerships.GetPartnershipAsync(new() { PartnershipId = Partnership }).ResponseAsync) is { } partnership)
                await PartnershipInScopeAsync(c, partnership);
        },
        ["PartnershipService/ListPartnershipPilots"] = async (c, _, t) =>
        {
            if (await OrDeniedAsync(() => c.Partnerships.ListPartnershipPilotsAsync(new() { PartnershipId = Partnership }).ResponseAsync) is not { } list)
                return;
            await AllReadableAsync(c, list.Pilots.Select(p => p.PilotId), ReadPilot);
            Assert.Equal(await ReadableAsync(c, t.PilotIds, ReadPilot), list.Pilots.Select(p => p.PilotId));
        },
        ["PartnershipService/ListPartnershipMous"] = async (c, _, t) =>
        {
            if (await OrDeniedAsync(() => c.Partnerships.ListPartnershipMousAsync(new() { PartnershipId = Partnership }).ResponseAsync) is not { } list)
                return;
            foreach (var mou in list.Mous)
                Assert.Equal(await c.Mous.GetMouAsync(new() { MouId = mou.MouId }), mou);
            Assert.Equal(await ReadableAsync(c, t.MouIds, ReadMou), list.Mous.Select(m => m.MouId));
        },
        ["PartnershipService/GetPartnershipProgress"] = async (c, _, t) =>
        {
            foreach (var figures in new[] { Proto.Figures.All, Proto.Figures.Approved })
            {
                if (await OrDeniedAsync(() => c.Partnerships.GetPartnershipProgressAsync(new() { PartnershipId = Partnership, Figures = figures }).ResponseAsync) is not { } progress)
                    return;
                var pilots = await ReadableAsync(c, t.PilotIds, ReadPilot);
                var mous = await ReadableAsync(c, t.MouIds, ReadMou);
                Assert.Equal(pilots, progress.Pilots.Select(p => p.PilotId));
                // Every count covers only what the caller may read, and says when that is not everything.
                Assert.Equal(pilots.Count, progress.PilotsByStatus.Sum(s => s.Count));
                Assert.Equal(mous.Count, progress.MouCount);
                Assert.Equal(pilots.Count < t.PilotIds.Count || mous.Count < t.MouIds.Count, progress.Partial);
                var kpis = progress.Pilots.Sum(p => p.Kpis.OnTrack + p.Kpis.AtRisk + p.Kpis.OffTrack + p.Kpis.NotJudged);
                Assert.Equal(kpis, progress.Kpis.OnTrack + progress.Kpis.AtRisk + progress.Kpis.OffTrack + progress.Kpis.NotJudged);
            }
        },
        ["PilotService/GetPilot"] = async (c, i, t) =>
        {
            foreach (var pilotId in await ReadableAsync(c, t.PilotIds, ReadPilot))
            {
                var pilot = await c.Pilots.GetPilotAsync(new() { PilotId = pilotId });
                Assert.All(pilot.FundingLines, line => Assert.True(MaySeeFunding(i, line.DonorOrganisationId), $"{i} sees {pilotId}'s line {line.LineId}"));
                Assert.Equal(t.Funding[pilotId].Count(d => MaySeeFunding(i, d)), pilot.FundingLines.Count);
                Assert.Equal(pilot.FundingLines.Select(l => l.Currency).Distinct().Count(), pilot.FundingTotals.Count);
            }
        },
        ["AuditService/GetHistory"] = async (c, i, t) =>
        {
            var entities = (await ReadableAsync(c, t.PilotIds, ReadPilot)).Select(id => $"pilots/{id}")
                .Concat(await OrDeniedAsync(() => c.Partnerships.GetPartnershipAsync(new() { PartnershipId = Partnership }).ResponseAsync) is null ? [] : [$"partnerships/{Partnership}"])
                .Concat(Cities.Select(id => $"cities/{id}"));
            foreach (var entity in entities)
            {
                var events = new List<Proto.AuditEvent>();
                var page = new Proto.History();
                do
                {
                    page = await c.Audit.GetHistoryAsync(new() { Entity = entity, PageSize = 200, PageToken = page.NextPageToken });
                    events.AddRange(page.Events);
                }
                while (page.NextPageToken != 0);
                await EventsInScopeAsync(c, i, events);
            }
        },
        ["AuditService/WatchPartnership"] = async (c, i, _) =>
        {
            using var watch = c.Audit.WatchPartnership(new() { PartnershipId = Partnership });
            var events = new List<Proto.AuditEvent>();
            try
            {
                // The whole feed from the start: it arrives at once, then the watch waits for news.
                while (true)
                {
                    using var quiet = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                    if (!await watch.ResponseStream.MoveNext(quiet.Token))
                        break;
                    events.Add(watch.ResponseStream.Current);
                }
            }
            catch (RpcException error) when (error.StatusCode == StatusCode.PermissionDenied)
            {
                Assert.Empty(events);
                return;
            }
            catch (RpcException error) when (error.StatusCode == StatusCode.Cancelled)
            {
            }
            catch (OperationCanceledException)
            {
            }
            Assert.NotEmpty(events);
            await EventsInScopeAsync(c, i, events);
        },
        ["ReviewService/ListReportingPeriods"] = async (c, _, t) =>
        {
            foreach (var pilotId in t.PilotIds)
            {
                var readable = await ReadPilot(c, pilotId);
                var periods = await OrDeniedAsync(() => c.Reviews.ListReportingPeriodsAsync(new() { PilotId = pilotId }).ResponseAsync);
                Assert.Equal(readable, periods is not null);
            }
        },
        ["KpiService/ListKpiTemplates"] = async (c, _, _) => Assert.NotEmpty((await c.Kpis.ListKpiTemplatesAsync(new())).Sets),
        ["JcmService/ListJcmMethodologies"] = async (c, _, _) => Assert.NotEmpty((await c.Jcm.ListJcmMethodologiesAsync(new())).Methodologies),
        ["ReportingService/ListSubscriptions"] = async (c, _, _) =>
        {
            foreach (var donor in Donors)
            {
                if (await OrDeniedAsync(() => c.Reporting.ListSubscriptionsAsync(new() { DonorOrganisationId = donor }).ResponseAsync) is not { } list)
                    continue;
                foreach (var subscription in list.Subscriptions)
                {
                    // A secret is shown only when made: never in a list.
                    Assert.Equal("", subscription.WebhookSecret);
                    Assert.True(await ReadSubscription(c, donor, subscription.SubscriptionId));
                }
            }
        },
        ["ReportingService/ListReports"] = async (c, _, _) =>
        {
            foreach (var donor in Donors)
            {
                if (await OrDeniedAsync(() => c.Reporting.ListReportsAsync(new() { DonorOrganisationId = donor, PageSize = 200 }).ResponseAsync) is not { } list)
                    continue;
                foreach (var report in list.Reports)
                {
                    using var download = c.Reporting.DownloadReport(new() { ReportId = report.ReportId });
                    Assert.True(await download.ResponseStream.MoveNext(CancellationToken.None), $"listed report {report.ReportId} cannot be read alone");
                }
            }
        },
        ["ReportingService/ListFailedDeliveries"] = async (c, _, _) =>
        {
            foreach (var donor in Donors)
            {
                if (await OrDeniedAsync(() => c.Reporting.ListFailedDeliveriesAsync(new() { DonorOrganisationId = donor }).ResponseAsync) is not { } list)
                    continue;
                foreach (var delivery in list.Deliveries)
                    Assert.True(await ReadSubscription(c, donor, delivery.SubscriptionId), $"a delivery of {donor}/{delivery.SubscriptionId}");
            }
        },
        ["CredentialService/ListCredentials"] = async (c, i, _) =>
        {
            var list = await OrDeniedAsync(() => c.Credentials.ListCredentialsAsync(new() { OrganisationId = "hp-urenco" }).ResponseAsync);
            Assert.Equal(i == Identity.Admin, list is not null);
        },
    };

    private static bool IsListLike(string rpc)
    {
        var method = rpc.Split('/')[1];
        return method.StartsWith("List", StringComparison.Ordinal) || method.StartsWith("Watch", StringComparison.Ordinal)
            || method is "GetPartnershipProgress" or "GetHistory" or "GetPartnership" or "GetCity" or "GetPilot";
    }

    /// <summary>The funding lines an identity may see: admins and the pilot's city office all; a donor its own; others none.</summary>
    private static bool MaySeeFunding(Identity identity, string donor) =>
        identity is Identity.Admin or Identity.OfficeIn || Identities[identity].Organisation == donor;

    public static TheoryData<string, Identity> Cases()
    {
        var data = new TheoryData<string, Identity>();
        foreach (var rpc in Checks.Keys)
        {
            foreach (var identity in Identities.Keys)
                data.Add(rpc, identity);
        }
        return data;
    }

    [Fact]
    public void Every_list_rpc_is_checked() => Assert.Empty(ApiSurface.Rpcs.Where(IsListLike).Except(Checks.Keys));

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Every_item_of_every_list_is_one_the_caller_may_read_alone(string rpc, Identity identity)
    {
        var truth = await Truth.OfAsync(api);
        await Checks[rpc](await CallerAsync(identity), identity, truth);
    }

    private static readonly SemaphoreSlim Gate = new(1);
    private static readonly Dictionary<Identity, string> Keys = [];

    private async Task<ApiClients> CallerAsync(Identity identity)
    {
        await Gate.WaitAsync();
        try
        {
            if (!Keys.TryGetValue(identity, out var key))
                Keys[identity] = key = await api.IssueKeyAsync(Identities[identity].Organisation, Identities[identity].Role);
            return api.As(key);
        }
        finally
        {
            Gate.Release();
        }
    }

    private static async Task PartnershipInScopeAsync(ApiClients c, Proto.Partnership partnership)
    {
        Assert.True(await ReadPartnership(c, partnership.PartnershipId));
        await AllReadableAsync(c, partnership.PilotIds, ReadPilot);
        await AllReadableAsync(c, partnership.MouIds, ReadMou);
        await AllReadableAsync(c, partnership.ProgrammeIds, ReadProgramme);
    }

    /// <summary>Each event is of an entity the caller may read, names only pilots, MoUs and programmes it may read, and shows only the funding it may see.</summary>
    private static async Task EventsInScopeAsync(ApiClients c, Identity identity, IEnumerable<Proto.AuditEvent> events)
    {
        foreach (var e in events)
        {
            var (collection, id) = (e.Entity.Split('/')[0], e.Entity.Split('/')[1]);
            var readable = collection switch
            {
                "pilots" => await ReadPilot(c, id),
                "mous" => await ReadMou(c, id),
                "programmes" => await ReadProgramme(c, id),
                "partnerships" => await ReadPartnership(c, id),
                _ => true,
            };
            Assert.True(readable, $"{identity} sees an event of {e.Entity}");
            var payload = e.Payload.Fields;
            if (e.Kind == "pilot.funding-line-set")
                Assert.True(MaySeeFunding(identity, payload["line"].StructValue.Fields["donorOrganisationId"].StringValue), $"{identity} sees {e.Entity}'s funding");
            if (payload.TryGetValue("pilotId", out var pilot))
                Assert.True(await ReadPilot(c, pilot.StringValue), $"{identity} learns of pilot {pilot.StringValue}");
            if (payload.TryGetValue("mouId", out var mou))
                Assert.True(await ReadMou(c, mou.StringValue), $"{identity} learns of MoU {mou.StringValue}");
            if (payload.TryGetValue("programmeId", out var programme) && e.Entity.StartsWith("partnerships/", StringComparison.Ordinal))
                Assert.True(await ReadProgramme(c, programme.StringValue), $"{identity} learns of programme {programme.StringValue}");
            if (payload.TryGetValue("partnershipId", out var partnership) && e.Entity.StartsWith("cities/", StringComparison.Ordinal))
                Assert.True(await ReadPartnership(c, partnership.StringValue), $"{identity} learns of partnership {partnership.StringValue}");
        }
    }

    private static Task<bool> ReadPilot(ApiClients c, string id) => OkAsync(() => c.Pilots.GetPilotAsync(new() { PilotId = id }).ResponseAsync);

    private static Task<bool> ReadMou(ApiClients c, string id) => OkAsync(() => c.Mous.GetMouAsync(new() { MouId = id }).ResponseAsync);

    private static Task<bool> ReadProgramme(ApiClients c, string id) => OkAsync(() => c.Programmes.GetProgrammeAsync(new() { ProgrammeId = id }).ResponseAsync);

    private static Task<bool> ReadSubscription(ApiClients c, string donor, string id) =>
        OkAsync(() => c.Reporting.GetSubscriptionAsync(new() { DonorOrganisationId = donor, SubscriptionId = id }).ResponseAsync);

    private static Task<bool> ReadPartnership(ApiClients c, string id) => OkAsync(() => c.Partnerships.GetPartnershipAsync(new() { PartnershipId = id }).ResponseAsync);

    private static async Task AllReadableAsync(ApiClients c, IEnumerable<string> ids, Func<ApiClients, string, Task<bool>> read)
    {
        foreach (var id in ids)
            Assert.True(await read(c, id), $"listed {id} cannot be read alone");
    }

    private static async Task<List<string>> ReadableAsync(ApiClients c, IEnumerable<string> ids, Func<ApiClients, string, Task<bool>> read)
    {
        var readable = new List<string>();
        foreach (var id in ids)
        {
            if (await read(c, id))
                readable.Add(id);
        }
        return readable;
    }

    private static async Task<bool> OkAsync<T>(Func<Task<T>> call) where T : class => await OrDeniedAsync(call) is not null;

    /// <summary>The answer, or null when the caller may not (PermissionDenied); anything else fails the test.</summary>
    private static async Task<T?> OrDeniedAsync<T>(Func<Task<T>> call) where T : class
    {
        try
        {
            return await call();
        }
        catch (RpcException error) when (error.StatusCode == StatusCode.PermissionDenied)
        {
            return null;
        }
    }

    /// <summary>The demo world as an admin sees it: every pilot, MoU, and each pilot's funding donors.</summary>
    private sealed record Truth(IReadOnlyList<string> PilotIds, IReadOnlyList<string> MouIds, IReadOnlyDictionary<string, string[]> Funding)
    {
        private static Truth? _truth;

        public static async Task<Truth> OfAsync(ApiFixture api)
        {
            await Gate.WaitAsync();
            try
            {
                if (_truth is not null)
                    return _truth;
                await DemoScenario.LoadAsync(DemoActorsFor.Api(api));
                // An archived report of MOEJ's subscription, for the archive's list.
                await Requests.ArchiveReportAsync(api, "moej", "monthly");
                var partnership = await api.Partnerships.GetPartnershipAsync(new() { PartnershipId = Partnership });
                var funding = new Dictionary<string, string[]>();
                foreach (var pilotId in partnership.PilotIds)
                    funding[pilotId] = (await api.Pilots.GetPilotAsync(new() { PilotId = pilotId })).FundingLines.Select(l => l.DonorOrganisationId).ToArray();
                return _truth = new Truth(partnership.PilotIds, partnership.MouIds, funding);
            }
            finally
            {
                Gate.Release();
            }
        }
    }
}
