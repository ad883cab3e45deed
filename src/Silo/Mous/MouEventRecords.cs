using Cooperation.Contracts.Common;
using Cooperation.Contracts.Mous;
using Cooperation.Silo.Journal;

namespace Cooperation.Silo.Mous;

/// <summary>An MoU's definition as its events store it.</summary>
/// <param name="PartnershipId">Its partnership.</param>
/// <param name="Title">Its title.</param>
/// <param name="PartyOrganisationIds">The signing parties.</param>
/// <param name="Scope">What the parties agree on.</param>
/// <param name="LinkedPilotIds">Pilots it concerns.</param>
/// <param name="EffectiveDate">First day in force.</param>
/// <param name="ExpiryDate">Last day in force.</param>
internal sealed record StoredMouDefinition(
    string PartnershipId,
    StoredText Title,
    ValueList<string> PartyOrganisationIds,
    string Scope,
    ValueList<string> LinkedPilotIds,
    DateOnly EffectiveDate,
    DateOnly ExpiryDate) : IStoredRecord<StoredMouDefinition, MouDefinition>
{
    /// <inheritdoc/>
    public static StoredMouDefinition Of(MouDefinition value) => new(value.PartnershipId, StoredText.Of(value.Title),
        value.PartyOrganisationIds, value.Scope, value.LinkedPilotIds, value.EffectiveDate, value.ExpiryDate);

    /// <inheritdoc/>
    public MouDefinition ToContract() => new(PartnershipId, Title.ToContract(), PartyOrganisationIds, Scope, LinkedPilotIds, EffectiveDate, ExpiryDate);
}

/// <summary>A party's signature as its event stores it.</summary>
/// <param name="OrganisationId">The party.</param>
/// <param name="SignedOn">When it signed.</param>
internal sealed record StoredSignature(string OrganisationId, DateOnly SignedOn) : IStoredRecord<StoredSignature, Signature>
{
    /// <inheritdoc/>
    public static StoredSignature Of(Signature value) => new(value.OrganisationId, value.SignedOn);

    /// <inheritdoc/>
    public Signature ToContract() => new(OrganisationId, SignedOn);
}

/// <summary>A commitment under an MoU as its event stores it.</summary>
/// <param name="CommitmentId">Its id within the MoU.</param>
/// <param name="Text">What is committed.</param>
/// <param name="OwnerOrganisationId">The party that owns it.</param>
/// <param name="DueDate">When it is due.</param>
internal sealed record StoredCommitment(string CommitmentId, string Text, string OwnerOrganisationId, DateOnly DueDate)
    : IStoredRecord<StoredCommitment, CommitmentDefinition>
{
    /// <inheritdoc/>
    public static StoredCommitment Of(CommitmentDefinition value) => new(value.CommitmentId, value.Text, value.OwnerOrganisationId, value.DueDate);

    /// <inheritdoc/>
    public CommitmentDefinition ToContract() => new(CommitmentId, Text, OwnerOrganisationId, DueDate);
}
