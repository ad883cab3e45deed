using Cooperation.Contracts.Access;
using Cooperation.Contracts.Cities;
using Cooperation.Contracts.Partnerships;

namespace Cooperation.Web.People;

/// <summary>
/// The organisations to offer a person who manages people: their own, and the members of the
/// partnerships of their city they may read (as themselves: what they cannot read is not offered).
/// Any other id may still be typed; the account grains decide.
/// </summary>
internal sealed class OrganisationChoices(IGrainFactory grains)
{
    /// <summary>The organisation ids to offer <paramref name="caller"/>, sorted.</summary>
    public async Task<IReadOnlyList<string>> ForAsync(Caller caller)
    {
        var ids = new SortedSet<string>(StringComparer.Ordinal) { caller.OrganisationId };
        if (caller.Role != Role.CityOffice || caller.CityId.Length == 0)
            return [.. ids];
        var city = await grains.GetGrain<ICityGrain>(caller.CityId).Get();
        var partnerships = await Task.WhenAll(city.PartnershipIds.Select(id => grains.GetGrain<IPartnershipGrain>(id).GetIfReadable()));
        foreach (var member in partnerships.OfType<PartnershipView>().SelectMany(p => p.Members))
            ids.Add(member.OrganisationId);
        return [.. ids];
    }
}
