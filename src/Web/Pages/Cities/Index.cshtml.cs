using Cooperation.Contracts.Cities;
using Cooperation.Contracts.Partnerships;
using Cooperation.Contracts.Programmes;
using Cooperation.Web.Reading;

namespace Cooperation.Web.Pages.Cities;

/// <summary>
/// A city (<c>/cities/{id}</c>): anyone signed in reads it; its composite indices (such as the
/// Provincial Green Index) with their components by year, and the partnerships and programmes it
/// takes part in that the person may read (the city's grain lists only those).
/// </summary>
public sealed class IndexModel(IGrainFactory grains) : ReadPage(grains)
{
    /// <summary>The city.</summary>
    public CityView City { get; private set; } = null!;

    /// <summary>Its indices, a table each.</summary>
    internal IReadOnlyList<IndexTable> Indices { get; private set; } = [];

    /// <summary>Its partnerships the person may read.</summary>
    public IReadOnlyList<PartnershipView> Partnerships { get; private set; } = [];

    /// <summary>Its own programmes the person may read.</summary>
    public IReadOnlyList<ProgrammeView> Programmes { get; private set; } = [];

    /// <summary>Reads the city and what it lists.</summary>
    public async Task OnGetAsync(string id)
    {
        City = await Grains.GetGrain<ICityGrain>(PathId(id, "city")).Get();
        Indices = IndexTable.Of(City.Indices);
        var partnerships = Task.WhenAll(City.PartnershipIds.Select(p => Grains.GetGrain<IPartnershipGrain>(p).GetIfReadable()));
        var programmes = Task.WhenAll(City.ProgrammeIds.Select(p => Grains.GetGrain<IProgrammeGrain>(p).Get()));
        Partnerships = [.. (await partnerships).OfType<PartnershipView>()];
        Programmes = await programmes;
    }
}
