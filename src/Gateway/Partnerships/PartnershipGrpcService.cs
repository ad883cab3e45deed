using Cooperation.Contracts.Common;
using Cooperation.Contracts.Partnerships;
using Cooperation.Gateway.Common;
using Cooperation.Gateway.Mous;
using Cooperation.Gateway.Pilots;
using Grpc.Core;
using Proto = Cooperation.Contracts.Grpc;

namespace Cooperation.Gateway.Partnerships;

/// <summary>gRPC (and JSON) front of the partnership grains.</summary>
internal sealed class PartnershipGrpcService(GrainReferences<IPartnershipGrain> partnerships) : Proto.PartnershipService.PartnershipServiceBase
{
    /// <inheritdoc/>
    public override async Task<Proto.Partnership> CreatePartnership(Proto.CreatePartnershipRequest request, ServerCallContext context)
    {
        var partnership = Partnership(request.PartnershipId);
        return (await partnership.Create(request.ToDomain())).ToProto();
    }

    /// <inheritdoc/>
    public override async Task<Proto.Partnership> GetPartnership(Proto.GetPartnershipRequest request, ServerCallContext context) =>
        (await Partnership(request.PartnershipId).Get()).ToProto();

    /// <inheritdoc/>
    public override async Task<Proto.Partnership> SetPartnershipMember(Proto.SetPartnershipMemberRequest request, ServerCallContext context)
    {
        var partnership = Partnership(request.PartnershipId);
        var member = new PartnershipMember(request.OrganisationId, CommonMapping.ToDomain<PartnershipRole>((int)request.Role, "role"));
        return (await partnership.SetMember(member)).ToProto();
    }

    /// <inheritdoc/>
    public override async Task<Proto.ListPartnershipPilotsResponse> ListPartnershipPilots(Proto.ListPartnershipPilotsRequest request, ServerCallContext context) =>
        new() { Pilots = { (await Partnership(request.PartnershipId).ListPilots()).Select(p => p.ToProto()) } };

    /// <inheritdoc/>
    public override async Task<Proto.ListPartnershipMousResponse> ListPartnershipMous(Proto.ListPartnershipMousRequest request, ServerCallContext context) =>
        new() { Mous = { (await Partnership(request.PartnershipId).ListMous()).Select(m => m.ToProto()) } };

    /// <inheritdoc/>
    public override async Task<Proto.PartnershipProgress> GetPartnershipProgress(Proto.GetPartnershipProgressRequest request, ServerCallContext context) =>
        (await Partnership(request.PartnershipId).GetProgress(request.Figures.ToDomain())).ToProto();

    private IPartnershipGrain Partnership(string id) => partnerships.Get(Field.Id(id, "partnership_id"));
}
