using Cooperation.Contracts.Partnerships;
using Cooperation.Silo.Journal;

namespace Cooperation.Silo.Partnerships;

/// <summary>A partnership was created.</summary>
[EventKind("partnership.created")]
public sealed record PartnershipCreated(PartnershipDefinition Definition) : IEntityEvent;

/// <summary>An organisation joined the partnership, or its role changed.</summary>
[EventKind("partnership.member-set")]
public sealed record PartnershipMemberSet(PartnershipMember Member) : IEntityEvent;

/// <summary>A programme was created under the partnership.</summary>
[EventKind("partnership.programme-attached")]
public sealed record ProgrammeAttached(string ProgrammeId) : IEntityEvent;

/// <summary>A pilot was created under the partnership.</summary>
[EventKind("partnership.pilot-attached")]
public sealed record PilotAttached(string PilotId) : IEntityEvent;

/// <summary>An MoU was created under the partnership.</summary>
[EventKind("partnership.mou-attached")]
public sealed record MouAttached(string MouId) : IEntityEvent;

/// <summary>How a partnership's events change its state.</summary>
public static class PartnershipEvents
{
    /// <summary>The state after <paramref name="entry"/>.</summary>
    public static PartnershipState Apply(PartnershipState state, JournalEntry entry) => entry.Event switch
    {
        PartnershipCreated created => new PartnershipState { Definition = created.Definition, CreatedAt = entry.RecordedAt },
        PartnershipMemberSet set => state with
        {
            Members = state.Members.Any(m => m.OrganisationId == set.Member.OrganisationId)
                ? state.Members.Replace(m => m.OrganisationId == set.Member.OrganisationId, set.Member)
                : state.Members.Add(set.Member),
        },
        ProgrammeAttached attached => state with { ProgrammeIds = state.ProgrammeIds.Add(attached.ProgrammeId) },
        PilotAttached attached => state with { PilotIds = state.PilotIds.Add(attached.PilotId) },
        MouAttached attached => state with { MouIds = state.MouIds.Add(attached.MouId) },
        var other => throw new InvalidOperationException($"A partnership does not take {other.GetType().Name} events."),
    };
}
