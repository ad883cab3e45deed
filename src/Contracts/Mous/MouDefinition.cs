using Cooperation.Contracts.Common;

namespace Cooperation.Contracts.Mous;

/// <summary>Where an MoU stands.</summary>
[GenerateSerializer, Alias("coop.MouStatus")]
public enum MouStatus
{
    /// <summary>Not all parties have signed.</summary>
    Draft = 1,

    /// <summary>Signed by all parties, before its effective date.</summary>
    Signed = 2,

    /// <summary>In force: signed, from its effective date to its expiry date.</summary>
    Active = 3,

    /// <summary>Past its expiry date.</summary>
    Expired = 4,

    /// <summary>Ended early, with a reason.</summary>
    Terminated = 5,
}

/// <summary>A memorandum of understanding among organisations under a partnership.</summary>
/// <param name="PartnershipId">The partnership it belongs to; its first city's time zone decides when dates pass.</param>
/// <param name="Title">Title in one or more languages.</param>
/// <param name="PartyOrganisationIds">The signing parties, at least two.</param>
/// <param name="Scope">What the parties agree on.</param>
/// <param name="LinkedPilotIds">Pilots it concerns.</param>
/// <param name="EffectiveDate">First day in force.</param>
/// <param name="ExpiryDate">Last day in force.</param>
[GenerateSerializer, Immutable, Alias("coop.MouDefinition")]
public sealed record MouDefinition(
    [property: Id(0)] string PartnershipId,
    [property: Id(1)] LocalizedText Title,
    [property: Id(2)] ValueList<string> PartyOrganisationIds,
    [property: Id(3)] string Scope,
    [property: Id(4)] ValueList<string> LinkedPilotIds,
    [property: Id(5)] DateOnly EffectiveDate,
    [property: Id(6)] DateOnly ExpiryDate)
{
    /// <summary>Longest scope text.</summary>
    public const int MaxScopeLength = 4000;

    /// <summary>Days before expiry from which an active MoU is flagged.</summary>
    public const int ExpiryWarningDays = 90;

    /// <summary>Refuses a definition that breaks a rule, naming the field.</summary>
    public void Validate()
    {
        Field.Id(PartnershipId, "partnership_id");
        LocalizedText.Require(Title, "title");
        if (PartyOrganisationIds is null || PartyOrganisationIds.Count is < 2 or > 20)
            throw new InvalidFieldException("party_organisation_ids", "must name 2–20 parties");
        Field.DistinctIds(PartyOrganisationIds, "party_organisation_ids");
        Field.ExactText(Scope, "scope", MaxScopeLength);
        Field.DistinctIds(LinkedPilotIds, "linked_pilot_ids");
        if (ExpiryDate <= EffectiveDate)
            throw new InvalidFieldException("expiry_date", "must come after effective_date");
    }
}

/// <summary>A party's signature.</summary>
/// <param name="OrganisationId">The party.</param>
/// <param name="SignedOn">When it signed.</param>
[GenerateSerializer, Immutable, Alias("coop.Signature")]
public sealed record Signature([property: Id(0)] string OrganisationId, [property: Id(1)] DateOnly SignedOn);

/// <summary>Where a commitment stands.</summary>
[GenerateSerializer, Alias("coop.CommitmentStatus")]
public enum CommitmentStatus
{
    /// <summary>To be done.</summary>
    Open = 1,

    /// <summary>Done.</summary>
    Done = 2,

    /// <summary>Dropped; never overdue.</summary>
    Cancelled = 3,
}

/// <summary>Something a party committed to under an MoU.</summary>
/// <param name="CommitmentId">Id within the MoU.</param>
/// <param name="Text">What is committed.</param>
/// <param name="OwnerOrganisationId">The party that owns it.</param>
/// <param name="DueDate">When it is due.</param>
[GenerateSerializer, Immutable, Alias("coop.CommitmentDefinition")]
public sealed record CommitmentDefinition(
    [property: Id(0)] string CommitmentId,
    [property: Id(1)] string Text,
    [property: Id(2)] string OwnerOrganisationId,
    [property: Id(3)] DateOnly DueDate)
{
    /// <summary>Refuses a definition that breaks a rule, naming the field.</summary>
    public void Validate()
    {
        Field.Id(CommitmentId, "commitment_id");
        Field.ExactText(Text, "text", 1000);
        Field.Id(OwnerOrganisationId, "owner_organisation_id");
    }
}

/// <summary>A commitment as read back.</summary>
/// <param name="Definition">As agreed.</param>
/// <param name="Status">Where it stands.</param>
/// <param name="Overdue">Its due date has passed and it is still open.</param>
/// <param name="OverdueSince">When the platform found it overdue, if it did.</param>
[GenerateSerializer, Immutable, Alias("coop.CommitmentView")]
public sealed record CommitmentView(
    [property: Id(0)] CommitmentDefinition Definition,
    [property: Id(1)] CommitmentStatus Status,
    [property: Id(2)] bool Overdue,
    [property: Id(3)] DateTimeOffset? OverdueSince);

/// <summary>An MoU as read back.</summary>
/// <param name="MouId">Its id.</param>
/// <param name="Definition">As drafted.</param>
/// <param name="Status">Where it stands today in its time zone.</param>
/// <param name="Signatures">Signatures so far.</param>
/// <param name="TerminationReason">Why it was terminated, if it was.</param>
/// <param name="Commitments">Commitments under it, in due-date order.</param>
/// <param name="ExpiringSoon">Active and within 90 days of expiry.</param>
[GenerateSerializer, Immutable, Alias("coop.MouView")]
public sealed record MouView(
    [property: Id(0)] string MouId,
    [property: Id(1)] MouDefinition Definition,
    [property: Id(2)] MouStatus Status,
    [property: Id(3)] ValueList<Signature> Signatures,
    [property: Id(4)] string? TerminationReason,
    [property: Id(5)] ValueList<CommitmentView> Commitments,
    [property: Id(6)] bool ExpiringSoon)
{
    /// <summary>Whether <paramref name="organisationId"/> is a party that has not signed, while the MoU can still be signed.</summary>
    public bool AwaitsSignatureOf(string organisationId) =>
        Definition.PartyOrganisationIds.Contains(organisationId)
        && Signatures.All(s => s.OrganisationId != organisationId)
        && Status is not (MouStatus.Expired or MouStatus.Terminated);
}
