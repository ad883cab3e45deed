using Cooperation.Contracts.Common;

namespace Cooperation.Contracts.Pilots;

/// <summary>Where a milestone stands.</summary>
[GenerateSerializer, Alias("coop.MilestoneStatus")]
public enum MilestoneStatus
{
    /// <summary>Not started.</summary>
    Planned = 1,

    /// <summary>Under way.</summary>
    InProgress = 2,

    /// <summary>Reached, on its actual date.</summary>
    Done = 3,

    /// <summary>Dropped; never overdue.</summary>
    Cancelled = 4,
}

/// <summary>A milestone as planned.</summary>
/// <param name="MilestoneId">Id within the pilot.</param>
/// <param name="Title">Title in one or more languages.</param>
/// <param name="PlannedDate">When it is due, a date in the pilot city.</param>
[GenerateSerializer, Immutable, Alias("coop.MilestoneDefinition")]
public sealed record MilestoneDefinition(
    [property: Id(0)] string MilestoneId,
    [property: Id(1)] LocalizedText Title,
    [property: Id(2)] DateOnly PlannedDate)
{
    /// <summary>Refuses a definition that breaks a rule, naming the field.</summary>
    public void Validate()
    {
        Field.Id(MilestoneId, "milestone_id");
        LocalizedText.Require(Title, "title");
    }
}

/// <summary>A partner's report on a milestone.</summary>
/// <param name="Status">Where it stands.</param>
/// <param name="ActualDate">When it was reached: required for Done, refused otherwise.</param>
/// <param name="EvidenceLink">Optional link to evidence, e.g. a report or photo.</param>
[GenerateSerializer, Immutable, Alias("coop.MilestoneProgress")]
public sealed record MilestoneProgress(
    [property: Id(0)] MilestoneStatus Status,
    [property: Id(1)] DateOnly? ActualDate,
    [property: Id(2)] string? EvidenceLink)
{
    /// <summary>Refuses a report that breaks a rule, naming the field.</summary>
    public void Validate()
    {
        Field.Choice(Status, "status");
        if (Status == MilestoneStatus.Done && ActualDate is null)
            throw new InvalidFieldException("actual_date", "is required when the milestone is done");
        if (Status != MilestoneStatus.Done && ActualDate is not null)
            throw new InvalidFieldException("actual_date", "is set only when the milestone is done");
        Field.OptionalLink(EvidenceLink, "evidence_link");
    }
}

/// <summary>A milestone as read back.</summary>
/// <param name="Definition">As planned.</param>
/// <param name="Progress">As last reported.</param>
/// <param name="Overdue">Its planned date has passed in the pilot city and it is neither done nor cancelled.</param>
/// <param name="OverdueSince">When the platform found it overdue, if it did.</param>
[GenerateSerializer, Immutable, Alias("coop.MilestoneView")]
public sealed record MilestoneView(
    [property: Id(0)] MilestoneDefinition Definition,
    [property: Id(1)] MilestoneProgress Progress,
    [property: Id(2)] bool Overdue,
    [property: Id(3)] DateTimeOffset? OverdueSince);
