using Cooperation.Contracts.Common;
using Cooperation.Contracts.Partnerships;
using Cooperation.Silo.Journal;

namespace Cooperation.Silo.Partnerships;

/// <summary>A partnership was created.</summary>
[EventKind("partnership.created", 1)]
internal sealed record PartnershipCreated(StoredPartnershipDefinition Definition) : IEntityEvent;

/// <summary>An organisation joined the partnership, or its role changed.</summary>
[EventKind("partnership.member-set", 1)]
internal sealed record PartnershipMemberSet(StoredPartnershipMember Member) : IEntityEvent;

/// <summary>A programme was created under the partnership.</summary>
[EventKind("partnership.programme-attached", 1)]
internal sealed record ProgrammeAttached(string ProgrammeId) : IEntityEvent;

/// <summary>A pilot was created under the partnership.</summary>
[EventKind("partnership.pilot-attached", 1)]
internal sealed record PilotAttached(string PilotId) : IEntityEvent;

/// <summary>An MoU was created under the partnership.</summary>
[EventKind("partnership.mou-attached", 1)]
internal sealed record MouAttached(string MouId) : IEntityEvent;

/// <summary>How a partnership's events change its state.</summary>
internal static class PartnershipEvents
{
    /// <summary>The state after <paramref name="entry"/>.</summary>
    public static PartnershipState Apply(PartnershipState state, JournalEntry entry) => entry.Event switch
    {
        PartnershipCreated created => new PartnershipState { Definition = created.Definition.ToContract(), CreatedAt = entry.RecordedAt },
        PartnershipMemberSet set => state with { Members = WithMember(state.Members, set.Member.ToContract()) },
        ProgrammeAttached attached => state with { ProgrammeIds = state.ProgrammeIds.Add(attached.ProgrammeId) },
        PilotAttached attached => state with { PilotIds = state.PilotIds.Add(attached.PilotId) },
        MouAttached attached => state with { MouIds = state.MouIds.Add(attached.MouId) },
        var other => throw new InvalidOperationException($"A partnership does not take {other.GetType().Name} events."),
    };

    /// <summary>The members with <paramref name="member"/> added, or replacing the organisation's earlier role.</summary>
    private static ValueList<PartnershipMember> WithMember(ValueList<PartnershipMember> members, PartnershipMember member) =>
        members.Any(m => m.OrganisationId == member.OrganisationId)
            ? members.Replace(m => m.OrganisationId == member.OrganisationId, member)
            : members.Add(member);
}
