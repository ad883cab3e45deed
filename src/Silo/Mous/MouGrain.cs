using Cooperation.Contracts.Cities;
using Cooperation.Contracts.Common;
using Cooperation.Contracts.Mous;
using Cooperation.Contracts.Organisations;
using Cooperation.Contracts.Partnerships;
using Cooperation.Silo.DueDates;
using Cooperation.Silo.Hosting;
using Microsoft.Extensions.Options;

namespace Cooperation.Silo.Mous;

/// <summary>
/// An MoU among organisations of a partnership: signatures, termination, commitments, and a
/// due-date reminder that marks commitments overdue in the MoU's time zone.
/// </summary>
public sealed class MouGrain(
    [PersistentState("mou", StorageNames.Domain)] IPersistentState<MouState> state,
    TimeProvider clock,
    IOptions<DueDateOptions> dueDates) : Grain, IMouGrain, IRemindable
{
    /// <summary>Longest termination reason.</summary>
    public const int MaxReasonLength = 500;

    private readonly DueDateReminder _reminder = new(dueDates.Value, clock);

    private string Id => this.GetPrimaryKeyString();

    private MouDefinition Definition => state.State.Definition ?? throw new EntityNotFoundException("MoU", Id);

    private DateOnly Today => LocalCalendar.Today(clock, state.State.TimeZone);

    /// <inheritdoc/>
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // Re-arms the reminder should an earlier registration have failed after a write.
        if (state.State.Definition is not null && NextCheck() is { } next)
            await _reminder.SyncAsync(this, next);
    }

    /// <inheritdoc/>
    public async Task<MouView> Create(MouDefinition definition)
    {
        Field.Id(Id, "mou_id");
        definition.Validate();
        if (state.State.Definition is { } existing && existing != definition)
        {
            // Completes a listing an earlier create may have left undone, then refuses.
            await ListWithPartnershipAsync(existing.PartnershipId);
            throw new EntityExistsException("MoU", Id);
        }

        var partnership = await GrainFactory.GetGrain<IPartnershipGrain>(definition.PartnershipId).Get();
        if (state.State.Definition is null)
        {
            for (var i = 0; i < definition.LinkedPilotIds.Count; i++)
            {
                if (!partnership.PilotIds.Contains(definition.LinkedPilotIds[i]))
                    throw new InvalidFieldException($"linked_pilot_ids[{i}]", $"'{definition.LinkedPilotIds[i]}' is not a pilot of partnership '{definition.PartnershipId}'");
            }
            await Task.WhenAll(definition.PartyOrganisationIds.Select(id => GrainFactory.GetGrain<IOrganisationGrain>(id).Get()));
            var city = await GrainFactory.GetGrain<ICityGrain>(partnership.Definition.FirstCityId).Get();
            await state.CommitAsync(new MouState { Definition = definition, TimeZone = city.Definition.TimeZone }, this);
        }
        // Skipped when already listed, so a repeat never waits on a partnership reading its MoUs.
        if (!partnership.MouIds.Contains(Id))
            await GrainFactory.GetGrain<IPartnershipGrain>(definition.PartnershipId).AttachMou(Id);
        return View();
    }

    private async Task ListWithPartnershipAsync(string partnershipId)
    {
        var partnership = GrainFactory.GetGrain<IPartnershipGrain>(partnershipId);
        if (!(await partnership.Get()).MouIds.Contains(Id))
            await partnership.AttachMou(Id);
    }

    /// <inheritdoc/>
    public Task<MouView> Get() => Task.FromResult(View());

    /// <inheritdoc/>
    public async Task<MouView> Sign(Signature signature)
    {
        var definition = Definition;
        Field.Id(signature.OrganisationId, "organisation_id");
        if (!definition.PartyOrganisationIds.Contains(signature.OrganisationId))
            throw new InvalidFieldException("organisation_id", $"'{signature.OrganisationId}' is not a party of the MoU");
        if (signature.SignedOn > Today)
            throw new InvalidFieldException("signed_on", "must not be in the future");
        if (state.State.Signatures.FirstOrDefault(s => s.OrganisationId == signature.OrganisationId) is { } signed)
            return signed == signature ? View() : throw new RuleViolationException($"'{signature.OrganisationId}' already signed on {Field.Format(signed.SignedOn)}.");
        RequireNotTerminated();
        await state.CommitAsync(state.State with { Signatures = state.State.Signatures.Add(signature) }, this);
        return View();
    }

    /// <inheritdoc/>
    public async Task<MouView> Terminate(string reason)
    {
        _ = Definition;
        var checkedReason = Field.Text(reason, "reason", MaxReasonLength);
        if (state.State.TerminationReason == checkedReason)
            return View();
        var status = MouCalendar.StatusOn(state.State, Today);
        if (status is not (MouStatus.Signed or MouStatus.Active))
            throw new RuleViolationException($"MoU '{Id}' is {status}; only a signed or active MoU can be terminated.");
        await state.CommitAsync(state.State with { TerminationReason = checkedReason }, this);
        await _reminder.SyncAsync(this, null);
        return View();
    }

    /// <inheritdoc/>
    public async Task<CommitmentView> AddCommitment(CommitmentDefinition commitment)
    {
        var definition = Definition;
        commitment.Validate();
        if (!definition.PartyOrganisationIds.Contains(commitment.OwnerOrganisationId))
            throw new InvalidFieldException("owner_organisation_id", $"'{commitment.OwnerOrganisationId}' is not a party of the MoU");
        if (state.State.Commitments.FirstOrDefault(c => c.Definition.CommitmentId == commitment.CommitmentId) is { } existing)
        {
            if (existing.Definition != commitment)
                throw new EntityExistsException("commitment", commitment.CommitmentId);
            await _reminder.SyncAsync(this, NextCheck());
            return CommitmentView(commitment.CommitmentId);
        }
        RequireNotOver();
        await CommitCommitmentsAsync(state.State.Commitments.Add(new CommitmentRecord(commitment, CommitmentStatus.Open, null)));
        return CommitmentView(commitment.CommitmentId);
    }

    /// <inheritdoc/>
    public async Task<CommitmentView> SetCommitmentStatus(string commitmentId, CommitmentStatus status)
    {
        _ = Definition;
        Field.Choice(status, "status");
        var existing = state.State.Commitments.FirstOrDefault(c => c.Definition.CommitmentId == commitmentId)
            ?? throw new EntityNotFoundException("commitment", commitmentId);
        if (existing.Status != status)
        {
            var updated = existing with { Status = status, OverdueSince = status == CommitmentStatus.Open ? existing.OverdueSince : null };
            await CommitCommitmentsAsync(state.State.Commitments.Replace(c => c.Definition.CommitmentId == commitmentId, updated));
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
        if (state.State.Definition is not null && !MouCalendar.IsOver(MouCalendar.StatusOn(state.State, Today))
            && DueItems.MarkOverdue(state.State.Commitments, Today, clock.GetUtcNow()) is { } commitments)
            await CommitCommitmentsAsync(commitments);
        else
            await _reminder.SyncAsync(this, state.State.Definition is null ? null : NextCheck());
    }

    /// <summary>When the next watched commitment becomes overdue; null when none is watched.</summary>
    private DateTimeOffset? NextCheck() => DueItems.NextCheck(MouCalendar.Watched(state.State, Today), state.State.TimeZone);

    private async Task CommitCommitmentsAsync(ValueList<CommitmentRecord> commitments)
    {
        await state.CommitAsync(state.State with { Commitments = commitments }, this);
        await _reminder.SyncAsync(this, NextCheck());
    }

    private void RequireNotTerminated()
    {
        if (state.State.TerminationReason is not null)
            throw new RuleViolationException($"MoU '{Id}' was terminated: {state.State.TerminationReason}");
    }

    private void RequireNotOver()
    {
        RequireNotTerminated();
        if (MouCalendar.StatusOn(state.State, Today) == MouStatus.Expired)
            throw new RuleViolationException($"MoU '{Id}' expired on {Field.Format(Definition.ExpiryDate)}.");
    }

    private CommitmentView CommitmentView(string commitmentId) =>
        View().Commitments.First(c => c.Definition.CommitmentId == commitmentId);

    private MouView View()
    {
        _ = Definition;
        return MouCalendar.View(Id, state.State, Today);
    }
}
