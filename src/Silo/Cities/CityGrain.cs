using Cooperation.Contracts.Access;
using Cooperation.Contracts.Cities;
using Cooperation.Contracts.Common;
using Cooperation.Silo.Hosting;
using Cooperation.Silo.Journal;
using Microsoft.Extensions.Logging;

namespace Cooperation.Silo.Cities;

/// <summary>A city: what it is, what it takes part in, and its composite indices.</summary>
public sealed class CityGrain(
    [PersistentState("city", StorageNames.Domain)] IPersistentState<EntitySnapshot<CityState>> snapshot,
    IEventJournal journal,
    TimeProvider clock,
    ILogger<CityGrain> logger) : EventSourcedGrain<CityState>(snapshot, journal, clock, logger), ICityGrain
{
    /// <inheritdoc/>
    protected override string EntityType => "city";

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
        await RaiseAsync(new CityCreated(definition));
        return View();
    }

    /// <inheritdoc/>
    public Task<CityView> Get() => Task.FromResult(View());

    /// <inheritdoc/>
    public async Task<CompositeIndex> RecordIndex(CompositeIndex index)
    {
        // A city's own figures: its office records them.
        AccessPolicy.Require(Permission.ManageReference, State.Definition is null ? null : AccessScope.OfCities([Id]), "city", Id);
        index.Validate();
        if (!State.Indices.Contains(index))
            await RaiseAsync(new CityIndexRecorded(index));
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
