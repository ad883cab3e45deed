using Cooperation.Contracts.Cities;
using Cooperation.Contracts.Common;
using Cooperation.Silo.Hosting;

namespace Cooperation.Silo.Cities;

/// <summary>A city: what it is, what it takes part in, and its composite indices.</summary>
public sealed class CityGrain(
    [PersistentState("city", StorageNames.Domain)] IPersistentState<CityState> state) : Grain, ICityGrain
{
    private string Id => this.GetPrimaryKeyString();

    private CityDefinition Definition => state.State.Definition ?? throw new EntityNotFoundException("city", Id);

    /// <inheritdoc/>
    public async Task<CityView> Create(CityDefinition definition)
    {
        Field.Id(Id, "city_id");
        definition.Validate();
        if (state.State.Definition is { } existing)
            return existing == definition ? View() : throw new EntityExistsException("city", Id);
        await state.CommitAsync(new CityState { Definition = definition }, this);
        return View();
    }

    /// <inheritdoc/>
    public Task<CityView> Get() => Task.FromResult(View());

    /// <inheritdoc/>
    public async Task<CompositeIndex> RecordIndex(CompositeIndex index)
    {
        _ = Definition;
        index.Validate();
        var indices = state.State.Indices;
        bool Same(CompositeIndex i) => i.IndexCode == index.IndexCode && i.Year == index.Year;
        if (!indices.Contains(index))
        {
            await state.CommitAsync(state.State with
            {
                Indices = ValueList.Of(indices.Where(i => !Same(i)).Append(index)
                    .OrderBy(i => i.IndexCode, StringComparer.Ordinal).ThenBy(i => i.Year)),
            }, this);
        }
        return index;
    }

    /// <inheritdoc/>
    public async Task AttachPartnership(string partnershipId)
    {
        _ = Definition;
        if (!state.State.PartnershipIds.Contains(partnershipId))
            await state.CommitAsync(state.State with { PartnershipIds = state.State.PartnershipIds.Add(partnershipId) }, this);
    }

    /// <inheritdoc/>
    public async Task AttachProgramme(string programmeId)
    {
        _ = Definition;
        if (!state.State.ProgrammeIds.Contains(programmeId))
            await state.CommitAsync(state.State with { ProgrammeIds = state.State.ProgrammeIds.Add(programmeId) }, this);
    }

    private CityView View() => new(Id, Definition, state.State.PartnershipIds, state.State.ProgrammeIds, state.State.Indices);
}
