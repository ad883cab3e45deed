using Cooperation.Contracts.Common;
using Cooperation.Contracts.Partnerships;
using Cooperation.Gateway.Common;
using Grpc.Core;
using Proto = Cooperation.Contracts.Grpc;

namespace Cooperation.Gateway.Partnerships;

/// <summary>gRPC (and JSON) front of the partnership grains: parses, then calls the grain.</summary>
public sealed class PartnershipGrpcService(GrainReferences<IPartnershipGrain> grains) : Proto.PartnershipService.PartnershipServiceBase
{
    /// <inheritdoc/>
    public override async Task<Proto.Partnership> CreatePartnership(Proto.CreatePartnershipRequest request, ServerCallContext context)
    {
        var id = Field.Id(request.PartnershipId, "partnership_id");
        var definition = new PartnershipDefinition(
            request.Name.ToDomain("name"),
            request.FirstCityId,
            request.SecondCityId,
            CommonMapping.ToDomain<RelationKind>((int)request.Relation, "relation"),
            request.HasSinceYear ? request.SinceYear : null);
        return (await grains.Get(id).Create(definition)).ToProto();
    }

    /// <inheritdoc/>
    public override async Task<Proto.Partnership> GetPartnership(Proto.GetPartnershipRequest request, ServerCallContext context)
    {
        var id = Field.Id(request.PartnershipId, "partnership_id");
        return (await grains.Get(id).Get()).ToProto();
    }
}
