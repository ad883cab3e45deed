using Cooperation.Contracts.Common;
using Cooperation.Contracts.Kpis;
using Cooperation.Silo.DueDates;
using Cooperation.Silo.Hosting;
using Cooperation.Silo.Kpis.Readings;

namespace Cooperation.Silo.Kpis;

/// <summary>When a KPI subject reports and whose dates count.</summary>
/// <param name="Frequency">Its reporting calendar.</param>
/// <param name="TimeZone">IANA time zone its dates are in.</param>
public readonly record struct SubjectCalendar(ReportingFrequency Frequency, string TimeZone);

/// <summary>The part of a grain's state that a <see cref="KpiSubjectGrain{TState}"/> manages.</summary>
public interface IKpiSubjectState<TSelf>
{
    /// <summary>KPIs in definition order.</summary>
    ValueList<KpiDefinition> Kpis { get; }

    /// <summary>A copy with other KPIs.</summary>
    TSelf WithKpis(ValueList<KpiDefinition> kpis);
}

/// <summary>
/// A grain that carries KPIs (a pilot or a programme): definitions in its grain state, readings
/// in the append-only history, and a ledger of that history in memory for progress. Defining,
/// changing and reading KPIs works the same for every such grain.
/// </summary>
public abstract class KpiSubjectGrain<TState>(
    IPersistentState<TState> state,
    IKpiReadingStore readings,
    TimeProvider clock) : Grain, IKpiSubject
    where TState : class, IKpiSubjectState<TState>
{
    private KpiReadingLedger _ledger = new();

    /// <summary>The grain's state.</summary>
    protected IPersistentState<TState> State => state;

    /// <summary>The clock.</summary>
    protected TimeProvider Clock => clock;

    /// <summary>The grain's id.</summary>
    protected string Id => this.GetPrimaryKeyString();

    /// <summary>The key of its readings in the history, e.g. "pilots/hp-compost".</summary>
    protected abstract string Subject { get; }

    /// <summary>Its reporting calendar and time zone; throws NotFound when it does not exist.</summary>
    protected abstract SubjectCalendar RequireExists();

    /// <summary>Readings stored for it, superseded ones included.</summary>
    protected long ReadingCount => _ledger.ReadingCount;

    /// <summary>Today in its time zone.</summary>
    protected DateOnly Today => LocalCalendar.Today(clock, RequireExists().TimeZone);

    /// <summary>Called when anything a view shows has changed.</summary>
    protected virtual void OnChanged() { }

    /// <summary>Refuses changes to KPIs and readings when the subject's state forbids them (FailedPrecondition).</summary>
    protected virtual void RequireChangeable() { }

    /// <summary>Whether the KPI's readings are computed by the subject itself, never recorded by hand.</summary>
    protected virtual bool IsComputed(string kpiCode) => false;

    /// <inheritdoc/>
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.RecordExists)
            _ledger = KpiReadingLedger.From(await readings.LoadAsync(Subject, cancellationToken));
    }

    /// <inheritdoc/>
    public async Task<KpiView> DefineKpi(KpiDefinition kpi)
    {
        RequireExists();
        kpi.Validate();
        RequireChangeable();
        if (Find(kpi.Code) is { } existing)
            return existing == kpi ? View(kpi) : throw new EntityExistsException("KPI", kpi.Code);
        await CommitAsync(state.State.WithKpis(state.State.Kpis.Add(kpi)));
        return View(kpi);
    }

    /// <inheritdoc/>
    public async Task<KpiView> UpdateKpi(KpiDefinition kpi)
    {
        RequireExists();
        kpi.Validate();
        RequireChangeable();
        var existing = Find(kpi.Code) ?? throw new EntityNotFoundException("KPI", kpi.Code);
        if (existing == kpi)
            return View(kpi);
        if (_ledger.For(kpi.Code)?.ReadingCount > 0 && !kpi.KeepsReadingsOf(existing))
            throw new RuleViolationException(
                $"KPI '{kpi.Code}' has readings: its unit, measure, aggregation and dimensions can no longer change.");
        await CommitAsync(state.State.WithKpis(state.State.Kpis.Replace(k => k.Code == kpi.Code, kpi)));
        return View(kpi);
    }

    /// <inheritdoc/>
    public Task<ValueList<StoredKpiReading>> RecordReadings(ValueList<KpiReadingInput> inputs) => RecordAsync(inputs, computed: false);

    /// <summary>
    /// Checks, numbers and stores readings, all or none; <paramref name="computed"/> lets the
    /// subject record the KPIs it computes itself.
    /// </summary>
    protected async Task<ValueList<StoredKpiReading>> RecordAsync(ValueList<KpiReadingInput> inputs, bool computed)
    {
        var frequency = RequireExists().Frequency;
        if (inputs is null || inputs.Count is 0 or > KpiReadingInput.MaxPerRequest)
            throw new InvalidFieldException("readings", $"must hold 1–{KpiReadingInput.MaxPerRequest} readings");
        RequireChangeable();

        var today = Today;
        var recordedAt = clock.GetUtcNow();
        var sequence = _ledger.LastSequence;
        var violations = new List<FieldViolation>();
        var stored = new List<StoredKpiReading>(inputs.Count);
        for (var i = 0; i < inputs.Count; i++)
        {
            var input = inputs[i];
            var field = $"readings[{i}]";
            if (input.Period.Frequency != frequency)
                violations.Add(new($"{field}.period", $"must be a {Describe(frequency)}: readings are reported {frequency.ToString().ToLowerInvariant()}"));
            else if (input.Period.Start > today)
                violations.Add(new($"{field}.period", $"{input.Period} has not started yet"));
            if (Find(input.KpiCode) is not { } kpi)
            {
                violations.Add(new($"{field}.kpi_code", $"no KPI '{input.KpiCode}' is defined on {Subject}"));
                continue;
            }
            if (!computed && IsComputed(input.KpiCode))
            {
                violations.Add(new($"{field}.kpi_code", $"'{input.KpiCode}' is computed by the platform, not recorded by hand"));
                continue;
            }
            if (KpiReadingRules.Check(kpi, input, field, violations) is { } value)
            {
                stored.Add(new StoredKpiReading(input.KpiCode, input.Period, value, input.Numerator, input.Denominator,
                    input.Breakdown ?? ValueList<BreakdownValue>.Empty, input.Note, input.SubmittedBy, ++sequence, recordedAt));
            }
        }
        if (violations.Count > 0)
            throw new InvalidFieldException(violations);

        await AppendAsync(stored);
        return stored.ToArray();
    }

    /// <inheritdoc/>
    public Task<KpiSeriesView> GetKpiSeries(string kpiCode)
    {
        RequireExists();
        var kpi = Find(kpiCode) ?? throw new EntityNotFoundException("KPI", kpiCode);
        return Task.FromResult(new KpiSeriesView(kpi, ValueList.Of(_ledger.For(kpiCode)?.Periods)));
    }

    /// <summary>Stores readings already checked and numbered, then takes them into the ledger.</summary>
    private async Task AppendAsync(IReadOnlyList<StoredKpiReading> stored)
    {
        try
        {
            await readings.AppendAsync(Subject, stored);
        }
        catch
        {
            // Another activation appended, or storage failed and may have committed anyway:
            // either way the ledger is reloaded from storage by the next activation.
            this.DeactivateOnIdle();
            throw;
        }
        _ledger.Apply(stored);
        OnChanged();
    }

    /// <summary>Persists the state (see <see cref="PersistentStateExtensions.CommitAsync{TState}"/>).</summary>
    protected async Task CommitAsync(TState next)
    {
        await state.CommitAsync(next, this);
        OnChanged();
    }

    /// <summary>The KPI with <paramref name="code"/>, or null.</summary>
    protected KpiDefinition? Find(string code) => state.State.Kpis.FirstOrDefault(k => k.Code == code);

    /// <summary>A KPI with its progress.</summary>
    protected KpiView View(KpiDefinition kpi) => new(kpi, KpiProgressCalculator.Calculate(kpi, _ledger.For(kpi.Code)));

    /// <summary>Every KPI with its progress.</summary>
    protected ValueList<KpiView> Views() => ValueList.Of(state.State.Kpis.Select(View));

    private static string Describe(ReportingFrequency frequency) =>
        frequency == ReportingFrequency.Monthly ? "month \"YYYY-MM\"" : "quarter \"YYYY-Qn\"";
}
