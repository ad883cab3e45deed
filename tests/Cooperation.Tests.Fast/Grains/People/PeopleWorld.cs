using Cooperation.Contracts.Access;
using Cooperation.Contracts.DonorReports;
using Cooperation.Contracts.Organisations;
using Cooperation.Contracts.Partnerships;
using Cooperation.Contracts.People;
using Cooperation.Tests.Support;

namespace Cooperation.Tests.Grains.People;

/// <summary>
/// A demo-like world for people's accounts: Hai Phong's foreign-affairs office and Kitakyushu's
/// city government are members of the two cities' partnership (with the agency and the donor of
/// <see cref="World"/>), and an organisation of a third city stays outside it.
/// </summary>
/// <param name="World">Cities, agency, donor, partnership.</param>
/// <param name="OfficeId">Hai Phong's foreign-affairs office (a city department of the first city).</param>
/// <param name="PartnerCityId">Kitakyushu's city government (second city), a member of the partnership.</param>
/// <param name="OutsiderId">A partner agency of a third city, in no partnership.</param>
/// <param name="StrangerId">A partner agency of the second city that is not a member of the partnership.</param>
internal sealed record PeopleWorld(World World, string OfficeId, string PartnerCityId, string OutsiderId, string StrangerId)
{
    public Caller Admin { get; } = new("platform", Role.Admin, "key-admin", "");

    public Caller Office => new(OfficeId, Role.CityOffice, "key-office", World.FirstCityId);

    public Caller Agency => new(World.AgencyId, Role.PartnerAgency, "key-agency", World.FirstCityId);

    public Caller Donor => new(World.DonorId, Role.Donor, "key-donor", World.SecondCityId);

    public static async Task<PeopleWorld> CreateAsync(IGrainFactory grains)
    {
        var world = await World.CreateAsync(grains);
        var people = new PeopleWorld(world, Ids.New("office"), Ids.New("partner-city"), Ids.New("outsider"), Ids.New("stranger"));
        var thirdCity = Ids.New("city");
        await grains.GetGrain<Contracts.Cities.ICityGrain>(thirdCity).Create(Sample.HaiPhong());
        await grains.GetGrain<IOrganisationGrain>(people.OfficeId).Create(Sample.Organisation(world.FirstCityId, OrganisationKind.CityDepartment));
        await grains.GetGrain<IOrganisationGrain>(people.PartnerCityId).Create(Sample.Organisation(world.SecondCityId, OrganisationKind.CityGovernment));
        await grains.GetGrain<IOrganisationGrain>(people.OutsiderId).Create(Sample.Organisation(thirdCity));
        await grains.GetGrain<IOrganisationGrain>(people.StrangerId).Create(Sample.Organisation(world.SecondCityId));
        var partnership = grains.GetGrain<IPartnershipGrain>(world.PartnershipId);
        await partnership.SetMember(new PartnershipMember(people.OfficeId, PartnershipRole.Coordinator));
        await partnership.SetMember(new PartnershipMember(people.PartnerCityId, PartnershipRole.Coordinator));
        await partnership.SetMember(new PartnershipMember(world.AgencyId, PartnershipRole.Implementer));
        await partnership.SetMember(new PartnershipMember(world.DonorId, PartnershipRole.Donor));
        return people;
    }

    /// <summary>A fresh person's definition for <paramref name="organisationId"/>.</summary>
    public static AccountDefinition Person(string organisationId, Role role = Role.PartnerAgency) =>
        new($"{Ids.New("person")}@example.org", "Nguyễn Thị Lan", organisationId, role, ReportLanguage.Vi);
}

/// <summary>Calls made as a given caller.</summary>
internal static class Acting
{
    /// <summary>Runs <paramref name="call"/> as <paramref name="caller"/>; the test's own caller is unchanged after it.</summary>
    public static async Task<T> As<T>(Caller caller, Func<Task<T>> call)
    {
        CallerContext.Set(caller);
        return await call();
    }

    /// <summary>Runs <paramref name="call"/> with no caller at all (a person following a link, not signed in).</summary>
    public static Task<T> Anonymously<T>(Func<Task<T>> call) => As(Caller.Anonymous, call);
}
