using Cooperation.Contracts.Cities;
using Cooperation.Contracts.Common;
using Cooperation.Contracts.Mous;
using Cooperation.Contracts.Organisations;
using Cooperation.Contracts.Partnerships;
using Cooperation.Contracts.Pilots;
using Cooperation.Silo.Hosting;

namespace Cooperation.Silo.Partnerships;

/// <summary>
/// A partnership between two cities; holds its members and the ids of its programmes, pilots
/// and MoUs, and rolls up their progress.
/// </summary>
public sealed class PartnershipGrain(
    [PersistentState("partnership", StorageNames.Domain)] IPersistentState<PartnershipState> state,
    TimeProvider clock) : Grain, IPartnershipGrain
{
    private string Id => this.GetPrimaryKeyString();

    /// <inheritdoc/>
    public async Task<PartnershipView> Create(PartnershipDefinition definition)
    {
        Field.Id(Id, "partnership_id");
        definition.Validate();
        if (state.State.Definition is { } existing && existing != definition)
        {
            // Completes a listing an earlier create may have left undone, then refuses.
            await Task.WhenAll(existing.CityIds.Select(id => GrainFactory.GetGrain<ICityGrain>(id).AttachPartnership(Id)));
            throw new EntityExistsException("partnership", Id);
        }
        var cities = definition.CityIds.Select(id => GrainFactory.GetGrain<ICityGrain>(id)).ToArray();
        if (state.State.Definition is null)
        {
            await Task.WhenAll(cities.Select(city => city.Get()));
            await state.CommitAsync(new PartnershipState { Definition = definition, CreatedAt = clock.GetUtcNow() }, this);
        }
        // Also on a repeat: converges after a failure between the writes.
        await Task.WhenAll(cities.Select(city => city.AttachPartnership(Id)));
        return View();
    }

    /// <inheritdoc/>
    public Task<PartnershipView> Get() => Task.FromResult(View());

    /// <inheritdoc/>
    public async Task<PartnershipView> SetMember(PartnershipMember member)
    {
        RequireExists();
        Field.Id(member.OrganisationId, "organisation_id");
        Field.Choice(member.Role, "role");
        if (state.State.Members.Contains(member))
            return View();
        await GrainFactory.GetGrain<IOrganisationGrain>(member.OrganisationId).Get();
        var members = state.State.Members;
        await state.CommitAsync(state.State with
        {
            Members = members.Any(m => m.OrganisationId == member.OrganisationId)
                ? members.Replace(m => m.OrganisationId == member.OrganisationId, member)
                : members.Add(member),
        }, this);
        return View();
    }

    /// <inheritdoc/>
    public async Task<ValueList<PilotSummary>> ListPilots()
    {
        RequireExists();
        return await Task.WhenAll(state.State.PilotIds.Select(id => GrainFactory.GetGrain<IPilotGrain>(id).GetSummary()));
    }

    /// <inheritdoc/>
    public async Task<ValueList<MouView>> ListMous()
    {
        RequireExists();
        return await Task.WhenAll(state.State.MouIds.Select(id => GrainFactory.GetGrain<IMouGrain>(id).Get()));
    }

    /// <inheritdoc/>
    public async Task<PartnershipProgress> GetProgress()
    {
        var pilots = ListPilots();
        var mous = ListMous();
        return PartnershipRollup.Compute(Id, await pilots, await mous);
    }

    /// <inheritdoc/>
    public Task AttachProgramme(string programmeId) => AttachAsync(state.State.ProgrammeIds, programmeId, (s, ids) => s with { ProgrammeIds = ids });

    /// <inheritdoc/>
    public Task AttachPilot(string pilotId) => AttachAsync(state.State.PilotIds, pilotId, (s, ids) => s with { PilotIds = ids });

    /// <inheritdoc/>
    public Task AttachMou(string mouId) => AttachAsync(state.State.MouIds, mouId, (s, ids) => s with { MouIds = ids });

    private async Task AttachAsync(ValueList<string> ids, string id, Func<PartnershipState, ValueList<string>, PartnershipState> with)
    {
        RequireExists();
        if (!ids.Contains(id))
            await state.CommitAsync(with(state.State, ids.Add(id)), this);
    }

    private PartnershipView View()
    {
        var definition = RequireExists();
        var s = state.State;
        return new PartnershipView(Id, definition, s.Members, s.ProgrammeIds, s.PilotIds, s.MouIds);
    }

    private PartnershipDefinition RequireExists() =>
        state.State.Definition ?? throw new EntityNotFoundException("partnership", Id);
}
