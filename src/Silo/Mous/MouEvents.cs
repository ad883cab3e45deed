using Cooperation.Contracts.Common;
using Cooperation.Contracts.Mous;
using Cooperation.Silo.DueDates;
using Cooperation.Silo.Journal;

namespace Cooperation.Silo.Mous;

/// <summary>An MoU was drafted.</summary>
/// <param name="Definition">As drafted.</param>
/// <param name="TimeZone">Its partnership's first city's time zone.</param>
/// <param name="PartnershipCityIds">Its partnership's cities, whose offices manage it.</param>
[EventKind("mou.created", 1)]
internal sealed record MouCreated(StoredMouDefinition Definition, string TimeZone, ValueList<string> PartnershipCityIds) : IEntityEvent;

/// <summary>A party signed.</summary>
[EventKind("mou.signed", 1)]
internal sealed record MouSigned(StoredSignature Signature) : IEntityEvent;

/// <summary>The MoU was terminated.</summary>
[EventKind("mou.terminated", 1)]
internal sealed record MouTerminated(string Reason) : IEntityEvent;

/// <summary>A commitment was added.</summary>
[EventKind("mou.commitment-added", 1)]
internal sealed record CommitmentAdded(StoredCommitment Commitment) : IEntityEvent;

/// <summary>A commitment's status changed.</summary>
[EventKind("mou.commitment-status-set", 1)]
internal sealed record CommitmentStatusSet(string CommitmentId, CommitmentStatus Status) : IEntityEvent;

/// <summary>The due-date check found commitments overdue.</summary>
[EventKind("mou.commitments-overdue", 1)]
internal sealed record CommitmentsFoundOverdue(ValueList<string> CommitmentIds) : IEntityEvent;

/// <summary>How an MoU's events change its state.</summary>
internal static class MouEvents
{
    /// <summary>The state after <paramref name="entry"/>.</summary>
    public static MouState Apply(MouState state, JournalEntry entry) => entry.Event switch
    {
        MouCreated created => new MouState { Definition = created.Definition.ToContract(), TimeZone = created.TimeZone, PartnershipCityIds = created.PartnershipCityIds },
        MouSigned signed => state with { Signatures = state.Signatures.Add(signed.Signature.ToContract()) },
        MouTerminated terminated => state with { TerminationReason = terminated.Reason },
        CommitmentAdded added => state with
        {
            Commitments = state.Commitments.Add(new CommitmentRecord(added.Commitment.ToContract(), CommitmentStatus.Open, null)),
        },
        CommitmentStatusSet set => state with { Commitments = WithStatus(state.Commitments, set.CommitmentId, set.Status) },
        CommitmentsFoundOverdue overdue => state with { Commitments = DueItems.MarkOverdue(state.Commitments, overdue.CommitmentIds, entry.RecordedAt) },
        var other => throw new InvalidOperationException($"An MoU does not take {other.GetType().Name} events."),
    };

    /// <summary>The commitments with one's status changed; only an open one stays overdue.</summary>
    private static ValueList<CommitmentRecord> WithStatus(ValueList<CommitmentRecord> commitments, string commitmentId, CommitmentStatus status)
    {
        var existing = commitments.First(c => c.Definition.CommitmentId == commitmentId);
        return commitments.Replace(c => c.Definition.CommitmentId == commitmentId,
            existing with { Status = status, OverdueSince = status == CommitmentStatus.Open ? existing.OverdueSince : null });
    }
}
