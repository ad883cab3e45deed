using Cooperation.Contracts.Common;
using Cooperation.Contracts.Partnerships;
using Cooperation.Contracts.Pilots;
using Cooperation.Silo.Hosting;
using Cooperation.Silo.Pilots.Progress;
using Cooperation.Silo.Pilots.Readings;

namespace Cooperation.Silo.Pilots;

/// <summary>
/// A pilot project: definition and KPIs in grain storage, readings appended to the reading
/// history, and a ledger of that history kept in memory for progress.
/// </summary>
public sealed class PilotGrain(
    [PersistentState("pilot", StorageNames.Domain)] IPersistentState<PilotState> state,
    IKpiReadingStore readings,
    TimeProvider clock) : Grain, IPilotGrain
{
    private KpiReadingLedger _ledger = new();

    // Reads far outnumber changes: the view is built once per change, not once per read.
    private PilotView? _view;

    private string Id => this.GetPrimaryKeyString();

    /// <inheritdoc/>
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.RecordExists)
            _ledger = KpiReadingLedger.From(await readings.LoadAsync(Id, cancellationToken));
    }

    /// <inheritdoc/>
    public async Task<PilotView> Create(PilotDefinition definition)
    {
        Field.Id(Id, "pilot_id");
        definition.Validate();
        if (state.State.Definition is { } existing && existing != definition)
            throw new EntityExistsException("pilot", Id);

        var partnership = GrainFactory.GetGrain<IPartnershipGrain>(definition.PartnershipId);
        if (state.State.Definition is null)
        {
            // Refuses an unknown partnership before anything is written.
            await partnership.Get();
            await state.CommitAsync(new PilotState { Definition = definition, CreatedAt = clock.GetUtcNow() }, this);
            _view = null;
        }
        // Also on a repeated create: converges after a failure between the two writes.
        await partnership.AttachPilot(Id);
        return View();
    }

    /// <inheritdoc/>
    public Task<PilotView> Get() => Task.FromResult(_view ??= View());

    /// <inheritdoc/>
    public Task<KpiSeriesView> GetKpiSeries(string kpiCode)
    {
        RequireExists();
        var kpi = FindKpi(kpiCode) ?? throw new EntityNotFoundException("KPI", kpiCode);
        var periods = _ledger.For(kpiCode)?.Periods.Select(r => new KpiPeriodValue(r.Period, r.Value)).ToArray() ?? [];
        return Task.FromResult(new KpiSeriesView(kpi, periods));
    }

    /// <inheritdoc/>
    public async Task<KpiView> DefineKpi(KpiDefinition kpi)
    {
        RequireExists();
        kpi.Validate();
        if (FindKpi(kpi.Code) is { } existing)
            return existing == kpi ? KpiView(kpi) : throw new EntityExistsException("KPI", kpi.Code);

        await state.CommitAsync(state.State with { Kpis = [.. state.State.Kpis, kpi] }, this);
        _view = null;
        return KpiView(kpi);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<StoredKpiReading>> RecordReadings(IReadOnlyList<KpiReadingInput> inputs)
    {
        var definition = RequireExists();
        ValidateReadings(inputs, definition.Frequency);

        var recordedAt = clock.GetUtcNow();
        var sequence = _ledger.LastSequence;
        var stored = inputs
            .Select(r => new StoredKpiReading(r.KpiCode, r.Period, r.Value, ++sequence, recordedAt))
            .ToArray();
        try
        {
            await readings.AppendAsync(Id, stored);
        }
        catch
        {
            // Another activation appended to this pilot, or storage failed and may have committed
            // anyway: either way the ledger is reloaded from storage by the next activation.
            this.DeactivateOnIdle();
            throw;
        }
        _ledger.Apply(stored);
        _view = null;
        return stored;
    }

    private void ValidateReadings(IReadOnlyList<KpiReadingInput> inputs, ReportingFrequency frequency)
    {
        if (inputs.Count is 0 or > KpiReadingInput.MaxPerRequest)
            throw new InvalidFieldException("readings", $"must hold 1–{KpiReadingInput.MaxPerRequest} readings");

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var violations = new List<FieldViolation>();
        for (var i = 0; i < inputs.Count; i++)
        {
            var (code, period, value) = inputs[i];
            var field = $"readings[{i}]";
            if (FindKpi(code) is null)
                violations.Add(new($"{field}.kpi_code", $"no KPI '{code}' is defined on pilot '{Id}'"));
            if (period.Frequency != frequency)
                violations.Add(new($"{field}.period", $"must be a {Describe(frequency)}: the pilot reports {frequency.ToString().ToLowerInvariant()}"));
            else if (period.Start > today)
                violations.Add(new($"{field}.period", $"{period} has not started yet"));
            if (!Field.IsNumber(value))
                violations.Add(new($"{field}.value", Field.NumberRule));
        }
        if (violations.Count > 0)
            throw new InvalidFieldException(violations);
    }

    private static string Describe(ReportingFrequency frequency) =>
        frequency == ReportingFrequency.Monthly ? "month \"YYYY-MM\"" : "quarter \"YYYY-Qn\"";

    private KpiDefinition? FindKpi(string code) => state.State.Kpis.Find(k => k.Code == code);

    private PilotDefinition RequireExists() =>
        state.State.Definition ?? throw new EntityNotFoundException("pilot", Id);

    private KpiView KpiView(KpiDefinition kpi) =>
        new(kpi, KpiProgressCalculator.Calculate(kpi, _ledger.For(kpi.Code)));

    private PilotView View() =>
        new(Id, RequireExists(), state.State.Kpis.Select(KpiView).ToArray(), _ledger.ReadingCount);
}
