using System.Globalization;
using Cooperation.Contracts.Access;
using Cooperation.Contracts.Cities;
using Cooperation.Contracts.Common;
using Cooperation.Contracts.Notices;
using Cooperation.Contracts.Jcm;
using Cooperation.Contracts.Kpis;
using Cooperation.Contracts.Organisations;
using Cooperation.Contracts.Partnerships;
using Cooperation.Contracts.Pilots;
using Cooperation.Silo.DueDates;
using Cooperation.Silo.Hosting;
using Cooperation.Silo.Journal;
using Cooperation.Silo.Partnerships;
using Cooperation.Silo.Kpis;
using Cooperation.Contracts.Programmes;
using Cooperation.Contracts.Submissions;
using Cooperation.Silo.Kpis.Readings;
using Cooperation.Silo.Pilots.Jcm;
using Cooperation.Silo.Pilots.Milestones;
using Cooperation.Silo.Pilots.Reporting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Cooperation.Contracts.Pilots.Kinds;

namespace Cooperation.Silo.Pilots;

/// <summary>
/// A pilot project: definition, lifecycle, funding, milestones and JCM monitoring as events
/// (<see cref="PilotEvents"/>); KPIs through <see cref="KpiSubjectGrain{TState}"/>; a due-date
/// reminder that marks milestones overdue in the pilot city's time zone.
/// </summary>
internal sealed partial class PilotGrain(
    [PersistentState(EntityTypes.Pilot, StorageNames.Domain)] IPersistentState<EntitySnapshot<PilotState>> snapshot,
    IEventJournal journal,
    TimeProvider clock,
    IOptions<DueDateOptions> dueDates,
    ILogger<PilotGrain> logger) : KpiSubjectGrain<PilotState>(snapshot, journal, clock, logger), IPilotGrain, IRemindable
{
    // Reads far outnumber changes: each view is built once per change and local day.
    private readonly Dictionary<FigureBasis, (PilotView View, DateOnly Day, string Version)> _views = [];

    // Updates answered lately, by idempotency key.
    private readonly RecentUpdates _recentUpdates = new();

    // Who takes part, for access checks; rebuilt after a change.
    private AccessScope? _scope;

    private readonly DueDateReminder _reminder = new(dueDates.Value, clock);

    /// <inheritdoc/>
    protected override string EntityType => EntityTypes.Pilot;

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
    protected override void OnChanged()
    {
        _views.Clear();
        _scope = null;
    }

    /// <summary>Who takes part, for access; null while the pilot does not exist.</summary>
    private AccessScope? Scope => State.Definition is not { } definition ? null : _scope ??= new AccessScope(
        State.PartnershipCityIds, [], ValueList.Of(definition.OrganisationIds),
        ValueList.Of(State.FundingLines.Select(l => l.DonorOrganisationId).Distinct()),
        State.JcmVerifierId is { } verifier ? [verifier] : []);

    private void Authorize(Permission permission) => AccessPolicy.Require(permission, Scope, "pilot", Id);

    /// <inheritdoc/>
    protected override void Authorize(KpiAccess access) => Authorize(access switch
    {
        KpiAccess.Read => Permission.ReadPilot,
        KpiAccess.Define => Permission.ManagePilot,
        KpiAccess.Record => Permission.ReportOnPilot,
        _ => throw new ArgumentOutOfRangeException(nameof(access), access, "Every KPI access maps to a permission."),
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
    protected override bool IsComputed(string kpiCode) => PilotKinds.Of(Definition.Kind).Computes(kpiCode);

    /// <inheritdoc/>
    protected override string? RefusesPeriod(ReportingPeriod period) =>
        State.ReviewOf(period).IsLocked ? $"Period {period} of pilot '{Id}' is approved and locked; a reviewer must reopen it before it takes new figures." : null;

    /// <inheritdoc/>
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await base.OnActivateAsync(cancellationToken);
        // Re-arms the reminder should an earlier registration have failed after a write.
        if (State.Definition is not null && NextCheck() is { } next)
            await _reminder.SyncAsync(this, next);
    }

    /// <inheritdoc/>
    public async Task<PilotView> Create(PilotDefinition definition, KpiTemplateChoice templates)
    {
        Field.Id(Id, "pilot_id");
        definition.Validate();
        var kpis = templates.Of(PilotKinds.Of(definition.Kind), "kpi_template_codes");
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

        var partnership = await ManagedPartnership.ReadAsync(GrainFactory, definition.PartnershipId);
        if (State.Definition is null)
        {
            if (!partnership.ProgrammeIds.Contains(definition.ProgrammeId))
                throw new EntityNotFoundException($"programme of partnership '{definition.PartnershipId}'", definition.ProgrammeId);
            if (!partnership.Definition.CityIds.Contains(definition.CityId))
                throw new InvalidFieldException("city_id", $"must be one of the partnership's cities ({string.Join(", ", partnership.Definition.CityIds)})");
            // Each unknown organisation is NotFound, before anything is written.
            await Task.WhenAll(definition.OrganisationIds.Select(id => GrainFactory.GetGrain<IOrganisationGrain>(id).Get()));
            var city = await GrainFactory.GetGrain<ICityGrain>(definition.CityId).Get();
            var programme = await GrainFactory.GetGrain<IProgrammeGrain>(definition.ProgrammeId).Get();
            await RaiseAsync(new PilotCreated(StoredPilotDefinition.Of(definition), city.Definition.TimeZone,
                StoredKpi.Of(kpis), ValueList.Of(partnership.Definition.CityIds),
                programme.Definition.SubmissionWindowDays));
        }
        // Also on a repeat: converges after a failure between the two writes. Skipped when
        // already listed, so a repeat never waits on a partnership that is reading its pilots.
        if (!partnership.PilotIds.Contains(Id))
            await GrainFactory.GetGrain<IPartnershipGrain>(definition.PartnershipId).AttachPilot(Id);
        return ForCaller(View());
    }

    private async Task ListWithPartnershipAsync(string partnershipId)
    {
        if (!(await ManagedPartnership.StructureAsync(GrainFactory, partnershipId)).PilotIds.Contains(Id))
            await GrainFactory.GetGrain<IPartnershipGrain>(partnershipId).AttachPilot(Id);
    }

    /// <inheritdoc/>
    public Task<PilotView> Get(FigureBasis basis = FigureBasis.All)
    {
        Authorize(Permission.ReadPilot);
        return Task.FromResult(ForCaller(View(Field.Choice(basis, "figures"))));
    }

    /// <inheritdoc/>
    public Task<VersionedPilotView> GetIfChanged(FigureBasis basis, string? knownVersion)
    {
        Authorize(Permission.ReadPilot);
        var (full, _, fullVersion) = CachedView(Field.Choice(basis, "figures"));
        var view = ForCaller(full);
        // A caller who may not see every funding line gets another view, under another version.
        var version = ReferenceEquals(view, full) ? fullVersion : $"{fullVersion}:{string.Join(",", view.FundingLines.Select(l => l.LineId))}";
        return Task.FromResult(new VersionedPilotView(version, version == knownVersion ? null : view));
    }

    /// <inheritdoc/>
    public Task<bool> MayManage()
    {
        Authorize(Permission.ReadPilot);
        return Task.FromResult(AccessPolicy.Allows(CallerContext.Current, Permission.ManagePilot, Scope!));
    }

    /// <inheritdoc/>
    public Task<PilotSummary?> GetSummaryIfReadable(FigureBasis basis = FigureBasis.All) =>
        Task.FromResult(Scope is { } scope && AccessPolicy.Allows(CallerContext.Current, Permission.ReadPilot, scope)
            ? PilotViews.Summarise(View(basis)) : null);

    /// <summary>Whether the caller may see <paramref name="line"/>: its donor, the pilot's city offices, admins.</summary>
    private bool MaySee(FundingLine line) => AccessPolicy.Allows(CallerContext.Current, Permission.ReadFunding,
        Scope! with { DonorIds = [line.DonorOrganisationId] });

    /// <summary>The view as the caller may see it: the funding lines within its scope, and their totals.</summary>
    private PilotView ForCaller(PilotView view) =>
        view.FundingLines.All(MaySee) ? view : PilotViews.WithFunding(view, ValueList.Of(view.FundingLines.Where(MaySee)));

    /// <summary>A funding line's event shows only to those who may see the line.</summary>
    protected override ValueTask<bool> ShowsAsync(IEntityEvent @event) =>
        ValueTask.FromResult(@event is not FundingLineSet set || MaySee(set.Line.ToContract()));

    /// <inheritdoc/>
    public Task<ValueList<DueItem>> GetDueItems(int withinDays)
    {
        Authorize(Permission.ReadPilot);
        return Task.FromResult(ValueList.Of(OwedItems.OfPilot(Id, State, Today, withinDays)));
    }

    /// <inheritdoc/>
    public Task<ValueList<ReportingPeriodView>> GetReporting()
    {
        Authorize(Permission.ReadPilot);
        return Task.FromResult(View().Reporting);
    }

    /// <inheritdoc/>
    public async Task<PilotView> ChangeStatus(PilotStatus status, string? reason, DateOnly? effectiveOn = null)
    {
        Authorize(Permission.ManagePilot);
        var current = State.Status;
        if (status == current)
            return ForCaller(View());
        var checkedReason = PilotLifecycle.Check(current, status, reason);
        var previous = State.StatusHistory.LastOrDefault() is { } last ? ReportingCalendar.EffectiveDay(last, State.TimeZone) : (DateOnly?)null;
        var effective = PilotLifecycle.CheckEffectiveOn(effectiveOn, Today, previous);
        await RaiseAsync(new PilotStatusChanged(current, status, checkedReason, effective));
        await _reminder.SyncAsync(this, NextCheck());
        return ForCaller(View());
    }

    /// <inheritdoc/>
    public async Task<PilotView> SetFundingLine(FundingLine line)
    {
        Authorize(Permission.ManagePilot);
        line.Validate();
        if (State.FundingLines.Contains(line))
            return ForCaller(View());
        RequireChangeable();
        var donor = await GrainFactory.GetGrain<IOrganisationGrain>(line.DonorOrganisationId).Get();
        if (donor.Definition.Kind != OrganisationKind.Donor)
            throw new InvalidFieldException("donor_organisation_id", $"'{line.DonorOrganisationId}' is not a donor organisation");
        await RaiseAsync(new FundingLineSet(StoredFundingLine.Of(line)));
        return ForCaller(View());
    }

    /// <inheritdoc/>
    public async Task<MilestoneView> AddMilestone(MilestoneDefinition milestone)
    {
        Authorize(Permission.ManagePilot);
        if (MilestoneSchedule.Add(State.Milestones, milestone) is not null)
        {
            RequireChangeable();
            await RaiseAsync(new MilestoneAdded(StoredMilestone.Of(milestone)));
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
            await RaiseAsync(new MilestoneReported(milestoneId, StoredMilestoneProgress.Of(progress)));
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
        JcmMonitoring.RequireJcm(Id, Definition);
        JcmMethodologies.CheckPlan(plan);
        if (plan != State.JcmPlan)
        {
            RequireChangeable();
            // A revised plan applies to later periods; each result keeps the plan it was computed with.
            await RaiseAsync(new JcmPlanSet(StoredMonitoringPlan.Of(plan)));
        }
        return PilotViews.Jcm(State);
    }

    /// <inheritdoc/>
    public Task<JcmView> GetJcm()
    {
        Authorize(Permission.ReadPilot);
        JcmMonitoring.RequireJcm(Id, Definition);
        return Task.FromResult(PilotViews.Jcm(State));
    }

    /// <inheritdoc/>
    public async Task<MonitoringResult> RecordMonitoringPeriod(MonitoringPeriodInput period)
    {
        Authorize(Permission.ReportOnPilot);
        JcmMonitoring.RequireJcm(Id, Definition);
        var (result, isNew) = JcmMonitoring.Record(Id, State, period, Today);
        if (!isNew)
            return result;
        RequireChangeable();
        // The result and the reading it records are one event: both are stored or neither.
        var readings = CheckReadings([JcmMonitoring.Reading(result)], "readings", computed: true);
        await RaiseAsync([new MonitoringPeriodRecorded(StoredMonitoringResult.Of(result), StoredReading.Of(readings))], AsSubjectReadings(readings));
        return result;
    }

    /// <inheritdoc/>
    public async Task<JcmView> AppointVerifier(string organisationId)
    {
        Authorize(Permission.AppointVerifier);
        JcmMonitoring.RequireJcm(Id, Definition);
        Field.Id(organisationId, "organisation_id");
        if (organisationId != State.JcmVerifierId)
        {
            RequireChangeable();
            await GrainFactory.GetGrain<IOrganisationGrain>(organisationId).Get();
            await RaiseAsync(new JcmVerifierAppointed(organisationId));
        }
        return PilotViews.Jcm(State);
    }

    /// <inheritdoc/>
    public Task<bool> MayAppointVerifier()
    {
        Authorize(Permission.ReadPilot);
        return Task.FromResult(AccessPolicy.Allows(CallerContext.Current, Permission.AppointVerifier, Scope!));
    }

    /// <inheritdoc/>
    public Task<JcmView> GetJcmToVerify()
    {
        Authorize(Permission.VerifyMonitoring);
        JcmMonitoring.RequireJcm(Id, Definition);
        return Task.FromResult(PilotViews.Jcm(State));
    }

    /// <inheritdoc/>
    public Task<bool> MayVerify() => Task.FromResult(Scope is { } scope && JcmMonitoring.IsJcm(Definition)
        && AccessPolicy.Allows(CallerContext.Current, Permission.VerifyMonitoring, scope));

    /// <inheritdoc/>
    public async Task<JcmView> ReviewMonitoringPeriod(string periodId, ReviewDecision decision, string? comment)
    {
        Authorize(Permission.VerifyMonitoring);
        JcmMonitoring.RequireJcm(Id, Definition);
        var (changes, text) = JcmMonitoring.Review(State, periodId, decision, comment, CallerContext.Current.OrganisationId);
        if (changes)
        {
            RequireChangeable();
            await RaiseAsync(new MonitoringPeriodReviewed(periodId, decision, text));
        }
        return PilotViews.Jcm(State);
    }

    /// <summary>When the next watched milestone becomes overdue; none once the pilot is over.</summary>
    private DateTimeOffset? NextCheck() => IsOver ? null : DueItems.NextCheck(State.Milestones, State.TimeZone);

    private MilestoneView MilestoneView(string milestoneId) =>
        View().Milestones.First(m => m.Definition.MilestoneId == milestoneId);

    private PilotView View(FigureBasis basis = FigureBasis.All) => CachedView(basis).View;

    /// <summary>The view on <paramref name="basis"/>, the local day it was built for, and its version (<see cref="VersionedPilotView.Version"/>).</summary>
    private (PilotView View, DateOnly Day, string Version) CachedView(FigureBasis basis)
    {
        var today = Today;
        if (!_views.TryGetValue(basis, out var cached) || cached.Day != today)
        {
            var ledger = LedgerOf(basis);
            _views[basis] = cached = (PilotViews.Build(Id, State, Views(ledger), ledger.ReadingCount, today, basis), today,
                string.Create(CultureInfo.InvariantCulture, $"{Version}.{today.DayNumber}.{(int)basis}"));
        }
        return cached;
    }
}
