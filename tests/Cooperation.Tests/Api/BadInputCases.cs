using Cooperation.Tests.Support;
using Grpc.Core;
using static Cooperation.Tests.Api.BadInputCase;
using Proto = Cooperation.Contracts.Grpc;

namespace Cooperation.Tests.Api;

/// <summary>A call with bad input, the status it must get, and the field it must name (InvalidArgument).</summary>
public sealed record BadInputCase(Func<ApiFixture, BadInputWorld, Task> Call, StatusCode Code, string? Field = null)
{
    /// <summary>Shorthand for a case.</summary>
    public static BadInputCase Case(Func<ApiFixture, BadInputWorld, Task> call, StatusCode code, string? field = null) => new(call, code, field);

    /// <summary>A request changed in place, for one case's variation.</summary>
    public static T With<T>(T request, Action<T> change)
    {
        change(request);
        return request;
    }

    /// <summary>InvalidArgument.</summary>
    public const StatusCode Invalid = StatusCode.InvalidArgument;

    /// <summary>NotFound.</summary>
    public const StatusCode NotFound = StatusCode.NotFound;

    /// <summary>AlreadyExists.</summary>
    public const StatusCode Exists = StatusCode.AlreadyExists;

    /// <summary>FailedPrecondition.</summary>
    public const StatusCode Precondition = StatusCode.FailedPrecondition;
}

/// <summary>Bad input for every RPC. Keys start with the RPC's name.</summary>
public static class BadInputCases
{
    /// <summary>Cities, organisations, partnerships and programmes.</summary>
    public static readonly Dictionary<string, BadInputCase> Domain = new()
    {
        ["CreateCity: empty id"] = Case((a, w) => a.Cities.CreateCityAsync(Requests.City("")).ResponseAsync, Invalid, "city_id"),
        ["CreateCity: unknown time zone"] = Case((a, w) => a.Cities.CreateCityAsync(With(Requests.City(w.NewId), r => r.TimeZone = "Vietnam")).ResponseAsync, Invalid, "time_zone"),
        ["CreateCity: country not ISO"] = Case((a, w) => a.Cities.CreateCityAsync(With(Requests.City(w.NewId), r => r.CountryCode = "VNM")).ResponseAsync, Invalid, "country_code"),
        ["CreateCity: no names"] = Case((a, w) => a.Cities.CreateCityAsync(With(Requests.City(w.NewId), r => r.Names = null)).ResponseAsync, Invalid, "names"),
        ["CreateCity: id taken"] = Case((a, w) => a.Cities.CreateCityAsync(With(Requests.City(w.World.FirstCityId), r => r.TimeZone = "Asia/Tokyo")).ResponseAsync, Exists),
        ["GetCity: empty id"] = Case((a, w) => a.Cities.GetCityAsync(new()).ResponseAsync, Invalid, "city_id"),
        ["GetCity: unknown"] = Case((a, w) => a.Cities.GetCityAsync(new() { CityId = w.NewId }).ResponseAsync, NotFound),
        ["ListCityPartnerships: unknown"] = Case((a, w) => a.Cities.ListCityPartnershipsAsync(new() { CityId = w.NewId }).ResponseAsync, NotFound),
        ["ListCityPartnerships: empty id"] = Case((a, w) => a.Cities.ListCityPartnershipsAsync(new()).ResponseAsync, Invalid, "city_id"),
        ["RecordCityIndex: unknown city"] = Case((a, w) => a.Cities.RecordCityIndexAsync(Index(w.NewId)).ResponseAsync, NotFound),
        ["RecordCityIndex: no components"] = Case((a, w) => a.Cities.RecordCityIndexAsync(With(Index(w.World.FirstCityId), r => r.Components.Clear())).ResponseAsync, Invalid, "components"),
        ["RecordCityIndex: NaN score"] = Case((a, w) => a.Cities.RecordCityIndexAsync(With(Index(w.World.FirstCityId), r => r.Components[0].Score = double.NaN)).ResponseAsync, Invalid, "components[0].score"),
        ["RecordCityIndex: year"] = Case((a, w) => a.Cities.RecordCityIndexAsync(With(Index(w.World.FirstCityId), r => r.Year = 1800)).ResponseAsync, Invalid, "year"),

        ["CreateOrganisation: empty id"] = Case((a, w) => a.Organisations.CreateOrganisationAsync(Requests.Organisation("", w.World.FirstCityId, Proto.OrganisationKind.Donor)).ResponseAsync, Invalid, "organisation_id"),
        ["CreateOrganisation: no kind"] = Case((a, w) => a.Organisations.CreateOrganisationAsync(Requests.Organisation(w.NewId, w.World.FirstCityId, Proto.OrganisationKind.Unspecified)).ResponseAsync, Invalid, "kind"),
        ["CreateOrganisation: unknown city"] = Case((a, w) => a.Organisations.CreateOrganisationAsync(Requests.Organisation(w.NewId, "nowhere-" + w.NewId, Proto.OrganisationKind.Donor)).ResponseAsync, NotFound),
        ["CreateOrganisation: id taken"] = Case((a, w) => a.Organisations.CreateOrganisationAsync(Requests.Organisation(w.World.AgencyId, w.World.FirstCityId, Proto.OrganisationKind.Donor)).ResponseAsync, Exists),
        ["GetOrganisation: empty id"] = Case((a, w) => a.Organisations.GetOrganisationAsync(new()).ResponseAsync, Invalid, "organisation_id"),
        ["GetOrganisation: unknown"] = Case((a, w) => a.Organisations.GetOrganisationAsync(new() { OrganisationId = w.NewId }).ResponseAsync, NotFound),

        ["CreatePartnership: empty id"] = Case((a, w) => a.Partnerships.CreatePartnershipAsync(Requests.Partnership("", w.World.FirstCityId, w.World.SecondCityId)).ResponseAsync, Invalid, "partnership_id"),
        ["CreatePartnership: one city twice"] = Case((a, w) => a.Partnerships.CreatePartnershipAsync(Requests.Partnership(w.NewId, w.World.FirstCityId, w.World.FirstCityId)).ResponseAsync, Invalid, "second_city_id"),
        ["CreatePartnership: no relations"] = Case((a, w) => a.Partnerships.CreatePartnershipAsync(With(Requests.Partnership(w.NewId, w.World.FirstCityId, w.World.SecondCityId), r => r.Relations.Clear())).ResponseAsync, Invalid, "relations"),
        ["CreatePartnership: no relation kind"] = Case((a, w) => a.Partnerships.CreatePartnershipAsync(With(Requests.Partnership(w.NewId, w.World.FirstCityId, w.World.SecondCityId), r => r.Relations[0].Kind = Proto.RelationKind.Unspecified)).ResponseAsync, Invalid, "relations[0].kind"),
        ["CreatePartnership: stages out of order"] = Case((a, w) => a.Partnerships.CreatePartnershipAsync(With(Requests.Partnership(w.NewId, w.World.FirstCityId, w.World.SecondCityId), r => r.Relations[1].SinceYear = 2000)).ResponseAsync, Invalid, "relations[1].since_year"),
        ["CreatePartnership: unknown city"] = Case((a, w) => a.Partnerships.CreatePartnershipAsync(Requests.Partnership(w.NewId, w.World.FirstCityId, "nowhere-" + w.NewId)).ResponseAsync, NotFound),
        ["CreatePartnership: id taken"] = Case((a, w) => a.Partnerships.CreatePartnershipAsync(Requests.Partnership(w.World.PartnershipId, w.World.SecondCityId, w.World.FirstCityId)).ResponseAsync, Exists),
        ["GetPartnership: empty id"] = Case((a, w) => a.Partnerships.GetPartnershipAsync(new()).ResponseAsync, Invalid, "partnership_id"),
        ["GetPartnership: unknown"] = Case((a, w) => a.Partnerships.GetPartnershipAsync(new() { PartnershipId = w.NewId }).ResponseAsync, NotFound),
        ["SetPartnershipMember: no role"] = Case((a, w) => a.Partnerships.SetPartnershipMemberAsync(new() { PartnershipId = w.World.PartnershipId, OrganisationId = w.World.AgencyId }).ResponseAsync, Invalid, "role"),
        ["SetPartnershipMember: unknown organisation"] = Case((a, w) => a.Partnerships.SetPartnershipMemberAsync(new() { PartnershipId = w.World.PartnershipId, OrganisationId = w.NewId, Role = Proto.PartnershipRole.Donor }).ResponseAsync, NotFound),
        ["SetPartnershipMember: organisation id"] = Case((a, w) => a.Partnerships.SetPartnershipMemberAsync(new() { PartnershipId = w.World.PartnershipId, OrganisationId = "JICA", Role = Proto.PartnershipRole.Donor }).ResponseAsync, Invalid, "organisation_id"),
        ["SetPartnershipMember: unknown partnership"] = Case((a, w) => a.Partnerships.SetPartnershipMemberAsync(new() { PartnershipId = w.NewId, OrganisationId = w.World.AgencyId, Role = Proto.PartnershipRole.Donor }).ResponseAsync, NotFound),
        ["ListPartnershipPilots: unknown"] = Case((a, w) => a.Partnerships.ListPartnershipPilotsAsync(new() { PartnershipId = w.NewId }).ResponseAsync, NotFound),
        ["ListPartnershipPilots: empty id"] = Case((a, w) => a.Partnerships.ListPartnershipPilotsAsync(new()).ResponseAsync, Invalid, "partnership_id"),
        ["ListPartnershipMous: unknown"] = Case((a, w) => a.Partnerships.ListPartnershipMousAsync(new() { PartnershipId = w.NewId }).ResponseAsync, NotFound),
        ["GetPartnershipProgress: unknown"] = Case((a, w) => a.Partnerships.GetPartnershipProgressAsync(new() { PartnershipId = w.NewId }).ResponseAsync, NotFound),

        ["CreateProgramme: empty id"] = Case((a, w) => a.Programmes.CreateProgrammeAsync(Requests.Programme("", w.World.PartnershipId)).ResponseAsync, Invalid, "programme_id"),
        ["CreateProgramme: no owner kind"] = Case((a, w) => a.Programmes.CreateProgrammeAsync(With(Requests.Programme(w.NewId, w.World.PartnershipId), r => r.OwnerKind = Proto.ProgrammeOwnerKind.Unspecified)).ResponseAsync, Invalid, "owner_kind"),
        ["CreateProgramme: bad start"] = Case((a, w) => a.Programmes.CreateProgrammeAsync(With(Requests.Programme(w.NewId, w.World.PartnershipId), r => r.Start = "2014")).ResponseAsync, Invalid, "start"),
        ["CreateProgramme: end before start"] = Case((a, w) => a.Programmes.CreateProgrammeAsync(With(Requests.Programme(w.NewId, w.World.PartnershipId), r => r.End = "2013-12-31")).ResponseAsync, Invalid, "end"),
        ["CreateProgramme: unknown owner"] = Case((a, w) => a.Programmes.CreateProgrammeAsync(Requests.Programme(w.NewId, "nowhere-" + w.NewId)).ResponseAsync, NotFound),
        ["CreateProgramme: id taken"] = Case((a, w) => a.Programmes.CreateProgrammeAsync(With(Requests.Programme(w.World.ProgrammeId, w.World.PartnershipId), r => r.Start = "2015-01-01")).ResponseAsync, Exists),
        ["GetProgramme: empty id"] = Case((a, w) => a.Programmes.GetProgrammeAsync(new()).ResponseAsync, Invalid, "programme_id"),
        ["GetProgramme: unknown"] = Case((a, w) => a.Programmes.GetProgrammeAsync(new() { ProgrammeId = w.NewId }).ResponseAsync, NotFound),
    };

    private static Proto.RecordCityIndexRequest Index(string cityId) => new()
    {
        CityId = cityId,
        IndexCode = "pgi",
        Name = new() { En = "PGI" },
        Year = 2023,
        Components = { new Proto.IndexComponent { Code = "a", Name = new() { En = "A" }, Score = 7.41 } },
    };
}
