using Cooperation.Contracts.Cities;
using Cooperation.Contracts.Mous;
using Cooperation.Contracts.Partnerships;
using Cooperation.Contracts.Pilots;
using Cooperation.Web.Reading;

namespace Cooperation.Web.Pages.Mous;

/// <summary>
/// An MoU (<c>/mous/{id}</c>) as its grain shows it to the person (its parties, the partnership's
/// offices, admins): parties and their signatures, status and expiry flag, commitments with their
/// owners, due dates and the overdue ones marked, and the pilots it concerns (linked where the
/// person may read them), and its history a page at a time with the person who signed or changed
/// it. Times are read in the partnership's first city, whose calendar the MoU keeps.
/// </summary>
public sealed partial class IndexModel(IGrainFactory grains) : ReadPage(grains)
{
    /// <summary>The MoU.</summary>
    public MouView Mou { get; private set; } = null!;

    /// <summary>Its partnership, when the person may read it.</summary>
    public PartnershipDefinition? Partnership { get; private set; }

    /// <summary>The pilots it concerns that the person may read, by id.</summary>
    public IReadOnlyDictionary<string, PilotSummary> Pilots { get; private set; } = new Dictionary<string, PilotSummary>();

    /// <summary>The time zone its dates pass in (the partnership's first city's); UTC when the person may not read the partnership.</summary>
    public string? TimeZone { get; private set; }

    /// <summary>Whether the person may manage the MoU (the grain's decision): the page links to the commitment form.</summary>
    public bool MayManage { get; private set; }

    /// <summary>The sentence confirming the last change (query <c>changed</c>: created, commitment), or null.</summary>
    public string? Confirmation => Request.Query["changed"].ToString() switch
    {
        "created" => W["manage.mou.done-created"],
        "commitment" => W["manage.mou.done-commitment"],
        _ => null,
    };

    /// <summary>A page of its history: signatures, commitments and changes, with the people who acted.</summary>
    internal HistoryRows History { get; private set; } = new([], null);

    /// <summary>The history section, paged by the query parameter <c>before</c>.</summary>
    internal HistorySection HistorySection => new(this, History, TimeZone,
        before => $"/mous/{Mou.MouId}" + (before is { } b ? $"?{HistoryRows.Parameter}={b}" : "") + "#history-heading");

    /// <summary>Reads the MoU and what its page names.</summary>
    public async Task OnGetAsync(string id)
    {
        var grain = Grains.GetGrain<IMouGrain>(PathId(id, "MoU"));
        // The MoU first: a person who may not read it is refused before anything else is read.
        Mou = await grain.Get();
        var history = HistoryAsync(grain);
        var mayManage = grain.MayManage();
        var definition = Mou.Definition;
        var partnership = Grains.GetGrain<IPartnershipGrain>(definition.PartnershipId).GetDefinitionIfReadable();
        var pilots = Task.WhenAll(definition.LinkedPilotIds.Select(p => Grains.GetGrain<IPilotGrain>(p).GetSummaryIfReadable()));
        Partnership = await partnership;
        Pilots = (await pilots).OfType<PilotSummary>().ToDictionary(p => p.PilotId);
        if (Partnership is not null)
            TimeZone = (await Records.CityAsync(Partnership.FirstCityId)).TimeZone;
        // Before naming the parties: the history names its own organisations first.
        History = await history;
        await NameOrganisationsAsync([.. definition.PartyOrganisationIds, .. Mou.Commitments.Select(c => c.Definition.OwnerOrganisationId)]);
        SignedOn = Today();
        MayManage = await mayManage;
    }
}
