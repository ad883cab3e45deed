using Cooperation.Tests.Support;
using static Cooperation.Tests.Api.Identity;
using Proto = Cooperation.Contracts.Grpc;

namespace Cooperation.Tests.Api;

/// <summary>One RPC called by some identity: the call (as caller, with admin clients for set-up, the world and a fresh id) and who may make it.</summary>
public sealed record AccessCase(Func<ApiClients, ApiClients, AccessWorld, string, Task> Call, IReadOnlySet<Identity> Allowed);

/// <summary>Every RPC, and which identities of an <see cref="AccessWorld"/> may call it.</summary>
public static partial class AccessCases
{
    private static readonly Identity[] Everyone = Enum.GetValues<Identity>();
    private static readonly Identity[] Offices = [Admin, OfficeIn];
    private static readonly Identity[] Members = [Admin, OfficeIn, PartnerIn, DonorIn];
    private static readonly Identity[] Reporters = [Admin, OfficeIn, PartnerIn];

    /// <summary>The cases, keyed "Service/Rpc".</summary>
    public static IReadOnlyDictionary<string, AccessCase> All => Domain.Concat(Reporting).Concat(DonorReports).ToDictionary();

    /// <summary>The cases of the domain's services and credentials.</summary>
    private static readonly IReadOnlyDictionary<string, AccessCase> Domain = new Dictionary<string, AccessCase>
    {
        ["CredentialService/CreateCredential"] = Case([Admin], (c, _, w, _) =>
            c.Credentials.CreateCredentialAsync(new() { OrganisationId = w.World.AgencyId, Role = Proto.Role.PartnerAgency, Label = "matrix" }).ResponseAsync),
        ["CredentialService/ListCredentials"] = Case([Admin], (c, _, w, _) =>
            c.Credentials.ListCredentialsAsync(new() { OrganisationId = w.World.AgencyId }).ResponseAsync),
        ["CredentialService/RevokeCredential"] = Case([Admin], async (c, a, w, _) =>
        {
            var issued = await a.Credentials.CreateCredentialAsync(new() { OrganisationId = w.World.AgencyId, Role = Proto.Role.PartnerAgency, Label = "to revoke" });
            await c.Credentials.RevokeCredentialAsync(new() { CredentialId = issued.Credential.CredentialId, Reason = "matrix" });
        }),
        ["CredentialService/WhoAmI"] = Case(Everyone, (c, _, _, _) => c.Credentials.WhoAmIAsync(new()).ResponseAsync),

        ["CityService/CreateCity"] = Case([Admin, OfficeIn, OfficeOut], (c, _, _, n) => c.Cities.CreateCityAsync(Requests.City(n)).ResponseAsync),
        ["CityService/GetCity"] = Case(Everyone, (c, _, w, _) => c.Cities.GetCityAsync(new() { CityId = w.World.FirstCityId }).ResponseAsync),
        ["CityService/ListCityPartnerships"] = Case(Everyone, (c, _, w, _) =>
            c.Cities.ListCityPartnershipsAsync(new() { CityId = w.World.FirstCityId }).ResponseAsync),
        ["CityService/RecordCityIndex"] = Case(Offices, (c, _, w, _) => c.Cities.RecordCityIndexAsync(new()
        {
            CityId = w.World.FirstCityId, IndexCode = "pgi", Name = new() { En = "Provincial Green Index" }, Year = 2023,
            Components = { new Proto.IndexComponent { Code = "a", Name = new() { En = "A" }, Score = 7.41 } },
        }).ResponseAsync),

        ["OrganisationService/CreateOrganisation"] = Case([Admin, OfficeIn, OfficeOut], (c, _, w, n) =>
            c.Organisations.CreateOrganisationAsync(Requests.Organisation(n, w.World.FirstCityId, Proto.OrganisationKind.Enterprise)).ResponseAsync),
        ["OrganisationService/GetOrganisation"] = Case(Everyone, (c, _, w, _) =>
            c.Organisations.GetOrganisationAsync(new() { OrganisationId = w.World.AgencyId }).ResponseAsync),

        ["PartnershipService/CreatePartnership"] = Case(Offices, (c, _, w, n) =>
            c.Partnerships.CreatePartnershipAsync(Requests.Partnership(n, w.World.FirstCityId, w.World.SecondCityId)).ResponseAsync),
        ["PartnershipService/GetPartnership"] = Case(Members, (c, _, w, _) =>
            c.Partnerships.GetPartnershipAsync(new() { PartnershipId = w.World.PartnershipId }).ResponseAsync),
        ["PartnershipService/SetPartnershipMember"] = Case(Offices, (c, _, w, _) => c.Partnerships.SetPartnershipMemberAsync(new()
        {
            PartnershipId = w.World.PartnershipId, OrganisationId = w.World.AgencyId, Role = Proto.PartnershipRole.TechnicalPartner,
        }).ResponseAsync),
        ["PartnershipService/ListPartnershipPilots"] = Case(Members, (c, _, w, _) =>
            c.Partnerships.ListPartnershipPilotsAsync(new() { PartnershipId = w.World.PartnershipId }).ResponseAsync),
        ["PartnershipService/ListPartnershipMous"] = Case(Members, (c, _, w, _) =>
            c.Partnerships.ListPartnershipMousAsync(new() { PartnershipId = w.World.PartnershipId }).ResponseAsync),
        ["PartnershipService/GetPartnershipProgress"] = Case(Members, (c, _, w, _) =>
            c.Partnerships.GetPartnershipProgressAsync(new() { PartnershipId = w.World.PartnershipId }).ResponseAsync),

        ["ProgrammeService/CreateProgramme"] = Case(Offices, (c, _, w, n) =>
            c.Programmes.CreateProgrammeAsync(Requests.Programme(n, w.World.PartnershipId)).ResponseAsync),
        ["ProgrammeService/GetProgramme"] = Case(Offices, (c, _, w, _) =>
            c.Programmes.GetProgrammeAsync(new() { ProgrammeId = w.World.ProgrammeId }).ResponseAsync),

        ["PilotService/CreatePilot"] = Case(Offices, (c, _, w, n) => c.Pilots.CreatePilotAsync(Requests.Pilot(n, w.World)).ResponseAsync),
        ["PilotService/GetPilot"] = Case(Members, (c, _, w, _) => c.Pilots.GetPilotAsync(new() { PilotId = w.PilotId }).ResponseAsync),
        ["PilotService/ChangePilotStatus"] = Case(Offices, (c, _, w, _) =>
            c.Pilots.ChangePilotStatusAsync(new() { PilotId = w.PilotId, Status = Proto.PilotStatus.Proposed }).ResponseAsync),
        ["PilotService/SetFundingLine"] = Case(Offices, (c, _, w, _) => c.Pilots.SetFundingLineAsync(AccessWorld.Funding(w.PilotId, w.World)).ResponseAsync),
        ["PilotService/AddMilestone"] = Case(Offices, (c, _, w, n) =>
            c.Pilots.AddMilestoneAsync(new() { PilotId = w.PilotId, MilestoneId = n, Title = new() { En = "M" }, PlannedDate = "2026-06-30" }).ResponseAsync),
        ["PilotService/UpdateMilestone"] = Case(Reporters, (c, _, w, _) =>
            c.Pilots.UpdateMilestoneAsync(new() { PilotId = w.PilotId, MilestoneId = "m1", Status = Proto.MilestoneStatus.InProgress }).ResponseAsync),

        ["KpiService/DefineKpi"] = Case(Offices, (c, _, w, n) => c.Kpis.DefineKpiAsync(Requests.Kpi(w.PilotId, n)).ResponseAsync),
        ["KpiService/UpdateKpi"] = Case(Offices, (c, _, w, _) => c.Kpis.UpdateKpiAsync(Requests.Kpi(w.PilotId)).ResponseAsync),
        ["KpiService/RecordKpiReadings"] = Case(Reporters, (c, _, w, _) => c.Kpis.RecordKpiReadingsAsync(Requests.Reading(w.PilotId, "2025-01", 10)).ResponseAsync),
        ["KpiService/GetKpiSeries"] = Case(Members, (c, _, w, _) =>
            c.Kpis.GetKpiSeriesAsync(new() { Subject = $"pilots/{w.PilotId}", KpiCode = "compost-produced" }).ResponseAsync),
        ["KpiService/ListKpiTemplates"] = Case(Everyone, (c, _, _, _) => c.Kpis.ListKpiTemplatesAsync(new() { Kind = Proto.PilotKind.Compost }).ResponseAsync),

        ["JcmService/ListJcmMethodologies"] = Case(Everyone, (c, _, _, _) => c.Jcm.ListJcmMethodologiesAsync(new()).ResponseAsync),
        ["JcmService/SetJcmPlan"] = Case(Offices, (c, _, w, _) => c.Jcm.SetJcmPlanAsync(Requests.JcmPlan(w.JcmPilotId)).ResponseAsync),
        ["JcmService/RecordMonitoringPeriod"] = Case(Reporters, (c, _, w, _) => c.Jcm.RecordMonitoringPeriodAsync(Requests.MonitoringPeriod(w.JcmPilotId)).ResponseAsync),
        ["JcmService/GetJcmMonitoring"] = Case(Members, (c, _, w, _) => c.Jcm.GetJcmMonitoringAsync(new() { PilotId = w.JcmPilotId }).ResponseAsync),

        ["MouService/CreateMou"] = Case(Offices, (c, _, w, n) => c.Mous.CreateMouAsync(BadInputWorld.Mou(n, w.World)).ResponseAsync),
        ["MouService/GetMou"] = Case(Members, (c, _, w, _) => c.Mous.GetMouAsync(new() { MouId = w.MouId }).ResponseAsync),
        ["MouService/SignMou"] = Case(Reporters, (c, _, w, _) =>
            c.Mous.SignMouAsync(new() { MouId = w.MouId, OrganisationId = w.World.AgencyId, SignedOn = "2024-01-15" }).ResponseAsync),
        ["MouService/TerminateMou"] = Case(Offices, async (c, a, w, n) =>
        {
            await a.Mous.CreateMouAsync(BadInputWorld.Mou(n, w.World));
            foreach (var party in new[] { w.World.AgencyId, w.World.DonorId })
                await a.Mous.SignMouAsync(new() { MouId = n, OrganisationId = party, SignedOn = "2024-01-15" });
            await c.Mous.TerminateMouAsync(new() { MouId = n, Reason = "matrix" });
        }),
        ["MouService/AddCommitment"] = Case(Offices, (c, _, w, n) =>
            c.Mous.AddCommitmentAsync(new() { MouId = w.MouId, CommitmentId = n, Text = "Report.", OwnerOrganisationId = w.World.DonorId, DueDate = "2026-12-31" }).ResponseAsync),
        ["MouService/SetCommitmentStatus"] = Case(Reporters, (c, _, w, _) =>
            c.Mous.SetCommitmentStatusAsync(new() { MouId = w.MouId, CommitmentId = "c1", Status = Proto.CommitmentStatus.Open }).ResponseAsync),
    };

    /// <summary>The cases of submissions, reviews, JCM verification and the audit trail.</summary>
    private static readonly IReadOnlyDictionary<string, AccessCase> Reporting = new Dictionary<string, AccessCase>
    {
        ["SubmissionService/SubmitUpdate"] = Case(Reporters, (c, _, w, _) => c.Submissions.SubmitUpdateAsync(Update(w)).ResponseAsync),
        ["SubmissionService/ImportReadings"] = Case(Reporters, (c, _, w, _) => c.Submissions.ImportReadingsAsync(new()
        {
            Csv = $"pilot_id,kpi_code,period,value\n{w.PilotId},compost-produced,{AccessWorld.FreshMonth().Period},40\n",
            IdempotencyKey = Guid.NewGuid().ToString(),
        }).ResponseAsync),
        ["SubmissionService/GetReadingsTemplate"] = Case(Members, (c, _, w, _) =>
            c.Submissions.GetReadingsTemplateAsync(new() { PilotId = w.PilotId }).ResponseAsync),
        ["ReviewService/ListReportingPeriods"] = Case(Members, (c, _, w, _) => c.Reviews.ListReportingPeriodsAsync(new() { PilotId = w.PilotId }).ResponseAsync),
        // The partner submits, so that four eyes never stand in the way of a reviewer.
        ["ReviewService/ReturnPeriod"] = Case(Offices, async (c, _, w, _) =>
        {
            var update = await w.Partner.Submissions.SubmitUpdateAsync(Update(w));
            await c.Reviews.ReturnPeriodAsync(new() { PilotId = w.PilotId, Period = update.Period, Comment = "Check the weighbridge." });
        }),
        ["ReviewService/ApprovePeriod"] = Case(Offices, async (c, _, w, _) =>
        {
            var update = await w.Partner.Submissions.SubmitUpdateAsync(Update(w));
            await c.Reviews.ApprovePeriodAsync(new() { PilotId = w.PilotId, Period = update.Period, Comment = "Matches the weighbridge log." });
        }),
        ["ReviewService/ReopenPeriod"] = Case(Offices, async (c, a, w, _) =>
        {
            var update = await w.Partner.Submissions.SubmitUpdateAsync(Update(w));
            await a.Reviews.ApprovePeriodAsync(new() { PilotId = w.PilotId, Period = update.Period, Comment = "Matches the weighbridge log." });
            await c.Reviews.ReopenPeriodAsync(new() { PilotId = w.PilotId, Period = update.Period, Comment = "A typo in March." });
        }),
        ["JcmService/AppointJcmVerifier"] = Case([Admin, DonorIn], (c, _, w, _) =>
            c.Jcm.AppointJcmVerifierAsync(new() { PilotId = w.JcmPilotId, OrganisationId = w.Organisations[PartnerOut] }).ResponseAsync),
        ["JcmService/ApproveMonitoringPeriod"] = Case([Admin, PartnerOut], async (c, _, w, _) =>
            await c.Jcm.ApproveMonitoringPeriodAsync(new() { PilotId = w.JcmPilotId, PeriodId = await RecordMonitoringAsync(w) })),
        ["JcmService/ReturnMonitoringPeriod"] = Case([Admin, PartnerOut], async (c, _, w, _) =>
            await c.Jcm.ReturnMonitoringPeriodAsync(new() { PilotId = w.JcmPilotId, PeriodId = await RecordMonitoringAsync(w), Comment = "Meter photo missing." })),
        ["AuditService/GetHistory"] = Case(Members, (c, _, w, _) => c.Audit.GetHistoryAsync(new() { Entity = $"pilots/{w.PilotId}" }).ResponseAsync),
        ["AuditService/WatchPartnership"] = Case(Members, async (c, _, w, _) =>
        {
            // The partnership's own events are in every watcher's view: the first arrives at once.
            using var watch = c.Audit.WatchPartnership(new() { PartnershipId = w.World.PartnershipId });
            if (!await watch.ResponseStream.MoveNext(CancellationToken.None))
                throw new InvalidOperationException("The watch ended without an event.");
        }),
    };

    private static Proto.SubmitUpdateRequest Update(AccessWorld w) => new()
    {
        PilotId = w.PilotId,
        IdempotencyKey = Guid.NewGuid().ToString(),
        Period = AccessWorld.FreshMonth().Period,
        Readings = { new Proto.KpiReadingInput { KpiCode = "compost-produced", Value = 40 } },
    };

    // Recorded by the partner that leads the pilot, so four eyes never stand in a verifier's way.
    private static async Task<string> RecordMonitoringAsync(AccessWorld w)
    {
        var (period, start, end) = AccessWorld.FreshMonth();
        var request = Requests.MonitoringPeriod(w.JcmPilotId);
        (request.PeriodId, request.Start, request.End) = ("mp-" + period, start, end);
        return (await w.Partner.Jcm.RecordMonitoringPeriodAsync(request)).PeriodId;
    }

    private static AccessCase Case(Identity[] allowed, Func<ApiClients, ApiClients, AccessWorld, string, Task> call) =>
        new(call, allowed.ToHashSet());
}
