using Cooperation.Contracts.Access;
using Cooperation.Contracts.Audit;
using Cooperation.Contracts.Cities;
using Cooperation.Contracts.Common;
using Cooperation.Contracts.Mous;
using Cooperation.Contracts.Organisations;
using Cooperation.Contracts.Partnerships;
using Cooperation.Contracts.Pilots;
using Cooperation.Contracts.Programmes;
using Cooperation.Contracts.Submissions;
using Cooperation.Silo.Hosting;
using Cooperation.Silo.Journal;
using Microsoft.Extensions.Logging;

namespace Cooperation.Silo.Partnerships;

/// <summary>
/// A partnership between two cities; holds its members and the ids of its programmes, pilots
/// and MoUs, and rolls up their progress.
/// </summary>
internal sealed class PartnershipGrain(
    [PersistentState(EntityTypes.Partnership, StorageNames.Domain)] IPersistentState<EntitySnapshot<PartnershipState>> snapshot,
    IEventJournal journal,
    TimeProvider clock,
    ILogger<PartnershipGrain> logger) : EventSourcedGrain<PartnershipState>(snapshot, journal, clock, logger), IPartnershipGrain
{
    /// <inheritdoc/>
    protected override string EntityType => EntityTypes.Partnership;

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
            await RaiseAsync(new PartnershipCreated(StoredPartnershipDefinition.Of(definition)));
        }
        // Also on a repeat: converges after a failure between the writes.
        await Task.WhenAll(cities.Select(city => city.AttachPartnership(Id)));
        return View();
    }

    /// <inheritdoc/>
    public async Task<PartnershipView> Get()
    {
        Authorize(Permission.ReadPartnership);
        return await ReadableView();
    }

    /// <inheritdoc/>
    public async Task<PartnershipView?> GetIfReadable() =>
        Scope is { } scope && AccessPolicy.Allows(CallerContext.Current, Permission.ReadPartnership, scope) ? await ReadableView() : null;

    /// <inheritdoc/>
    public Task<PartnershipDefinition?> GetDefinitionIfReadable() =>
        Task.FromResult(Scope is { } scope && AccessPolicy.Allows(CallerContext.Current, Permission.ReadPartnership, scope) ? State.Definition : null);

    /// <inheritdoc/>
    public async Task<PartnershipOverview> GetOverview(FigureBasis basis = FigureBasis.All)
    {
        Authorize(Permission.ReadPartnership);
        var view = View();
        var pilots = ReadablePilots(basis);
        var mous = ReadableMous();
        var programmes = Task.WhenAll(view.ProgrammeIds.Select(id => GrainFactory.GetGrain<IProgrammeGrain>(id).GetIfReadable()));
        var (readablePilots, allPilots) = await pilots;
        var (readableMous, allMous) = await mous;
        var readableProgrammes = ValueList.Of((await programmes).OfType<ProgrammeView>());
        var progress = PartnershipRollup.Compute(Id, readablePilots, readableMous, basis) with { Partial = !allPilots || !allMous };
        // The lists as Get shows them, from the answers just read rather than asking each item again.
        var shown = view with
        {
            ProgrammeIds = ValueList.Of(readableProgrammes.Select(p => p.ProgrammeId)),
            PilotIds = ValueList.Of(readablePilots.Select(p => p.PilotId)),
            MouIds = ValueList.Of(readableMous.Select(m => m.MouId)),
        };
        return new PartnershipOverview(shown, readableProgrammes, readableMous, progress);
    }

    /// <inheritdoc/>
    public async Task<PartnershipView> SetMember(PartnershipMember member)
    {
        Authorize(Permission.ManagePartnership);
        Field.Id(member.OrganisationId, "organisation_id");
        Field.Choice(member.Role, "role");
        if (State.Members.Contains(member))
            return View();
        await GrainFactory.GetGrain<IOrganisationGrain>(member.OrganisationId).Get();
        await RaiseAsync(new PartnershipMemberSet(StoredPartnershipMember.Of(member)));
        return View();
    }

    /// <inheritdoc/>
    public async Task<ValueList<PilotSummary>> ListPilots(FigureBasis basis = FigureBasis.All)
    {
        Authorize(Permission.ReadPartnership);
        return (await ReadablePilots(basis)).Readable;
    }

    /// <inheritdoc/>
    public async Task<ValueList<MouView>> ListMous()
    {
        Authorize(Permission.ReadPartnership);
        return (await ReadableMous()).Readable;
    }

    /// <inheritdoc/>
    public async Task<PartnershipProgress> GetProgress(FigureBasis basis = FigureBasis.All)
    {
        Authorize(Permission.ReadPartnership);
        var pilots = ReadablePilots(basis);
        var mous = ReadableMous();
        var (readablePilots, allPilots) = await pilots;
        var (readableMous, allMous) = await mous;
        return PartnershipRollup.Compute(Id, readablePilots, readableMous, basis) with { Partial = !allPilots || !allMous };
    }

    // Each pilot and MoU decides for itself whether the caller may read it, as a single read would.
    private async Task<(ValueList<PilotSummary> Readable, bool All)> ReadablePilots(FigureBasis basis)
    {
        var summaries = await Task.WhenAll(State.PilotIds.Select(id => GrainFactory.GetGrain<IPilotGrain>(id).GetSummaryIfReadable(basis)));
        var readable = summaries.OfType<PilotSummary>().ToArray();
        return (ValueList.Of(readable), readable.Length == summaries.Length);
    }

    private async Task<(ValueList<MouView> Readable, bool All)> ReadableMous()
    {
        var views = await Task.WhenAll(State.MouIds.Select(id => GrainFactory.GetGrain<IMouGrain>(id).GetIfReadable()));
        var readable = views.OfType<MouView>().ToArray();
        return (ValueList.Of(readable), readable.Length == views.Length);
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

    /// <summary>The view with only the programmes, pilots and MoUs the caller may read: each decides for itself.</summary>
    private async Task<PartnershipView> ReadableView()
    {
        var view = View();
        if (AccessPolicy.SeesEverything(CallerContext.Current))
            return view;
        return view with
        {
            ProgrammeIds = await ReadableAsync(view.ProgrammeIds, id => GrainFactory.GetGrain<IProgrammeGrain>(id)),
            PilotIds = await ReadableAsync(view.PilotIds, id => GrainFactory.GetGrain<IPilotGrain>(id)),
            MouIds = await ReadableAsync(view.MouIds, id => GrainFactory.GetGrain<IMouGrain>(id)),
        };
    }

    private static async Task<ValueList<string>> ReadableAsync(ValueList<string> ids, Func<string, IHasHistory> grain)
    {
        var readable = await Task.WhenAll(ids.Select(id => grain(id).IsReadable()));
        return ValueList.Of(ids.Where((_, i) => readable[i]));
    }

    /// <summary>A member sees that a programme, pilot or MoU joined only if it may read that one.</summary>
    protected override async ValueTask<bool> ShowsAsync(IEntityEvent @event) => @event switch
    {
        ProgrammeAttached attached => await GrainFactory.GetGrain<IProgrammeGrain>(attached.ProgrammeId).IsReadable(),
        PilotAttached attached => await GrainFactory.GetGrain<IPilotGrain>(attached.PilotId).IsReadable(),
        MouAttached attached => await GrainFactory.GetGrain<IMouGrain>(attached.MouId).IsReadable(),
        _ => true,
    };

    private PartnershipView View()
    {
        var definition = RequireExists();
        var s = State;
        return new PartnershipView(Id, definition, s.Members, s.ProgrammeIds, s.PilotIds, s.MouIds);
    }

    private PartnershipDefinition RequireExists() =>
        State.Definition ?? throw new EntityNotFoundException("partnership", Id);
}
