using Cooperation.Contracts.Common;
using Cooperation.Contracts.Mous;
using Cooperation.Gateway.Common;
using Grpc.Core;
using Proto = Cooperation.Contracts.Grpc;

namespace Cooperation.Gateway.Mous;

/// <summary>gRPC (and JSON) front of the MoU grains.</summary>
internal sealed class MouGrpcService(GrainReferences<IMouGrain> mous) : Proto.MouService.MouServiceBase
{
    /// <inheritdoc/>
    public override async Task<Proto.Mou> CreateMou(Proto.CreateMouRequest request, ServerCallContext context)
    {
        var mou = Mou(request.MouId);
        return (await mou.Create(request.ToDomain())).ToProto();
    }

    /// <inheritdoc/>
    public override async Task<Proto.Mou> GetMou(Proto.GetMouRequest request, ServerCallContext context) =>
        (await Mou(request.MouId).Get()).ToProto();

    /// <inheritdoc/>
    public override async Task<Proto.Mou> SignMou(Proto.SignMouRequest request, ServerCallContext context)
    {
        var mou = Mou(request.MouId);
        return (await mou.Sign(new Signature(request.OrganisationId, Field.Date(request.SignedOn, "signed_on")))).ToProto();
    }

    /// <inheritdoc/>
    public override async Task<Proto.Mou> TerminateMou(Proto.TerminateMouRequest request, ServerCallContext context) =>
        (await Mou(request.MouId).Terminate(request.Reason)).ToProto();

    /// <inheritdoc/>
    public override async Task<Proto.Commitment> AddCommitment(Proto.AddCommitmentRequest request, ServerCallContext context)
    {
        var mou = Mou(request.MouId);
        var commitment = new CommitmentDefinition(request.CommitmentId, request.Text.Trim(), request.OwnerOrganisationId, Field.Date(request.DueDate, "due_date"));
        return (await mou.AddCommitment(commitment)).ToProto();
    }

    /// <inheritdoc/>
    public override async Task<Proto.Commitment> SetCommitmentStatus(Proto.SetCommitmentStatusRequest request, ServerCallContext context)
    {
        var mou = Mou(request.MouId);
        var status = CommonMapping.ToDomain<CommitmentStatus>((int)request.Status, "status");
        return (await mou.SetCommitmentStatus(Field.Id(request.CommitmentId, "commitment_id"), status)).ToProto();
    }

    private IMouGrain Mou(string id) => mous.Get(Field.Id(id, "mou_id"));
}
