using Cooperation.Contracts.Partnerships;
using Cooperation.Gateway.Common;
using Proto = Cooperation.Contracts.Grpc;

namespace Cooperation.Gateway.Partnerships;

/// <summary>Partnerships from the domain to the wire.</summary>
public static class PartnershipMapping
{
    /// <summary>A partnership as the API returns it.</summary>
    public static Proto.Partnership ToProto(this PartnershipView view)
    {
        var wire = new Proto.Partnership
        {
            PartnershipId = view.PartnershipId,
            Name = view.Definition.Name.ToProto(),
            FirstCityId = view.Definition.FirstCityId,
            SecondCityId = view.Definition.SecondCityId,
            Relation = CommonMapping.ToProto<Proto.RelationKind>(view.Definition.Relation),
            PilotIds = { view.PilotIds },
        };
        if (view.Definition.SinceYear is { } year)
            wire.SinceYear = year;
        return wire;
    }
}
