using Cooperation.Contracts.Access;
using Cooperation.Tests.Support;
using Proto = Cooperation.Contracts.Grpc;

namespace Cooperation.Tests.Api;

/// <summary>Who calls, in the access tests: one identity per kind of relation to the world's resources.</summary>
public enum Identity
{
    /// <summary>A platform admin.</summary>
    Admin,

    /// <summary>The office of one of the partnership's cities.</summary>
    OfficeIn,

    /// <summary>The office of a city outside the partnership.</summary>
    OfficeOut,

    /// <summary>The partner agency leading the pilots, member of the partnership, party to the MoU.</summary>
    PartnerIn,

    /// <summary>A partner agency taking part in nothing, but appointed to verify the JCM pilot's monitoring.</summary>
    PartnerOut,

    /// <summary>The donor funding the pilots, member of the partnership, party to the MoU.</summary>
    DonorIn,

    /// <summary>A donor funding nothing.</summary>
    DonorOut,
}

/// <summary>
/// A world for access tests, made through the API by an admin: a partnership of two cities with
/// a programme, a compost pilot (KPI, milestone) and a JCM pilot (plan) led by the partner and
/// funded by the donor, an MoU between them with a commitment of the partner's; plus a third city
/// and organisations that take part in nothing (the outside partner verifies the JCM pilot's
/// monitoring). Each identity has its key.
/// </summary>
public sealed record AccessWorld(ApiWorld World, string OutsideCityId, string PilotId, string JcmPilotId, string MouId,
    IReadOnlyDictionary<Identity, string> Keys)
{
    /// <summary>A subscription of the world's donor covering its partnership.</summary>
    public const string SubscriptionId = "matrix";

    /// <summary>An archived report of that subscription.</summary>
    public long ReportId { get; init; }

    /// <summary>Clients of the partner that leads the pilots (submits their updates).</summary>
    public ApiClients Partner { get; init; } = null!;

    /// <summary>The organisation each identity acts for.</summary>
    public IReadOnlyDictionary<Identity, string> Organisations { get; init; } = new Dictionary<Identity, string>();

    /// <summary>Builds one through <paramref name="api"/>.</summary>
    public static async Task<AccessWorld> CreateAsync(ApiFixture api)
    {
        var world = await api.CreateWorldAsync();
        var outsideCity = Ids.New("city");
        await api.Cities.CreateCityAsync(Requests.City(outsideCity));
        var organisations = new Dictionary<Identity, string>
        {
            [Identity.Admin] = "platform",
            [Identity.OfficeIn] = await OrganisationAsync(api, world.FirstCityId, Proto.OrganisationKind.CityDepartment),
            [Identity.OfficeOut] = await OrganisationAsync(api, outsideCity, Proto.OrganisationKind.CityDepartment),
            [Identity.PartnerIn] = world.AgencyId,
            [Identity.PartnerOut] = await OrganisationAsync(api, world.SecondCityId, Proto.OrganisationKind.PartnerAgency),
            [Identity.DonorIn] = world.DonorId,
            [Identity.DonorOut] = await OrganisationAsync(api, world.SecondCityId, Proto.OrganisationKind.Donor),
        };
        foreach (var member in new[] { world.AgencyId, world.DonorId })
        {
            await api.Partnerships.SetPartnershipMemberAsync(new()
            {
                PartnershipId = world.PartnershipId, OrganisationId = member, Role = Proto.PartnershipRole.TechnicalPartner,
            });
        }

        var pilotId = await api.CreatePilotWithKpiAsync(world);
        await api.Pilots.SetFundingLineAsync(Funding(pilotId, world));
        await api.Pilots.AddMilestoneAsync(new() { PilotId = pilotId, MilestoneId = "m1", Title = new() { En = "M1" }, PlannedDate = "2026-06-30" });
        var jcmPilotId = Ids.New("jcm");
        var jcm = Requests.Pilot(jcmPilotId, world, Proto.PilotKind.JcmEquipment);
        jcm.SkipKpiTemplates = false;
        await api.Pilots.CreatePilotAsync(jcm);
        await api.Pilots.SetFundingLineAsync(Funding(jcmPilotId, world));
        await api.Jcm.SetJcmPlanAsync(Requests.JcmPlan(jcmPilotId));

        var mouId = Ids.New("mou");
        await api.Mous.CreateMouAsync(BadInputWorld.Mou(mouId, world));
        await api.Mous.AddCommitmentAsync(new() { MouId = mouId, CommitmentId = "c1", Text = "Study.", OwnerOrganisationId = world.AgencyId, DueDate = "2026-12-31" });

        await api.Jcm.AppointJcmVerifierAsync(new() { PilotId = jcmPilotId, OrganisationId = organisations[Identity.PartnerOut] });

        await api.Reporting.CreateSubscriptionAsync(new() { Subscription = Requests.Subscription(world, SubscriptionId) });
        var reportId = await Requests.ArchiveReportAsync(api, world.DonorId, SubscriptionId);

        var keys = new Dictionary<Identity, string>();
        foreach (var (identity, organisation) in organisations)
            keys[identity] = await api.IssueKeyAsync(organisation, RoleOf(identity));
        return new AccessWorld(world, outsideCity, pilotId, jcmPilotId, mouId, keys)
        {
            Organisations = organisations, ReportId = reportId, Partner = api.As(keys[Identity.PartnerIn]),
        };
    }

    private static int _months;

    /// <summary>A past month no other access test uses, so each call finds its period untouched.</summary>
    public static (string Period, string Start, string End) FreshMonth()
    {
        var month = new DateOnly(2000, 1, 1).AddMonths(Interlocked.Increment(ref _months));
        return ($"{month:yyyy-MM}", $"{month:yyyy-MM-dd}", $"{month.AddMonths(1).AddDays(-1):yyyy-MM-dd}");
    }

    /// <summary>The funding line of the world's donor for a pilot.</summary>
    public static Proto.SetFundingLineRequest Funding(string pilotId, ApiWorld world) => new()
    {
        PilotId = pilotId, LineId = "moej", DonorOrganisationId = world.DonorId, Currency = Proto.Currency.Jpy, Committed = "1000000",
    };

    private static Role RoleOf(Identity identity) => identity switch
    {
        Identity.Admin => Role.Admin,
        Identity.OfficeIn or Identity.OfficeOut => Role.CityOffice,
        Identity.PartnerIn or Identity.PartnerOut => Role.PartnerAgency,
        _ => Role.Donor,
    };

    private static async Task<string> OrganisationAsync(ApiFixture api, string cityId, Proto.OrganisationKind kind)
    {
        var id = Ids.New("org");
        await api.Organisations.CreateOrganisationAsync(Requests.Organisation(id, cityId, kind));
        return id;
    }
}
