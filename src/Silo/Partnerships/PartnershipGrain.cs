using Cooperation.Contracts.Common;
using Cooperation.Contracts.Partnerships;
using Cooperation.Silo.Hosting;

namespace Cooperation.Silo.Partnerships;

/// <summary>A partnership between two cities; holds the list of its pilots.</summary>
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
        if (state.State.Definition is { } existing)
            return existing == definition ? View() : throw new EntityExistsException("partnership", Id);

        await state.CommitAsync(new PartnershipState { Definition = definition, CreatedAt = clock.GetUtcNow() }, this);
        return View();
    }

    /// <inheritdoc/>
    public Task<PartnershipView> Get() => Task.FromResult(View());

    /// <inheritdoc/>
    public async Task AttachPilot(string pilotId)
    {
        RequireExists();
        if (state.State.PilotIds.Contains(pilotId))
            return;
        await state.CommitAsync(state.State with { PilotIds = [.. state.State.PilotIds, pilotId] }, this);
    }

    private PartnershipView View()
    {
        var definition = RequireExists();
        return new PartnershipView(Id, definition, state.State.PilotIds.ToArray());
    }

    private PartnershipDefinition RequireExists() =>
        state.State.Definition ?? throw new EntityNotFoundException("partnership", Id);
}
