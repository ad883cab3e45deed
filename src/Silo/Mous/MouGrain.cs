using Cooperation.Contracts.Access;
using Cooperation.Contracts.Cities;
using Cooperation.Contracts.Common;
using Cooperation.Contracts.Notices;
using Cooperation.Contracts.Mous;
using Cooperation.Contracts.Organisations;
using Cooperation.Contracts.Partnerships;
using Cooperation.Silo.DueDates;
using Cooperation.Silo.Hosting;
using Cooperation.Silo.Journal;
using Cooperation.Silo.Partnerships;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Cooperation.Silo.Mous;

/// <summary>
/// An MoU among organisations of a partnership: signatures, termination, commitments, and a
/// due-date reminder that marks commitments overdue in the MoU's time zone.
/// </summary>
internal sealed class MouGrain(
    [PersistentState(EntityTypes.Mou, StorageNames.Domain)] IPersistentState<EntitySnapshot<MouState>> snapshot,
    IEventJournal journal,
    TimeProvider clock,
    IOptions<DueDateOptions> dueDates,
    ILogger<MouGrain> logger) : EventSourcedGrain<MouState>(snapshot, journal, clock, logger), IMouGrain, IRemindable
{
    /// <summary>Longest termination reason.</summary>
    public const int MaxReasonLength = 500;

    private readonly DueDateReminder _reminder = new(dueDates.Value, clock);

    /// <inheritdoc/>
    protected override string EntityType => EntityTypes.Mou;

    /// <inheritdoc/>
    protected override MouState Initial => new();

    /// <inheritdoc/>
    protected override MouState Apply(MouState state, JournalEntry entry) => MouEvents.Apply(state, entry);

    /// <inheritdoc/>
    protected override string? ScopeOf(MouState state) => state.Definition?.PartnershipId;

    private MouDefinition Definition => State.Definition ?? throw new EntityNotFoundException("MoU", Id);

    /// <summary>Who takes part, for access: its partnership's city offices manage it, its parties act in it.</summary>
    private AccessScope? Scope => State.Definition is { } definition
        ? new AccessScope(State.PartnershipCityIds, [], definition.PartyOrganisationIds, [], [])
        : null;

    private void Authorize(Permission permission) => AccessPolicy.Require(permission, Scope, "MoU", Id);

    /// <inheritdoc/>
    protected override void AuthorizeRead() => Authorize(Permission.ReadMou);

    /// <summary>A party acts for itself; anything else needs the right to manage the MoU.</summary>
    private void AuthorizeFor(string organisationId) =>
        Authorize(organisationId == CallerContext.Current.OrganisationId ? Permission.ActAsParty : Permission.ManageMou);

    private DateOnly Today => LocalCalendar.Today(Clock, State.TimeZone);

    /// <inheritdoc/>
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await base.OnActivateAsync(cancellationToken);
        // Re-arms the reminder should an earlier registration have failed after a write.
        if (State.Definition is not null && NextCheck() is { } next)
            await _reminder.SyncAsync(this, next);
    }

    /// <inheritdoc/>
    public async Task<MouView> Create(MouDefinition definition)
    {
        Field.Id(Id, "mou_id");
        definition.Validate();
        if (State.Definition is { } existing)
        {
            Authorize(Permission.ManageMou);
            if (existing != definition)
            {
                // Completes a listing an earlier create may have left undone, then refuses.
                await ListWithPartnershipAsync(existing.PartnershipId);
                throw new EntityExistsException("MoU", Id);
            }
        }

        var partnership = await ManagedPartnership.ReadAsync(GrainFactory, definition.PartnershipId);
        if (State.Definition is null)
        {
            for (var i = 0; i < definition.LinkedPilotIds.Count; i++)
            {
                if (!partnership.PilotIds.Contains(definition.LinkedPilotIds[i]))
                    throw new InvalidFieldException($"linked_pilot_ids[{i}]", $"'{definition.LinkedPilotIds[i]}' is not a pilot of partnership '{definition.PartnershipId}'");
            }
            await Task.WhenAll(definition.PartyOrganisationIds.Select(id => GrainFactory.GetGrain<IOrganisationGrain>(id).Get()));
            var city = await GrainFactory.GetGrain<ICityGrain>(partnership.Definition.FirstCityId).Get();
            await RaiseAsync(new MouCreated(StoredMouDefinition.Of(definition), city.Definition.TimeZone, ValueList.Of(partnership.Definition.CityIds)));
        }
        // Skipped when already listed, so a repeat never waits on a partnership reading its MoUs.
        if (!partnership.MouIds.Contains(Id))
            await GrainFactory.GetGrain<IPartnershipGrain>(definition.PartnershipId).AttachMou(Id);
        return View();
    }

    private async Task ListWithPartnershipAsync(string partnershipId)
    {
        if (!(await ManagedPartnership.StructureAsync(GrainFactory, partnershipId)).MouIds.Contains(Id))
            await GrainFactory.GetGrain<IPartnershipGrain>(partnershipId).AttachMou(Id);
    }

    /// <inheritdoc/>
    public Task<MouView> Get()
    {
        Authorize(Permission.ReadMou);
        return Task.FromResult(View());
    }

    /// <inheritdoc/>
    public Task<MouView?> GetIfReadable() =>
        Task.FromResult(Scope is { } scope && AccessPolicy.Allows(CallerContext.Current, Permission.ReadMou, scope) ? View() : null);

    /// <inheritdoc/>
    public Task<bool> MayManage()
    {
        Authorize(Permission.ReadMou);
        return Task.FromResult(AccessPolicy.Allows(CallerContext.Current, Permission.ManageMou, Scope!));
    }

    /// <inheritdoc/>
    public async Task<MouView> Sign(Signature signature)
    {
        Field.Id(signature.OrganisationId, "organisation_id");
        AuthorizeFor(signature.OrganisationId);
        var definition = Definition;
        if (!definition.PartyOrganisationIds.Contains(signature.OrganisationId))
            throw new InvalidFieldException("organisation_id", $"'{signature.OrganisationId}' is not a party of the MoU");
        if (signature.SignedOn > Today)
            throw new InvalidFieldException("signed_on", "must not be in the future");
        if (State.Signatures.FirstOrDefault(s => s.OrganisationId == signature.OrganisationId) is { } signed)
            return signed == signature ? View() : throw new RuleViolationException($"'{signature.OrganisationId}' already signed on {Field.Format(signed.SignedOn)}.");
        RequireNotTerminated();
        await RaiseAsync(new MouSigned(StoredSignature.Of(signature)));
        return View();
    }

    /// <inheritdoc/>
    public async Task<MouView> Terminate(string reason)
    {
        Authorize(Permission.ManageMou);
        var checkedReason = Field.Text(reason, "reason", MaxReasonLength);
        if (State.TerminationReason == checkedReason)
            return View();
        var status = MouCalendar.StatusOn(State, Today);
        if (status is not (MouStatus.Signed or MouStatus.Active))
            throw new RuleViolationException($"MoU '{Id}' is {status}; only a signed or active MoU can be terminated.");
        await RaiseAsync(new MouTerminated(checkedReason));
        await _reminder.SyncAsync(this, null);
        return View();
    }

    /// <inheritdoc/>
    public async Task<CommitmentView> AddCommitment(CommitmentDefinition commitment)
    {
        Authorize(Permission.ManageMou);
        var definition = Definition;
        commitment.Validate();
        if (!definition.PartyOrganisationIds.Contains(commitment.OwnerOrganisationId))
            throw new InvalidFieldException("owner_organisation_id", $"'{commitment.OwnerOrganisationId}' is not a party of the MoU");
        if (State.Commitments.FirstOrDefault(c => c.Definition.CommitmentId == commitment.CommitmentId) is { } existing)
        {
            if (existing.Definition != commitment)
                throw new EntityExistsException("commitment", commitment.CommitmentId);
            await _reminder.SyncAsync(this, NextCheck());
            return CommitmentView(commitment.CommitmentId);
        }
        RequireNotOver();
        await RaiseAndResyncAsync(new CommitmentAdded(StoredCommitment.Of(commitment)));
        return CommitmentView(commitment.CommitmentId);
    }

    /// <inheritdoc/>
    public async Task<CommitmentView> SetCommitmentStatus(string commitmentId, CommitmentStatus status)
    {
        Authorize(Permission.ReadMou);
        Field.Choice(status, "status");
        var existing = State.Commitments.FirstOrDefault(c => c.Definition.CommitmentId == commitmentId)
            ?? throw new EntityNotFoundException("commitment", commitmentId);
        AuthorizeFor(existing.Definition.OwnerOrganisationId);
        if (existing.Status != status)
        {
            await RaiseAndResyncAsync(new CommitmentStatusSet(commitmentId, status));
        }
        else
        {
            await _reminder.SyncAsync(this, NextCheck());
        }
        return CommitmentView(commitmentId);
    }

    /// <inheritdoc/>
    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != DueDateReminder.Name)
            return;
        CallerContext.ActAsPlatform();
        if (State.Definition is not null && !MouCalendar.IsOver(MouCalendar.StatusOn(State, Today))
            && DueItems.NewlyOverdue(State.Commitments, Today) is { Count: > 0 } overdue)
            await RaiseAndResyncAsync(new CommitmentsFoundOverdue(overdue));
        else
            await _reminder.SyncAsync(this, State.Definition is null ? null : NextCheck());
    }

    /// <summary>When the next watched commitment becomes overdue; null when none is watched.</summary>
    /// <inheritdoc/>
    public Task<ValueList<DueItem>> GetDueItems(int withinDays)
    {
        AuthorizeRead();
        return Task.FromResult(ValueList.Of(OwedItems.OfMou(Id, State, Today, withinDays)));
    }

    private DateTimeOffset? NextCheck() => DueItems.NextCheck(MouCalendar.Watched(State, Today), State.TimeZone);

    private async Task RaiseAndResyncAsync(IEntityEvent @event)
    {
        await RaiseAsync(@event);
        await _reminder.SyncAsync(this, NextCheck());
    }

    private void RequireNotTerminated()
    {
        if (State.TerminationReason is not null)
            throw new RuleViolationException($"MoU '{Id}' was terminated: {State.TerminationReason}");
    }

    private void RequireNotOver()
    {
        RequireNotTerminated();
        if (MouCalendar.StatusOn(State, Today) == MouStatus.Expired)
            throw new RuleViolationException($"MoU '{Id}' expired on {Field.Format(Definition.ExpiryDate)}.");
    }

    private CommitmentView CommitmentView(string commitmentId) =>
        View().Commitments.First(c => c.Definition.CommitmentId == commitmentId);

    private MouView View()
    {
        _ = Definition;
        return MouCalendar.View(Id, State, Today);
    }
}
