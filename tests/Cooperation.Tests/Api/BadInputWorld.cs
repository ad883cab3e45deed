using Cooperation.Tests.Support;
using Google.Protobuf;
using Grpc.Core;
using Proto = Cooperation.Contracts.Grpc;

namespace Cooperation.Tests.Api;

/// <summary>
/// What a bad call could touch: a world with a compost pilot (KPI, reading, milestone), a JCM pilot
/// with a plan, and an MoU with a commitment; plus a fresh id no entity has yet.
/// </summary>
public sealed record BadInputWorld(ApiWorld World, string PilotId, string JcmPilotId, string MouId, string NewId)
{
    /// <summary>Builds a new one through the API.</summary>
    public static async Task<BadInputWorld> CreateAsync(ApiFixture api)
    {
        var world = await api.CreateWorldAsync();
        var pilotId = await api.CreatePilotWithKpiAsync(world);
        await api.Kpis.RecordKpiReadingsAsync(Requests.Reading(pilotId, "2025-01", 10));
        await api.Pilots.AddMilestoneAsync(new Proto.AddMilestoneRequest { PilotId = pilotId, MilestoneId = "m1", Title = new() { En = "M1" }, PlannedDate = "2099-06-30" });

        var jcmPilotId = Ids.New("jcm");
        var jcm = Requests.Pilot(jcmPilotId, world, Proto.PilotKind.JcmEquipment);
        jcm.SkipKpiTemplates = false;
        await api.Pilots.CreatePilotAsync(jcm);
        await api.Jcm.SetJcmPlanAsync(Requests.JcmPlan(jcmPilotId));
        await api.Jcm.RecordMonitoringPeriodAsync(Requests.MonitoringPeriod(jcmPilotId));
        var first = Update(pilotId, SubmittedPeriod);
        first.IdempotencyKey = UsedKey(pilotId);
        await api.Submissions.SubmitUpdateAsync(first);
        await api.Submissions.SubmitUpdateAsync(Update(pilotId, ApprovedPeriod));
        await api.Reviews.ApprovePeriodAsync(new() { PilotId = pilotId, Period = ApprovedPeriod });
        await api.Submissions.ImportReadingsAsync(new()
        {
            Csv = $"pilot_id,kpi_code,period,value\n{pilotId},compost-produced,{SubmittedPeriod},40\n", IdempotencyKey = UsedImportKey(pilotId),
        });

        var mouId = Ids.New("mou");
        await api.Mous.CreateMouAsync(Mou(mouId, world));
        await api.Mous.AddCommitmentAsync(new Proto.AddCommitmentRequest { MouId = mouId, CommitmentId = "c1", Text = "Study.", OwnerOrganisationId = world.AgencyId, DueDate = "2099-06-30" });
        await api.Reporting.CreateSubscriptionAsync(new() { Subscription = Requests.Subscription(world, SubscriptionId) });
        return new BadInputWorld(world, pilotId, jcmPilotId, mouId, Ids.New("fresh"));
    }

    /// <summary>A period of the compost pilot that is submitted and awaits review.</summary>
    public const string SubmittedPeriod = "2025-03";

    /// <summary>The donor's subscription.</summary>
    public const string SubscriptionId = "monthly";

    /// <summary>A period of the compost pilot that is approved and locked.</summary>
    public const string ApprovedPeriod = "2025-04";

    /// <summary>The idempotency key of the compost pilot's first update.</summary>
    public static string UsedKey(string pilotId) => "first-update-" + pilotId;

    /// <summary>The idempotency key of the compost pilot's first import.</summary>
    public static string UsedImportKey(string pilotId) => "first-import-" + pilotId;

    /// <summary>A valid update of the compost pilot for <paramref name="period"/>, under a fresh key.</summary>
    public static Proto.SubmitUpdateRequest Update(string pilotId, string period) => new()
    {
        PilotId = pilotId,
        IdempotencyKey = Guid.NewGuid().ToString(),
        Period = period,
        Readings = { new Proto.KpiReadingInput { KpiCode = "compost-produced", Value = 42 } },
        Note = "Weighbridge figures.",
    };

    /// <summary>A valid MoU request between the world's agency and donor.</summary>
    public static Proto.CreateMouRequest Mou(string mouId, ApiWorld world) => new()
    {
        MouId = mouId,
        PartnershipId = world.PartnershipId,
        Title = new Proto.LocalizedText { En = "MoU" },
        PartyOrganisationIds = { world.AgencyId, world.DonorId },
        Scope = "Cooperation.",
        EffectiveDate = "2024-01-01",
        ExpiryDate = "2099-12-31",
    };

    /// <summary>Everything a bad call could have changed, as text.</summary>
    public async Task<string> SnapshotAsync(ApiFixture api)
    {
        var parts = new List<string>
        {
            Format(await api.Partnerships.GetPartnershipAsync(new() { PartnershipId = World.PartnershipId })),
            Format(await api.Programmes.GetProgrammeAsync(new() { ProgrammeId = World.ProgrammeId })),
            Format(await api.Cities.GetCityAsync(new() { CityId = World.FirstCityId })),
            Format(await api.Pilots.GetPilotAsync(new() { PilotId = PilotId })),
            Format(await api.Pilots.GetPilotAsync(new() { PilotId = JcmPilotId })),
            Format(await api.Mous.GetMouAsync(new() { MouId = MouId })),
            Format(await api.Organisations.GetOrganisationAsync(new() { OrganisationId = World.AgencyId })),
            Format(await api.Reporting.ListSubscriptionsAsync(new() { DonorOrganisationId = World.DonorId })),
            Format(await api.Reporting.ListReportsAsync(new() { DonorOrganisationId = World.DonorId })),
            $"events {await api.Cluster.EventCountAsync(World.FirstCityId, World.SecondCityId, World.AgencyId, World.DonorId,
                World.PartnershipId, World.ProgrammeId, PilotId, JcmPilotId, MouId, NewId)}",
            $"readings {await api.Cluster.StoredReadingsAsync($"pilots/{PilotId}")}",
        };
        parts.AddRange(await Task.WhenAll(
            Exists(api.Cities.GetCityAsync(new() { CityId = NewId }).ResponseAsync),
            Exists(api.Organisations.GetOrganisationAsync(new() { OrganisationId = NewId }).ResponseAsync),
            Exists(api.Partnerships.GetPartnershipAsync(new() { PartnershipId = NewId }).ResponseAsync),
            Exists(api.Programmes.GetProgrammeAsync(new() { ProgrammeId = NewId }).ResponseAsync),
            Exists(api.Pilots.GetPilotAsync(new() { PilotId = NewId }).ResponseAsync),
            Exists(api.Mous.GetMouAsync(new() { MouId = NewId }).ResponseAsync),
            Exists(api.Reporting.GetSubscriptionAsync(new() { DonorOrganisationId = World.DonorId, SubscriptionId = NewId }).ResponseAsync)));
        return string.Join("\n", parts);
    }

    private static string Format(IMessage message) => JsonFormatter.Default.Format(message);

    private static async Task<string> Exists(Task call)
    {
        try
        {
            await call;
            return "exists";
        }
        catch (RpcException error) when (error.StatusCode == StatusCode.NotFound)
        {
            return "absent";
        }
    }
}
