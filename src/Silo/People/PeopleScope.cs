using Cooperation.Contracts.Access;
using Cooperation.Contracts.Cities;
using Cooperation.Contracts.Partnerships;

namespace Cooperation.Silo.People;

/// <summary>
/// Who manages an organisation's people (<see cref="Permission.ManagePeople"/>): the scope is the
/// cities of the partnerships the organisation is a member of, and its own city (the office of a
/// city manages its city's organisations). The one computation of it, for the account grain and
/// the directory.
/// </summary>
internal static class PeopleScope
{
    /// <summary>
    /// The scope of the people of <paramref name="organisationId"/> (based in <paramref name="cityId"/>)
    /// as far as it decides for <paramref name="caller"/>. An organisation does not list its
    /// partnerships but a city does, so a city office's own city is in the scope when one of that
    /// city's partnerships has the organisation as a member: the same answer
    /// <see cref="AccessPolicy"/> gives on the full scope, for a handful of reads. Others need no
    /// reads: admins may anything, partner agencies and donors manage no people.
    /// </summary>
    public static async Task<AccessScope> OfAsync(IGrainFactory grains, string organisationId, string cityId, Caller caller)
    {
        if (caller.Role != Role.CityOffice || caller.CityId == cityId || caller.CityId.Length == 0)
            return AccessScope.OfCities(cityId.Length == 0 ? [] : [cityId]);
        // The reads judge the caller, who is then judged on their result (they may not read every partnership).
        var partnerships = await CallerContext.AsPlatformAsync(async () =>
        {
            var city = await grains.GetGrain<ICityGrain>(caller.CityId).Get();
            return await Task.WhenAll(city.PartnershipIds.Select(id => grains.GetGrain<IPartnershipGrain>(id).Get()));
        });
        var cities = partnerships.Where(p => p.Members.Any(m => m.OrganisationId == organisationId))
            .SelectMany(p => p.Definition.CityIds).Append(cityId).Where(c => c.Length > 0).Distinct();
        return AccessScope.OfCities(cities);
    }
}
