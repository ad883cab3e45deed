using Cooperation.Contracts.Audit;
using Orleans.Concurrency;

namespace Cooperation.Contracts.Mous;

/// <summary>
/// An MoU, keyed by its id: parties sign; it becomes active from its effective date and expires
/// after its expiry date; commitments under it are tracked and found overdue by a reminder.
/// </summary>
[Alias("coop.IMouGrain")]
public interface IMouGrain : IHasHistory, Notices.IHasDueItems
{
    /// <summary>
    /// Drafts the MoU under an existing partnership among existing organisations and lists it
    /// with the partnership. The same definition again is harmless; another is refused.
    /// </summary>
    [Alias("Create")]
    Task<MouView> Create(MouDefinition definition);

    /// <summary>Reads the MoU; <see cref="Common.EntityNotFoundException"/> when unknown.</summary>
    [Alias("Get"), ReadOnly]
    Task<MouView> Get();

    /// <summary>The MoU if the caller may read it (the same decision as <see cref="Get"/>), else null: for lists. Interleaves.</summary>
    [Alias("GetIfReadable"), AlwaysInterleave]
    Task<MouView?> GetIfReadable();

    /// <summary>
    /// Whether the caller may manage the MoU (add commitments, sign or set a status for any party,
    /// terminate: the decision those calls make), for pages that offer those forms; refused as
    /// <see cref="Get"/> when the caller may not read it.
    /// </summary>
    [Alias("MayManage"), ReadOnly]
    Task<bool> MayManage();

    /// <summary>Records a party's signature; the same signature again is harmless.</summary>
    [Alias("Sign")]
    Task<MouView> Sign(Signature signature);

    /// <summary>Ends the MoU early with a reason; final.</summary>
    [Alias("Terminate")]
    Task<MouView> Terminate(string reason);

    /// <summary>Adds a commitment owned by one of the parties.</summary>
    [Alias("AddCommitment")]
    Task<CommitmentView> AddCommitment(CommitmentDefinition commitment);

    /// <summary>Marks a commitment done, cancelled or open again.</summary>
    [Alias("SetCommitmentStatus")]
    Task<CommitmentView> SetCommitmentStatus(string commitmentId, CommitmentStatus status);
}
