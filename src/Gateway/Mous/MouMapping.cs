using Cooperation.Contracts.Common;
using Cooperation.Contracts.Mous;
using Cooperation.Gateway.Common;
using Proto = Cooperation.Contracts.Grpc;

namespace Cooperation.Gateway.Mous;

/// <summary>MoUs and commitments between the wire and the domain.</summary>
internal static class MouMapping
{
    /// <summary>A wire create request to a domain definition.</summary>
    public static MouDefinition ToDomain(this Proto.CreateMouRequest request) => new(
        request.PartnershipId,
        request.Title.ToDomain("title"),
        ValueList.Of(request.PartyOrganisationIds),
        request.Scope.Trim(),
        ValueList.Of(request.LinkedPilotIds),
        Field.Date(request.EffectiveDate, "effective_date"),
        Field.Date(request.ExpiryDate, "expiry_date"));

    /// <summary>An MoU as the API returns it.</summary>
    public static Proto.Mou ToProto(this MouView view) => new()
    {
        MouId = view.MouId,
        PartnershipId = view.Definition.PartnershipId,
        Title = view.Definition.Title.ToProto(),
        PartyOrganisationIds = { view.Definition.PartyOrganisationIds },
        Scope = view.Definition.Scope,
        LinkedPilotIds = { view.Definition.LinkedPilotIds },
        EffectiveDate = Field.Format(view.Definition.EffectiveDate),
        ExpiryDate = Field.Format(view.Definition.ExpiryDate),
        Status = CommonMapping.ToProto<Proto.MouStatus>(view.Status),
        Signatures = { view.Signatures.Select(s => new Proto.Signature { OrganisationId = s.OrganisationId, SignedOn = Field.Format(s.SignedOn) }) },
        TerminationReason = view.TerminationReason ?? "",
        Commitments = { view.Commitments.Select(ToProto) },
        ExpiringSoon = view.ExpiringSoon,
    };

    /// <summary>A commitment as the API returns it.</summary>
    public static Proto.Commitment ToProto(this CommitmentView view) => new()
    {
        CommitmentId = view.Definition.CommitmentId,
        Text = view.Definition.Text,
        OwnerOrganisationId = view.Definition.OwnerOrganisationId,
        DueDate = Field.Format(view.Definition.DueDate),
        Status = CommonMapping.ToProto<Proto.CommitmentStatus>(view.Status),
        Overdue = view.Overdue,
        OverdueSince = view.OverdueSince.ToWire(),
    };
}
