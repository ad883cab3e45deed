using Cooperation.Contracts.Pilots.Kinds;
using Cooperation.Contracts.Cities;
using Cooperation.Contracts.Common;
using Cooperation.Contracts.Kpis;
using Cooperation.Contracts.Organisations;
using Cooperation.Contracts.Partnerships;
using Cooperation.Contracts.Pilots;
using Cooperation.Contracts.Programmes;

namespace Cooperation.Tests.Support;

/// <summary>Valid domain objects for tests to start from (and vary with <c>with</c>).</summary>
public static class Sample
{
    /// <summary>Hai Phong, in Viet Nam's time zone.</summary>
    public static CityDefinition HaiPhong() => new(new LocalizedText("Hải Phòng", "ハイフォン", "Hai Phong"), "VN", "Asia/Ho_Chi_Minh");

    /// <summary>Kitakyushu, in Japan's time zone.</summary>
    public static CityDefinition Kitakyushu() => new(new LocalizedText(null, "北九州", "Kitakyushu"), "JP", "Asia/Tokyo");

    /// <summary>An organisation of <paramref name="kind"/> in <paramref name="cityId"/>.</summary>
    public static OrganisationDefinition Organisation(string cityId, OrganisationKind kind = OrganisationKind.PartnerAgency) =>
        new(new LocalizedText(null, null, $"A {kind} of {cityId}"), kind, cityId);

    /// <summary>Friendship since 2009, sister cities since 2014.</summary>
    public static PartnershipDefinition Partnership(string firstCityId, string secondCityId) => new(
        new LocalizedText("Hải Phòng – Kitakyushu", "ハイフォン・北九州", "Hai Phong – Kitakyushu"),
        firstCityId, secondCityId,
        [new RelationStage(RelationKind.Friendship, 2009), new RelationStage(RelationKind.SisterCity, 2014)]);

    /// <summary>A programme of a partnership, monthly, from 2014.</summary>
    public static ProgrammeDefinition Programme(string partnershipId) => new(
        ProgrammeOwnerKind.Partnership, partnershipId, new LocalizedText(null, null, "Green Growth Promotion Plan"),
        new DateOnly(2014, 1, 1), null, ReportingFrequency.Monthly);

    /// <summary>A monthly compost pilot of the world's partnership and programme.</summary>
    public static PilotDefinition Pilot(World world, PilotKind kind = PilotKind.Compost) => new(
        world.PartnershipId, world.ProgrammeId, new LocalizedText("Sản xuất phân compost", "堆肥化", "Compost production"),
        kind, ReportingFrequency.Monthly, world.FirstCityId, "Tràng Cát", world.AgencyId, [world.DonorId]);

    /// <summary>Compost produced: 0 t at 2024-01-01 to 1,200 t (total) by 2026-12-31, incremental.</summary>
    public static KpiDefinition Kpi(string code = "compost-produced") => new(
        code, new LocalizedText(null, null, "Compost produced"), "t", KpiMeasure.Number, KpiDirection.HigherIsBetter,
        KpiAggregation.Incremental, new KpiPoint(0, new DateOnly(2024, 1, 1)), new KpiPoint(1200, new DateOnly(2026, 12, 31)), []);

    /// <summary>A monthly reading of a number KPI.</summary>
    public static KpiReadingInput Reading(string period, double value, string code = "compost-produced") =>
        new(code, ReportingPeriod.Parse(period, "period"), value);
}

/// <summary>The ids of a small world: two cities, an agency and a donor, a partnership and its programme.</summary>
/// <param name="FirstCityId">Hai Phong-like city.</param>
/// <param name="SecondCityId">Kitakyushu-like city.</param>
/// <param name="AgencyId">A partner agency in the first city.</param>
/// <param name="DonorId">A donor in the second city.</param>
/// <param name="PartnershipId">The partnership of the two cities.</param>
/// <param name="ProgrammeId">Its programme.</param>
public sealed record World(string FirstCityId, string SecondCityId, string AgencyId, string DonorId, string PartnershipId, string ProgrammeId)
{
    /// <summary>Creates a fresh world through the grains.</summary>
    public static async Task<World> CreateAsync(IGrainFactory grains)
    {
        var world = new World(Ids.New("city"), Ids.New("city"), Ids.New("agency"), Ids.New("donor"), Ids.New("partnership"), Ids.New("programme"));
        await grains.GetGrain<ICityGrain>(world.FirstCityId).Create(Sample.HaiPhong());
        await grains.GetGrain<ICityGrain>(world.SecondCityId).Create(Sample.Kitakyushu());
        await grains.GetGrain<IOrganisationGrain>(world.AgencyId).Create(Sample.Organisation(world.FirstCityId));
        await grains.GetGrain<IOrganisationGrain>(world.DonorId).Create(Sample.Organisation(world.SecondCityId, OrganisationKind.Donor));
        await grains.GetGrain<IPartnershipGrain>(world.PartnershipId).Create(Sample.Partnership(world.FirstCityId, world.SecondCityId));
        await grains.GetGrain<IProgrammeGrain>(world.ProgrammeId).Create(Sample.Programme(world.PartnershipId));
        return world;
    }

    /// <summary>A pilot of this world with the sample KPI (and no templates).</summary>
    public async Task<string> CreatePilotWithKpiAsync(IGrainFactory grains, PilotKind kind = PilotKind.Compost)
    {
        var pilotId = Ids.New("pilot");
        var pilot = grains.GetGrain<IPilotGrain>(pilotId);
        await pilot.Create(Sample.Pilot(this, kind), KpiTemplateChoice.None);
        await pilot.DefineKpi(Sample.Kpi());
        return pilotId;
    }
}
