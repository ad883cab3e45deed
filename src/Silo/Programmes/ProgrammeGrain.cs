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
            throw new EntityExistsException("programme", Id);

        if (definition.OwnerKind == ProgrammeOwnerKind.City)
        {
            var city = GrainFactory.GetGrain<ICityGrain>(definition.OwnerId);
            if (State.State.Definition is null)
                await CommitAsync(new ProgrammeState { Definition = definition, TimeZone = (await city.Get()).Definition.TimeZone });
            await city.AttachProgramme(Id);
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
            await partnership.AttachProgramme(Id);
        }
        return View();
    }

    /// <inheritdoc/>
    public Task<ProgrammeView> Get() => Task.FromResult(View());

    private ProgrammeView View() => new(Id, Definition, Views(), ReadingCount);
}
