using Cooperation.Contracts.Cities;
using Cooperation.Contracts.Common;
using Cooperation.Contracts.Organisations;
using Cooperation.Silo.Hosting;

namespace Cooperation.Silo.Organisations;

/// <summary>An organisation: a city government or department, agency, park, enterprise or donor.</summary>
public sealed class OrganisationGrain(
    [PersistentState("organisation", StorageNames.Domain)] IPersistentState<OrganisationState> state) : Grain, IOrganisationGrain
{
    private string Id => this.GetPrimaryKeyString();

    /// <inheritdoc/>
    public async Task<OrganisationView> Create(OrganisationDefinition definition)
    {
        Field.Id(Id, "organisation_id");
        definition.Validate();
        if (state.State.Definition is { } existing)
            return existing == definition ? new(Id, existing) : throw new EntityExistsException("organisation", Id);
        await GrainFactory.GetGrain<ICityGrain>(definition.CityId).Get();
        await state.CommitAsync(new OrganisationState { Definition = definition }, this);
        return new(Id, definition);
    }

    /// <inheritdoc/>
    public Task<OrganisationView> Get() =>
        Task.FromResult(new OrganisationView(Id, state.State.Definition ?? throw new EntityNotFoundException("organisation", Id)));
}
