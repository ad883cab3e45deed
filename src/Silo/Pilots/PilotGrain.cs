using Cooperation.Contracts.Access;
using Cooperation.Contracts.Cities;
using Cooperation.Contracts.Common;
using Cooperation.Contracts.Jcm;
using Cooperation.Contracts.Kpis;
using Cooperation.Contracts.Organisations;
using Cooperation.Contracts.Partnerships;
using Cooperation.Contracts.Pilots;
using Cooperation.Silo.DueDates;
using Cooperation.Silo.Hosting;
using Cooperation.Silo.Journal;
using Cooperation.Silo.Kpis;
using Cooperation.Silo.Pilots.Milestones;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Cooperation.Silo.Pilots;

/// <summary>
/// A pilot project: definition, lifecycle, funding, milestones and JCM monitoring as events
/// (<see cref="PilotEvents"/>); KPIs through <see cref="KpiSubjectGrain{TState}"/>; a due-date
/// reminder that marks milestones overdue in the pilot city's time zone.
/// </summary>
public sealed class PilotGrain(
    [PersistentState("pilot", StorageNames.Domain)] IPersistentState<EntitySnapshot<PilotState>> snapshot,
    IEventJournal journal,
    TimeProvider clock,
    IOptions<DueDateOptions> dueDates,
    ILogger<PilotGrain> logger) : KpiSubjectGrain<PilotState>(snapshot, journal, clock, logger), IPilotGrain, IRemindable
{
    // Reads far outnumber changes: the view is built once per change and local day.
    private (PilotView View, DateOnly Day)? _view;

    // Who takes part, for access checks; rebuilt after a change.
    private AccessScope? _scope;

    private readonly DueDateReminder _reminder = new(dueDates.Value, clock);

    /// <inheritdoc/>
    protected override string EntityType => "pilot";

    /// <inheritdoc/>
    protected override PilotState Initial => new();

    /// <inheritdoc/>
    protected override PilotState Apply(PilotState state, JournalEntry entry) => PilotEvents.Apply(state, entry);

    /// <inheritdoc/>
    protected override string? ScopeOf(PilotState state) => state.Definition?.PartnershipId;

    /// <inheritdoc/>
    protected override string Subject => $"pilots/{Id}";

    private PilotDefinition Definition => State.Definition ?? throw new EntityNotFoundException("pilot", Id);

    /// <inheritdoc/>
    protected override SubjectCalendar RequireExists() => new(Definition.Frequency, State.TimeZone);

    /// <inheritdoc/>
    protected override void OnChanged() => (_view, _scope) = (null, null);

    /// <summary>Who takes part, for access; null while the pilot does not exist.</summary>
    private AccessScope? Scope => State.Definition is not { } definition ? null : _scope ??= new AccessScope(
        State.PartnershipCityIds, [], ValueList.Of(definition.OrganisationIds),
        ValueList.Of(State.FundingLines.Select(l => l.DonorOrganisationId).Distinct()), []);

    private void Authorize(Permission permission) => AccessPolicy.Require(permission, Scope, "pilot", Id);

    /// <inheritdoc/>
    protected override void Authorize(KpiAccess access) => Authorize(access switch
    {
        KpiAccess.Read => Permission.ReadPilot,
        KpiAccess.Define => Permission.ManagePilot,
        _ => Permission.ReportOnPilot,
    });

    /// <summary>A completed or cancelled pilot is over: its record is final.</summary>
    private bool IsOver => State.Status is PilotStatus.Completed or PilotStatus.Cancelled;

    /// <inheritdoc/>
    protected override void RequireChangeable()
    {
        if (IsOver)
            throw new RuleViolationException($"Pilot '{Id}' is {State.Status}; its record is final.");
    }

    /// <inheritdoc/>
    protected override bool IsComputed(string kpiCode) =>
        kpiCode == KpiTemplates.EmissionReductionsCode && State.JcmPlan is not null;

    /// <inheritdoc/>
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await base.OnActivateAsync(cancellationToken);
        // Re-arms the reminder should an earlier registration have failed after a write.
        if (State.Definition is not null && NextCheck() is { } next)
            await _reminder.SyncAsync(this, next);
    }

    /// <inheritdoc/>
    public async Task<PilotView> Create(PilotDefinition definition, bool applyKpiTemplates)
    {
        Field.Id(Id, "pilot_id");
        definition.Validate();
        if (State.Definition is { } existing)
        {
            Authorize(Permission.ManagePilot);
            if (existing != definition)
            {
                // Completes a listing an earlier create may have left undone, then refuses.
                await ListWithPartnershipAsync(existing.PartnershipId);
                throw new EntityExistsException("pilot", Id);
            }
        }

        var partnership = await GrainFactory.GetGrain<IPartnershipGrain>(definition.PartnershipId).Get();
        AccessPolicy.Require(Permission.ManagePartnership, partnership.AccessScope, "partnership", definition.PartnershipId);
        if (State.Definition is null)
        {
            if (!partnership.ProgrammeIds.Contains(definition.ProgrammeId))
                throw new EntityNotFoundException($"programme of partnership '{definition.PartnershipId}'", definition.ProgrammeId);
            if (!partnership.Definition.CityIds.Contains(definition.CityId))
                throw new InvalidFieldException("city_id", $"must be one of the partnership's cities ({string.Join(", ", partnership.Definition.CityIds)})");
            // Each unknown organisation is NotFound, before anything is written.
            await Task.WhenAll(definition.OrganisationIds.Select(id => GrainFactory.GetGrain<IOrganisationGrain>(id).Get()));
            var city = await GrainFactory.GetGrain<ICityGrain>(definition.CityId).Get();
            await RaiseAsync(new PilotCreated(definition, city.Definition.TimeZone,
                applyKpiTemplates ? KpiTemplates.For(definition.Kind) : [], ValueList.Of(partnership.Definition.CityIds)));
        }
        // Also on a repeat: converges after a failure between the two writes. Skipped when
        // already listed, so a repeat never waits on a partnership that is reading its pilots.
        if (!partnership.PilotIds.Contains(Id))
            await GrainFactory.GetGrain<IPartnershipGrain>(definition.PartnershipId).AttachPilot(Id);
        return View();
    }

    private async Task ListWithPartnershipAsync(string partnershipId)
    {
        var partnership = GrainFactory.GetGrain<IPartnershipGrain>(partnershipId);
        if (!(await partnership.Get()).PilotIds.Contains(Id))
            await partnership.AttachPilot(Id);
    }

    /// <inheritdoc/>
    public Task<PilotView> Get()
    {
        Authorize(Permission.ReadPilot);
        return Task.FromResult(View());
    }

    /// <inheritdoc/>
    public Task<PilotSummary> GetSummary() => Task.FromResult(PilotViews.Summarise(View()));

    /// <inheritdoc/>
    public async Task<PilotView> ChangeStatus(PilotStatus status, string? reason)
    {
        Authorize(Permission.ManagePilot);
        var current = State.Status;
        if (status == current)
            return View();
        var checkedReason = PilotLifecycle.Check(current, status, reason);
        await RaiseAsync(new PilotStatusChanged(current, status, checkedReason));
        await _reminder.SyncAsync(this, NextCheck());
        return View();
    }

    /// <inheritdoc/>
    public async Task<PilotView> SetFundingLine(FundingLine line)
    {
        Authorize(Permission.ManagePilot);
        line.Validate();
        if (State.FundingLines.Contains(line))
            return View();
        RequireChangeable();
        var donor = await GrainFactory.GetGrain<IOrganisationGrain>(line.DonorOrganisationId).Get();
        if (donor.Definition.Kind != OrganisationKind.Donor)
            throw new InvalidFieldException("donor_organisation_id", $"'{line.DonorOrganisationId}' is not a donor organisation");
        await RaiseAsync(new FundingLineSet(line));
        return View();
    }

    /// <inheritdoc/>
    public async Task<MilestoneView> AddMilestone(MilestoneDefinition milestone)
    {
        Authorize(Permission.ManagePilot);
        if (MilestoneSchedule.Add(State.Milestones, milestone) is not null)
        {
            RequireChangeable();
            await RaiseAsync(new MilestoneAdded(milestone));
        }
        await _reminder.SyncAsync(this, NextCheck());
        return MilestoneView(milestone.MilestoneId);
    }

    /// <inheritdoc/>
    public async Task<MilestoneView> UpdateMilestone(string milestoneId, MilestoneProgress progress)
    {
        Authorize(Permission.ReportOnPilot);
        if (MilestoneSchedule.Report(State.Milestones, milestoneId, progress, Today) is not null)
        {
            RequireChangeable();
            await RaiseAsync(new MilestoneReported(milestoneId, progress));
        }
        await _reminder.SyncAsync(this, NextCheck());
        return MilestoneView(milestoneId);
    }

    /// <inheritdoc/>
    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != DueDateReminder.Name)
            return;
        CallerContext.ActAsPlatform();
        if (State.Definition is not null && !IsOver && DueItems.NewlyOverdue(State.Milestones, Today) is { Count: > 0 } overdue)
            await RaiseAsync(new MilestonesFoundOverdue(overdue));
        await _reminder.SyncAsync(this, State.Definition is null ? null : NextCheck());
    }

    /// <inheritdoc/>
    public async Task<JcmView> SetJcmPlan(JcmMonitoringPlan plan)
    {
        Authorize(Permission.ManagePilot);
        RequireJcm();
        JcmMethodologies.CheckPlan(plan);
        if (plan != State.JcmPlan)
        {
            RequireChangeable();
            // A revised plan applies to later periods; each result keeps the plan it was computed with.
            await RaiseAsync(new JcmPlanSet(plan));
        }
        return PilotViews.Jcm(State);
    }

    /// <inheritdoc/>
    public Task<JcmView> GetJcm()
    {
        Authorize(Permission.ReadPilot);
        RequireJcm();
        return Task.FromResult(PilotViews.Jcm(State));
    }

    private void RequireJcm()
    {
        if (Definition.Kind != PilotKind.JcmEquipment)
            throw new RuleViolationException($"Pilot '{Id}' is a {Definition.Kind} pilot; only JCM equipment pilots are monitored.");
    }

    /// <inheritdoc/>
    public async Task<MonitoringResult> RecordMonitoringPeriod(MonitoringPeriodInput period)
    {
        Authorize(Permission.ReportOnPilot);
        RequireJcm();
        var plan = State.JcmPlan
            ?? throw new RuleViolationException($"Pilot '{Id}' has no JCM monitoring plan yet; set one first.");
        period.Validate();
        if (State.JcmPeriods.FirstOrDefault(p => p.Input.PeriodId == period.PeriodId) is { } recorded)
            return recorded.Input == period ? recorded : throw new EntityExistsException("monitoring period", period.PeriodId);
        if (period.End > Today)
            throw new InvalidFieldException("end", "must not be in the future");
        if (State.JcmPeriods.FirstOrDefault(p => p.Input.Start <= period.End && period.Start <= p.Input.End) is { } overlapping)
            throw new RuleViolationException($"Monitoring period '{overlapping.Input.PeriodId}' already covers part of these dates; periods must not overlap.");
        var result = JcmCalculation.Compute(plan, period, Definition.Frequency);
        if (State.JcmPeriods.FirstOrDefault(p => p.KpiPeriod == result.KpiPeriod) is { } sharing)
            throw new RuleViolationException($"Monitoring period '{sharing.Input.PeriodId}' already ends in {result.KpiPeriod}; each reporting period takes one.");
        if (Find(KpiTemplates.EmissionReductionsCode) is not { Aggregation: KpiAggregation.Incremental, Measure: KpiMeasure.Number })
            throw new RuleViolationException($"Define KPI '{KpiTemplates.EmissionReductionsCode}' (tCO2e, a number, incremental) first: the reductions are recorded on it.");

        // The result and the reading it records are one event: both are stored or neither.
        var readings = CheckReadings([new KpiReadingInput(KpiTemplates.EmissionReductionsCode, result.KpiPeriod,
            (double)result.EmissionReductions, Note: $"JCM monitoring period {period.PeriodId} ({plan.MethodologyId} ver {plan.MethodologyVersion})")],
            "readings", computed: true);
        await RaiseAsync([new MonitoringPeriodRecorded(result, readings)], AsSubjectReadings(readings));
        return result;
    }

    /// <summary>When the next watched milestone becomes overdue; none once the pilot is over.</summary>
    private DateTimeOffset? NextCheck() => IsOver ? null : DueItems.NextCheck(State.Milestones, State.TimeZone);

    private MilestoneView MilestoneView(string milestoneId) =>
        View().Milestones.First(m => m.Definition.MilestoneId == milestoneId);

    private PilotView View()
    {
        var today = Today;
        if (_view is not { } cached || cached.Day != today)
            _view = cached = (PilotViews.Build(Id, State, Views(), ReadingCount, today), today);
        return cached.View;
    }
}
