using Cooperation.Contracts.Common;
using Cooperation.Contracts.Mous;
using Cooperation.Silo.DueDates;

namespace Cooperation.Silo.Mous;

/// <summary>A commitment as an MoU holds it.</summary>
/// <param name="Definition">As agreed.</param>
/// <param name="Status">Where it stands.</param>
/// <param name="OverdueSince">When the due-date check found it overdue; cleared once done or cancelled.</param>
[GenerateSerializer, Immutable, Alias("coop.CommitmentRecord")]
internal sealed record CommitmentRecord(
    [property: Id(0)] CommitmentDefinition Definition,
    [property: Id(1)] CommitmentStatus Status,
    [property: Id(2)] DateTimeOffset? OverdueSince) : IDueItem<CommitmentRecord>
{
    /// <inheritdoc/>
    public string ItemId => Definition.CommitmentId;

    /// <inheritdoc/>
    public DateOnly DueDate => Definition.DueDate;

    /// <inheritdoc/>
    public bool IsOpen => Status == CommitmentStatus.Open;

    /// <inheritdoc/>
    public CommitmentRecord MarkedOverdue(DateTimeOffset at) => this with { OverdueSince = at };
}

/// <summary>An MoU's state: the fold of its events (<see cref="MouEvents"/>).</summary>
[GenerateSerializer, Alias("coop.MouState")]
internal sealed record MouState
{
    /// <summary>As drafted; null until created.</summary>
    [Id(0)] public MouDefinition? Definition { get; init; }

    /// <summary>Time zone of the partnership's first city, copied at creation.</summary>
    [Id(1)] public string TimeZone { get; init; } = "UTC";

    /// <summary>Signatures so far.</summary>
    [Id(2)] public ValueList<Signature> Signatures { get; init; } = [];

    /// <summary>Why it was terminated; null unless it was.</summary>
    [Id(3)] public string? TerminationReason { get; init; }

    /// <summary>Commitments in the order added.</summary>
    [Id(4)] public ValueList<CommitmentRecord> Commitments { get; init; } = [];

    /// <summary>Its partnership's cities, whose offices manage it.</summary>
    [Id(5)] public ValueList<string> PartnershipCityIds { get; init; } = [];
}
