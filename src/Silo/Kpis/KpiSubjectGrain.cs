using Cooperation.Contracts.Access;
using Cooperation.Contracts.Common;
using Cooperation.Contracts.Kpis;
using Cooperation.Contracts.Submissions;
using Cooperation.Silo.DueDates;
using Cooperation.Silo.Journal;
using Cooperation.Silo.Kpis.Readings;
using Microsoft.Extensions.Logging;

namespace Cooperation.Silo.Kpis;

/// <summary>When a KPI subject reports and whose dates count.</summary>
/// <param name="Frequency">Its reporting calendar.</param>
/// <param name="TimeZone">IANA time zone its dates are in.</param>
internal readonly record struct SubjectCalendar(ReportingFrequency Frequency, string TimeZone);

/// <summary>What a KPI request does, for access: each subject maps these to its own permissions.</summary>
internal enum KpiAccess
{
    /// <summary>Reads KPIs and series.</summary>
    Read,

    /// <summary>Defines or changes KPIs.</summary>
    Define,

    /// <summary>Records readings.</summary>
    Record,
}

/// <summary>The part of a grain's state that a <see cref="KpiSubjectGrain{TState}"/> manages.</summary>
internal interface IKpiSubjectState<TSelf>
{
    /// <summary>KPIs in definition order.</summary>
    ValueList<KpiDefinition> Kpis { get; }

    /// <summary>A copy with other KPIs.</summary>
    TSelf WithKpis(ValueList<KpiDefinition> kpis);
}

/// <summary>
/// A grain that carries KPIs (a pilot or a programme): definitions in its state, readings in the
/// reading history (written with the events that record them), and a ledger of that history in
/// memory for progress. Defining, changing and reading KPIs works the same for every such grain.
/// </summary>
internal abstract class KpiSubjectGrain<TState>(
    IPersistentState<EntitySnapshot<TState>> snapshot,
    IEventJournal journal,
    TimeProvider clock,
    ILogger logger) : EventSourcedGrain<TState>(snapshot, journal, clock, logger), IKpiSubject
    where TState : class, IKpiSubjectState<TState>
{
    private KpiReadingLedger _ledger = new();

    /// <summary>The key of its readings in the history, e.g. "pilots/hp-compost".</summary>
    protected abstract string Subject { get; }

    /// <summary>Its reporting calendar and time zone; throws NotFound when it does not exist.</summary>
    protected abstract SubjectCalendar RequireExists();

    /// <summary>Refuses the caller unless it may do <paramref name="access"/> (see <c>AccessPolicy</c>).</summary>
    protected abstract void Authorize(KpiAccess access);

    /// <inheritdoc/>
    protected sealed override void AuthorizeRead() => Authorize(KpiAccess.Read);

    /// <summary>Readings stored for it, superseded ones included.</summary>
    protected long ReadingCount => _ledger.ReadingCount;

    /// <summary>The reading history as the ledger holds it.</summary>
    protected KpiReadingLedger Ledger => _ledger;

    /// <summary>Today in its time zone.</summary>
    protected DateOnly Today => LocalCalendar.Today(Clock, RequireExists().TimeZone);

    /// <summary>Called when anything a view shows has changed.</summary>
    protected virtual void OnChanged() { }

    /// <summary>Refuses changes to KPIs and readings when the subject's state forbids them (FailedPrecondition).</summary>
    protected virtual void RequireChangeable() { }

    /// <summary>Whether the KPI's readings are computed by the subject itself, never recorded by hand.</summary>
    protected virtual bool IsComputed(string kpiCode) => false;

    /// <summary>Refuses readings for a period the subject's state forbids, e.g. one approved and locked.</summary>
    protected virtual string? RefusesPeriod(ReportingPeriod period) => null;

    /// <summary>The ledger of the figures a basis counts: all recorded, or only approved ones (none here).</summary>
    protected virtual KpiReadingLedger LedgerOf(FigureBasis basis) => basis == FigureBasis.All ? _ledger : new KpiReadingLedger();

    /// <inheritdoc/>
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await base.OnActivateAsync(cancellationToken);
        if (Version > 0)
            _ledger = KpiReadingLedger.From(await Journal.LoadReadingsAsync(Subject, cancellationToken: cancellationToken));
    }

    /// <inheritdoc/>
    protected override void OnRaised(IReadOnlyList<JournalEntry> entries, IReadOnlyList<SubjectReading> readings)
    {
        foreach (var entry in entries)
            _ledger.Apply(KpiEvents.ReadingsOf(entry.Event));
        OnChanged();
    }

    /// <inheritdoc/>
    public async Task<KpiView> DefineKpi(KpiDefinition kpi)
    {
        Authorize(KpiAccess.Define);
        RequireExists();
        kpi.Validate();
        // The same definition again is harmless, even once the record is final.
        if (Find(kpi.Code) is { } existing)
            return existing == kpi ? View(kpi) : throw new EntityExistsException("KPI", kpi.Code);
        RequireChangeable();
        await RaiseAsync(new KpiDefined(StoredKpi.Of(kpi)));
        return View(kpi);
    }

    /// <inheritdoc/>
    public async Task<KpiView> UpdateKpi(KpiChange change)
    {
        Authorize(KpiAccess.Define);
        RequireExists();
        Field.Id(change.Code, "kpi_code");
        RequireChangeable();
        var existing = Find(change.Code) ?? throw new EntityNotFoundException("KPI", change.Code);
        var kpi = change.AppliedTo(existing);
        kpi.Validate();
        if (existing == kpi)
            return View(kpi);
        if (_ledger.For(kpi.Code)?.ReadingCount > 0 && !kpi.KeepsReadingsOf(existing))
            throw new RuleViolationException(
                $"KPI '{kpi.Code}' has readings: its unit, measure, aggregation and dimensions can no longer change.");
        await RaiseAsync(new KpiUpdated(StoredKpi.Of(kpi)));
        return View(kpi);
    }

    /// <inheritdoc/>
    public virtual async Task<ValueList<StoredKpiReading>> RecordReadings(ValueList<KpiReadingInput> inputs, bool historical = false)
    {
        Authorize(KpiAccess.Record);
        if (historical)
            throw new InvalidFieldException("historical", $"applies to pilots' readings only: {Subject} has no review");
        var readings = CheckReadings(inputs, "readings", computed: false);
        await RaiseAsync([new ReadingsRecorded(StoredReading.Of(readings))], AsSubjectReadings(readings));
        return readings;
    }

    /// <summary>
    /// Checks readings and numbers them after the stored ones, all or none, without storing
    /// them; <paramref name="computed"/> lets the subject record the KPIs it computes itself;
    /// <paramref name="refusesPeriod"/> replaces <see cref="RefusesPeriod"/> for this check.
    /// Violations name <paramref name="field"/>[i].
    /// </summary>
    protected ValueList<StoredKpiReading> CheckReadings(IReadOnlyList<KpiReadingInput>? inputs, string field, bool computed,
        Func<ReportingPeriod, string?>? refusesPeriod = null)
    {
        refusesPeriod ??= RefusesPeriod;
        var frequency = RequireExists().Frequency;
        if (inputs is null || inputs.Count is 0 or > KpiReadingInput.MaxPerRequest)
            throw new InvalidFieldException(field, $"must hold 1–{KpiReadingInput.MaxPerRequest} readings");
        RequireChangeable();

        var today = Today;
        var recordedAt = Clock.Now();
        var submittedBy = CallerContext.Current.OrganisationId;
        var sequence = _ledger.LastSequence;
        var violations = new List<FieldViolation>();
        var stored = new List<StoredKpiReading>(inputs.Count);
        for (var i = 0; i < inputs.Count; i++)
        {
            var input = inputs[i];
            var path = $"{field}[{i}]";
            if (input.Period.Frequency != frequency)
                violations.Add(new($"{path}.period", $"must be a {Describe(frequency)}: readings are reported {frequency.ToString().ToLowerInvariant()}"));
            else if (input.Period.Start > today)
                violations.Add(new($"{path}.period", $"{input.Period} has not started yet"));
            // A computed figure is verified on its own (e.g. JCM monitoring), not in the period's review.
            else if (!(computed && IsComputed(input.KpiCode)) && refusesPeriod(input.Period) is { } refusal)
                throw new RuleViolationException(refusal);
            if (Find(input.KpiCode) is not { } kpi)
            {
                violations.Add(new($"{path}.kpi_code", $"no KPI '{input.KpiCode}' is defined on {Subject}"));
                continue;
            }
            if (!computed && IsComputed(input.KpiCode))
            {
                violations.Add(new($"{path}.kpi_code", $"'{input.KpiCode}' is computed by the platform, not recorded by hand"));
                continue;
            }
            if (KpiReadingRules.Check(kpi, input, path, violations) is { } value)
            {
                stored.Add(new StoredKpiReading(input.KpiCode, input.Period, value, input.Numerator, input.Denominator,
                    input.Breakdown ?? ValueList<BreakdownValue>.Empty, input.Note, submittedBy, ++sequence, recordedAt));
            }
        }
        if (violations.Count > 0)
            throw new InvalidFieldException(violations);
        return ValueList.Of(stored);
    }

    /// <summary>Readings as the journal stores them for this subject.</summary>
    protected IReadOnlyList<SubjectReading> AsSubjectReadings(IEnumerable<StoredKpiReading> readings) =>
        readings.Select(r => new SubjectReading(Subject, r)).ToArray();

    /// <inheritdoc/>
    public Task<KpiSeriesView> GetKpiSeries(string kpiCode, FigureBasis basis = FigureBasis.All)
    {
        Authorize(KpiAccess.Read);
        RequireExists();
        var kpi = Find(kpiCode) ?? throw new EntityNotFoundException("KPI", kpiCode);
        return Task.FromResult(new KpiSeriesView(kpi, ValueList.Of(LedgerOf(basis).For(kpiCode)?.Periods)));
    }

    /// <inheritdoc/>
    public Task<ValueList<KpiSeriesView>> ListKpiSeries(FigureBasis basis = FigureBasis.All)
    {
        Authorize(KpiAccess.Read);
        RequireExists();
        var ledger = LedgerOf(basis);
        return Task.FromResult(ValueList.Of(State.Kpis.Select(kpi => new KpiSeriesView(kpi, ValueList.Of(ledger.For(kpi.Code)?.Periods)))));
    }

    /// <inheritdoc/>
    public async Task<ValueList<KpiFigures>> GetFiguresAsOf(DateTimeOffset cutoff, ReportingPeriod upTo, ValueList<ReportingPeriod>? onlyPeriods = null)
    {
        Authorize(KpiAccess.Read);
        RequireExists();
        return await FiguresAsOfAsync(cutoff, upTo, onlyPeriods is null ? null : onlyPeriods.ToHashSet());
    }

    /// <summary>
    /// Every KPI with its progress and the value that counts per period, as the readings stood at
    /// <paramref name="cutoff"/>, for periods up to <paramref name="upTo"/> (only
    /// <paramref name="onlyPeriods"/> when given). From the ledger in memory when no reading it
    /// counts was recorded after the cut-off, as for a report made now; otherwise from the history
    /// read as of the cut-off (one query), because the ledger keeps only each period's latest
    /// reading, not the one a later correction superseded.
    /// </summary>
    protected async Task<ValueList<KpiFigures>> FiguresAsOfAsync(DateTimeOffset cutoff, ReportingPeriod upTo, IReadOnlySet<ReportingPeriod>? onlyPeriods)
    {
        bool Counts(StoredKpiReading reading) => reading.Period.Start <= upTo.End && (onlyPeriods is null || onlyPeriods.Contains(reading.Period));
        IEnumerable<StoredKpiReading> counted = State.Kpis.SelectMany(kpi => _ledger.For(kpi.Code)?.Periods ?? []).Where(Counts).ToArray();
        // A correction recorded later does not change these figures: the history as it stood at the cut-off.
        if (counted.Any(reading => reading.RecordedAt > cutoff))
            counted = (await Journal.LoadReadingsAsync(Subject, cutoff)).LatestPerPeriod.Where(Counts);
        var ledger = KpiReadingLedger.Of(counted);
        return ValueList.Of(State.Kpis.Select(kpi => new KpiFigures(View(kpi, ledger), ValueList.Of(ledger.For(kpi.Code)?.Periods))));
    }

    /// <summary>The KPI with <paramref name="code"/>, or null.</summary>
    protected KpiDefinition? Find(string code) => State.Kpis.FirstOrDefault(k => k.Code == code);

    /// <summary>A KPI with its progress of all figures.</summary>
    protected KpiView View(KpiDefinition kpi) => View(kpi, _ledger);

    /// <summary>Every KPI with its progress counted from <paramref name="ledger"/>.</summary>
    protected ValueList<KpiView> Views(KpiReadingLedger ledger) => ValueList.Of(State.Kpis.Select(kpi => View(kpi, ledger)));

    private static KpiView View(KpiDefinition kpi, KpiReadingLedger ledger) => new(kpi, KpiProgressCalculator.Calculate(kpi, ledger.For(kpi.Code)));

    private static string Describe(ReportingFrequency frequency) =>
        frequency == ReportingFrequency.Monthly ? "month \"YYYY-MM\"" : "quarter \"YYYY-Qn\"";
}
