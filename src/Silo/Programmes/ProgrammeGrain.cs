using Cooperation.Contracts.Cities;
using Cooperation.Contracts.Common;
using Cooperation.Contracts.Partnerships;
using Cooperation.Contracts.Programmes;
using Cooperation.Silo.Hosting;
using Cooperation.Silo.Kpis;
using Cooperation.Silo.Kpis.Readings;

namespace Cooperation.Silo.Programmes;

/// <summary>A programme under a partnership or a city, with programme-level KPIs.</summary>
public sealed class ProgrammeGrain(
    [PersistentState("programme", StorageNames.Domain)] IPersistentState<ProgrammeState> state,
    IKpiReadingStore readings,
    TimeProvider clock) : KpiSubjectGrain<ProgrammeState>(state, readings, clock), IProgrammeGrain
{
    /// <inheritdoc/>
    protected override string Subject => $"programmes/{Id}";

    private ProgrammeDefinition Definition => State.State.Definition ?? throw new EntityNotFoundException("programme", Id);

    /// <inheritdoc/>
    protected override SubjectCalendar RequireExists() => new(Definition.Frequency, State.State.TimeZone);

    /// <inheritdoc/>
    public async Task<ProgrammeView> Create(ProgrammeDefinition definition)
    {
        Field.Id(Id, "programme_id");
        definition.Validate();
        if (State.State.Definition is { } existing && existing != definition)
        {
            // Completes a listing an earlier create may have left undone, then refuses.
            await ListWithOwnerAsync(existing);
            throw new EntityExistsException("programme", Id);
        }

        if (definition.OwnerKind == ProgrammeOwnerKind.City)
        {
            var city = GrainFactory.GetGrain<ICityGrain>(definition.OwnerId);
            if (State.State.Definition is null)
                await CommitAsync(new ProgrammeState { Definition = definition, TimeZone = (await city.Get()).Definition.TimeZone });
        }
        else
        {
            var partnership = GrainFactory.GetGrain<IPartnershipGrain>(definition.OwnerId);
            if (State.State.Definition is null)
            {
                var firstCity = (await partnership.Get()).Definition.FirstCityId;
                var timeZone = (await GrainFactory.GetGrain<ICityGrain>(firstCity).Get()).Definition.TimeZone;
                await CommitAsync(new ProgrammeState { Definition = definition, TimeZone = timeZone });
            }
        }
        // Also on a repeat: converges after a failure between the writes.
        await ListWithOwnerAsync(definition);
        return View();
    }

    /// <inheritdoc/>
    public Task<ProgrammeView> Get() => Task.FromResult(View());

    private Task ListWithOwnerAsync(ProgrammeDefinition definition) => definition.OwnerKind == ProgrammeOwnerKind.City
        ? GrainFactory.GetGrain<ICityGrain>(definition.OwnerId).AttachProgramme(Id)
        : GrainFactory.GetGrain<IPartnershipGrain>(definition.OwnerId).AttachProgramme(Id);

    private ProgrammeView View() => new(Id, Definition, Views(), ReadingCount);
}
