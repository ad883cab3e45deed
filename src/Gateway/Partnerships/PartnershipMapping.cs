using Cooperation.Gateway.Submissions;
using Cooperation.Contracts.Common;
using Cooperation.Contracts.Partnerships;
using Cooperation.Gateway.Common;
using Cooperation.Gateway.Pilots;
using Proto = Cooperation.Contracts.Grpc;

namespace Cooperation.Gateway.Partnerships;

/// <summary>Partnerships between the wire and the domain.</summary>
internal static class PartnershipMapping
{
    /// <summary>A wire create request to a domain definition.</summary>
    public static PartnershipDefinition ToDomain(this Proto.CreatePartnershipRequest request) => new(
        request.Name.ToDomain("name"),
        request.FirstCityId,
        request.SecondCityId,
        request.Relations.Select((r, i) => new RelationStage(
            CommonMapping.ToDomain<RelationKind>((int)r.Kind, $"relations[{i}].kind"), r.SinceYear)).ToArray());

    /// <summary>A partnership as the API returns it.</summary>
    public static Proto.Partnership ToProto(this PartnershipView view) => new()
    {
        PartnershipId = view.PartnershipId,
        Name = view.Definition.Name.ToProto(),
        FirstCityId = view.Definition.FirstCityId,
        SecondCityId = view.Definition.SecondCityId,
        Relations =
        {
            view.Definition.Relations.Select(r => new Proto.RelationStage
            {
                Kind = CommonMapping.ToProto<Proto.RelationKind>(r.Kind),
                SinceYear = r.SinceYear,
            }),
        },
        Relation = CommonMapping.ToProto<Proto.RelationKind>(view.Definition.Current.Kind),
        Members =
        {
            view.Members.Select(m => new Proto.PartnershipMember
            {
                OrganisationId = m.OrganisationId,
                Role = CommonMapping.ToProto<Proto.PartnershipRole>(m.Role),
            }),
        },
        ProgrammeIds = { view.ProgrammeIds },
        PilotIds = { view.PilotIds },
        MouIds = { view.MouIds },
    };

    /// <summary>A partnership's roll-up as the API returns it.</summary>
    public static Proto.PartnershipProgress ToProto(this PartnershipProgress progress)
    {
        var wire = new Proto.PartnershipProgress
        {
            PartnershipId = progress.PartnershipId,
            Pilots = { progress.Pilots.Select(p => p.ToProto()) },
            PilotsByStatus =
            {
                progress.PilotsByStatus.Select(s => new Proto.PilotStatusCount
                {
                    Status = CommonMapping.ToProto<Proto.PilotStatus>(s.Status),
                    Count = s.Count,
                }),
            },
            OverdueMilestones = progress.OverdueMilestones,
            Kpis = progress.Kpis.ToProto(),
            MouCount = progress.MouCount,
            ActiveMous = progress.ActiveMous,
            MousExpiringSoon = progress.MousExpiringSoon,
            OverdueCommitments = progress.OverdueCommitments,
            Reporting = progress.Reporting.ToProto(),
            Figures = CommonMapping.ToProto<Proto.Figures>(progress.Basis),
            Partial = progress.Partial,
        };
        if (progress.MilestoneCompletion is { } completion)
            wire.MilestoneCompletion = Math.Round(completion, 2);
        return wire;
    }
}
