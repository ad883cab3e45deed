using Cooperation.Contracts.Access;
using Cooperation.Contracts.Cities;
using Cooperation.Contracts.Common;
using Cooperation.Contracts.Mous;
using Cooperation.Contracts.Organisations;
using Cooperation.Contracts.Partnerships;
using Cooperation.Contracts.Pilots;
using Cooperation.Contracts.Submissions;
using Cooperation.Silo.Hosting;
using Cooperation.Silo.Journal;
using Microsoft.Extensions.Logging;

namespace Cooperation.Silo.Partnerships;

/// <summary>
/// A partnership between two cities; holds its members and the ids of its programmes, pilots
/// and MoUs, and rolls up their progress.
/// </summary>
public sealed class PartnershipGrain(
    [PersistentState("partnership", StorageNames.Domain)] IPersistentState<EntitySnapshot<PartnershipState>> snapshot,
    IEventJournal journal,
    TimeProvider clock,
    ILogger<PartnershipGrain> logger) : EventSourcedGrain<PartnershipState>(snapshot, journal, clock, logger), IPartnershipGrain
{
    /// <inheritdoc/>
    protected override string EntityType => "partnership";

    /// <inheritdoc/>
    protected override PartnershipState Initial => new();

    /// <inheritdoc/>
    protected override PartnershipState Apply(PartnershipState state, JournalEntry entry) => PartnershipEvents.Apply(state, entry);

    /// <inheritdoc/>
    protected override string? ScopeOf(PartnershipState state) => state.Definition is null ? null : Id;

    /// <inheritdoc/>
    public async Task<PartnershipView> Create(PartnershipDefinition definition)
    {
        Field.Id(Id, "partnership_id");
        definition.Validate();
        AccessPolicy.Require(Permission.ManagePartnership, Scope ?? AccessScope.OfCities(definition.CityIds), "partnership", Id);
        if (State.Definition is { } existing && existing != definition)
        {
            // Completes a listing an earlier create may have left undone, then refuses.
            await Task.WhenAll(existing.CityIds.Select(id => GrainFactory.GetGrain<ICityGrain>(id).AttachPartnership(Id)));
            throw new EntityExistsException("partnership", Id);
        }
        var cities = definition.CityIds.Select(id => GrainFactory.GetGrain<ICityGrain>(id)).ToArray();
        if (State.Definition is null)
        {
            await Task.WhenAll(cities.Select(city => city.Get()));
            await RaiseAsync(new PartnershipCreated(definition));
        }
        // Also on a repeat: converges after a failure between the writes.
        await Task.WhenAll(cities.Select(city => city.AttachPartnership(Id)));
        return View();
    }

    /// <inheritdoc/>
    public Task<PartnershipView> Get()
    {
        Authorize(Permission.ReadPartnership);
        return Task.FromResult(View());
    }

    /// <inheritdoc/>
    public Task<PartnershipView?> GetIfReadable() =>
        Task.FromResult(Scope is { } scope && AccessPolicy.Allows(CallerContext.Current, Permission.ReadPartnership, scope) ? View() : null);

    /// <inheritdoc/>
    public async Task<PartnershipView> SetMember(PartnershipMember member)
    {
        Authorize(Permission.ManagePartnership);
        Field.Id(member.OrganisationId, "organisation_id");
        Field.Choice(member.Role, "role");
        if (State.Members.Contains(member))
            return View();
        await GrainFactory.GetGrain<IOrganisationGrain>(member.OrganisationId).Get();
        await RaiseAsync(new PartnershipMemberSet(member));
        return View();
    }

    /// <inheritdoc/>
    public async Task<ValueList<PilotSummary>> ListPilots(FigureBasis basis = FigureBasis.All)
    {
        Authorize(Permission.ReadPartnership);
        return await Task.WhenAll(State.PilotIds.Select(id => GrainFactory.GetGrain<IPilotGrain>(id).GetSummary(basis)));
    }

    /// <inheritdoc/>
    public async Task<ValueList<MouView>> ListMous()
    {
        Authorize(Permission.ReadPartnership);
        // Whoever may read the partnership may read its list of MoUs.
        CallerContext.ActAsPlatform();
        return await Task.WhenAll(State.MouIds.Select(id => GrainFactory.GetGrain<IMouGrain>(id).Get()));
    }

    /// <inheritdoc/>
    public async Task<PartnershipProgress> GetProgress(FigureBasis basis = FigureBasis.All)
    {
        var pilots = ListPilots(basis);
        var mous = ListMous();
        return PartnershipRollup.Compute(Id, await pilots, await mous, basis);
    }

    /// <inheritdoc/>
    public Task AttachProgramme(string programmeId) => AttachAsync(State.ProgrammeIds, programmeId, new ProgrammeAttached(programmeId));

    /// <inheritdoc/>
    public Task AttachPilot(string pilotId) => AttachAsync(State.PilotIds, pilotId, new PilotAttached(pilotId));

    /// <inheritdoc/>
    public Task AttachMou(string mouId) => AttachAsync(State.MouIds, mouId, new MouAttached(mouId));

    private async Task AttachAsync(ValueList<string> ids, string id, IEntityEvent attached)
    {
        RequireExists();
        if (!ids.Contains(id))
            await RaiseAsync(attached);
    }

    /// <summary>Who takes part, for access; null while the partnership does not exist.</summary>
    private AccessScope? Scope => State.Definition is null ? null : View().AccessScope;

    private void Authorize(Permission permission) => AccessPolicy.Require(permission, Scope, "partnership", Id);

    /// <inheritdoc/>
    protected override void AuthorizeRead() => Authorize(Permission.ReadPartnership);

    private PartnershipView View()
    {
        var definition = RequireExists();
        var s = State;
        return new PartnershipView(Id, definition, s.Members, s.ProgrammeIds, s.PilotIds, s.MouIds);
    }

    private PartnershipDefinition RequireExists() =>
        State.Definition ?? throw new EntityNotFoundException("partnership", Id);
}
