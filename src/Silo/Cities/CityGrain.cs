using Cooperation.Contracts.Access;
using Cooperation.Contracts.Cities;
using Cooperation.Contracts.Common;
using Cooperation.Contracts.Partnerships;
using Cooperation.Contracts.Programmes;
using Cooperation.Silo.Hosting;
using Cooperation.Silo.Journal;
using Microsoft.Extensions.Logging;

namespace Cooperation.Silo.Cities;

/// <summary>A city: what it is, what it takes part in, and its composite indices.</summary>
internal sealed class CityGrain(
    [PersistentState(EntityTypes.City, StorageNames.Domain)] IPersistentState<EntitySnapshot<CityState>> snapshot,
    IEventJournal journal,
    TimeProvider clock,
    ILogger<CityGrain> logger) : EventSourcedGrain<CityState>(snapshot, journal, clock, logger), ICityGrain
{
    /// <inheritdoc/>
    protected override string EntityType => EntityTypes.City;

    /// <inheritdoc/>
    protected override CityState Initial => new();

    /// <inheritdoc/>
    protected override CityState Apply(CityState state, JournalEntry entry) => CityEvents.Apply(state, entry);

    private CityDefinition Definition => State.Definition ?? throw new EntityNotFoundException("city", Id);

    /// <inheritdoc/>
    protected override void AuthorizeRead() =>
        AccessPolicy.Require(Permission.ReadReference, State.Definition is null ? null : AccessScope.OfCities([]), "city", Id);

    /// <inheritdoc/>
    public async Task<CityView> Create(CityDefinition definition)
    {
        Field.Id(Id, "city_id");
        AccessPolicy.Require(Permission.ManageReference, AccessScope.OfCities([]), "city", Id);
        definition.Validate();
        if (State.Definition is { } existing)
            return existing == definition ? View() : throw new EntityExistsException("city", Id);
        await RaiseAsync(new CityCreated(StoredCityDefinition.Of(definition)));
        return View();
    }

    /// <inheritdoc/>
    public async Task<CityView> Get()
    {
        AuthorizeRead();
        var view = View();
        if (AccessPolicy.SeesEverything(CallerContext.Current))
            return view;
        // Anyone reads a city; its partnerships and programmes only those who may read them.
        var partnerships = await Task.WhenAll(view.PartnershipIds.Select(id => GrainFactory.GetGrain<IPartnershipGrain>(id).IsReadable()));
        var programmes = await Task.WhenAll(view.ProgrammeIds.Select(id => GrainFactory.GetGrain<IProgrammeGrain>(id).IsReadable()));
        return view with
        {
            PartnershipIds = ValueList.Of(view.PartnershipIds.Where((_, i) => partnerships[i])),
            ProgrammeIds = ValueList.Of(view.ProgrammeIds.Where((_, i) => programmes[i])),
        };
    }

    /// <summary>That the city joined a partnership or owns a programme shows only to those who may read that one.</summary>
    protected override async ValueTask<bool> ShowsAsync(IEntityEvent @event) => @event switch
    {
        CityPartnershipAttached attached => await GrainFactory.GetGrain<IPartnershipGrain>(attached.PartnershipId).IsReadable(),
        CityProgrammeAttached attached => await GrainFactory.GetGrain<IProgrammeGrain>(attached.ProgrammeId).IsReadable(),
        _ => true,
    };

    /// <inheritdoc/>
    public async Task<CompositeIndex> RecordIndex(CompositeIndex index)
    {
        // A city's own figures: its office records them.
        AccessPolicy.Require(Permission.ManageReference, State.Definition is null ? null : AccessScope.OfCities([Id]), "city", Id);
        index.Validate();
        if (!State.Indices.Contains(index))
            await RaiseAsync(new CityIndexRecorded(StoredCompositeIndex.Of(index)));
        return index;
    }

    /// <inheritdoc/>
    public async Task AttachPartnership(string partnershipId)
    {
        _ = Definition;
        if (!State.PartnershipIds.Contains(partnershipId))
            await RaiseAsync(new CityPartnershipAttached(partnershipId));
    }

    /// <inheritdoc/>
    public async Task AttachProgramme(string programmeId)
    {
        _ = Definition;
        if (!State.ProgrammeIds.Contains(programmeId))
            await RaiseAsync(new CityProgrammeAttached(programmeId));
    }

    private CityView View() => new(Id, Definition, State.PartnershipIds, State.ProgrammeIds, State.Indices);
}
