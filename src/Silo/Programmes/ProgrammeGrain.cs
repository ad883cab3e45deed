using Cooperation.Contracts.Access;
using Cooperation.Contracts.Cities;
using Cooperation.Contracts.Common;
using Cooperation.Contracts.Partnerships;
using Cooperation.Contracts.Programmes;
using Cooperation.Silo.Hosting;
using Cooperation.Silo.Journal;
using Cooperation.Silo.Partnerships;
using Cooperation.Silo.Kpis;
using Microsoft.Extensions.Logging;

namespace Cooperation.Silo.Programmes;

/// <summary>A programme under a partnership or a city, with programme-level KPIs.</summary>
internal sealed class ProgrammeGrain(
    [PersistentState(EntityTypes.Programme, StorageNames.Domain)] IPersistentState<EntitySnapshot<ProgrammeState>> snapshot,
    IEventJournal journal,
    TimeProvider clock,
    ILogger<ProgrammeGrain> logger) : KpiSubjectGrain<ProgrammeState>(snapshot, journal, clock, logger), IProgrammeGrain
{
    /// <inheritdoc/>
    protected override string EntityType => EntityTypes.Programme;

    /// <inheritdoc/>
    protected override ProgrammeState Initial => new();

    /// <inheritdoc/>
    protected override ProgrammeState Apply(ProgrammeState state, JournalEntry entry) => ProgrammeEvents.Apply(state, entry);

    /// <inheritdoc/>
    protected override string? ScopeOf(ProgrammeState state) =>
        state.Definition is { OwnerKind: ProgrammeOwnerKind.Partnership } definition ? definition.OwnerId : null;

    /// <inheritdoc/>
    protected override string Subject => $"programmes/{Id}";

    private ProgrammeDefinition Definition => State.Definition ?? throw new EntityNotFoundException("programme", Id);

    /// <inheritdoc/>
    protected override SubjectCalendar RequireExists() => new(Definition.Frequency, State.TimeZone);

    /// <inheritdoc/>
    protected override void Authorize(KpiAccess access) =>
        Authorize(access switch
        {
            KpiAccess.Read => Permission.ReadPartnership,
            KpiAccess.Define or KpiAccess.Record => Permission.ManagePartnership,
            _ => throw new ArgumentOutOfRangeException(nameof(access), access, "Every KPI access maps to a permission."),
        });

    private void Authorize(Permission permission) =>
        AccessPolicy.Require(permission, State.Definition is null ? null : AccessScope.OfCities(State.CityIds), "programme", Id);

    /// <inheritdoc/>
    public async Task<ProgrammeView> Create(ProgrammeDefinition definition)
    {
        Field.Id(Id, "programme_id");
        definition.Validate();
        if (State.Definition is { } existing)
        {
            Authorize(Permission.ManagePartnership);
            if (existing != definition)
            {
                // Completes a listing an earlier create may have left undone, then refuses.
                await ListWithOwnerAsync(existing);
                throw new EntityExistsException("programme", Id);
            }
        }

        if (definition.OwnerKind == ProgrammeOwnerKind.City)
        {
            AccessPolicy.Require(Permission.ManagePartnership, AccessScope.OfCities([definition.OwnerId]), "city", definition.OwnerId);
            var city = GrainFactory.GetGrain<ICityGrain>(definition.OwnerId);
            if (State.Definition is null)
                await RaiseAsync(new ProgrammeCreated(StoredProgrammeDefinition.Of(definition), (await city.Get()).Definition.TimeZone, [definition.OwnerId]));
        }
        else
        {
            var partnership = await ManagedPartnership.ReadAsync(GrainFactory, definition.OwnerId);
            if (State.Definition is null)
            {
                var timeZone = (await GrainFactory.GetGrain<ICityGrain>(partnership.Definition.FirstCityId).Get()).Definition.TimeZone;
                await RaiseAsync(new ProgrammeCreated(StoredProgrammeDefinition.Of(definition), timeZone, ValueList.Of(partnership.Definition.CityIds)));
            }
        }
        // Also on a repeat: converges after a failure between the writes.
        await ListWithOwnerAsync(definition);
        return View();
    }

    /// <inheritdoc/>
    public Task<ProgrammeView> Get()
    {
        Authorize(Permission.ReadPartnership);
        return Task.FromResult(View());
    }

    /// <inheritdoc/>
    public async Task<ProgrammeView?> GetIfReadable() => await IsReadable() ? View() : null;

    private Task ListWithOwnerAsync(ProgrammeDefinition definition) => definition.OwnerKind == ProgrammeOwnerKind.City
        ? GrainFactory.GetGrain<ICityGrain>(definition.OwnerId).AttachProgramme(Id)
        : GrainFactory.GetGrain<IPartnershipGrain>(definition.OwnerId).AttachProgramme(Id);

    private ProgrammeView View() => new(Id, Definition, Views(Ledger), ReadingCount);
}
