using Cooperation.Contracts.Common;
using Cooperation.Contracts.Pilots;
using Cooperation.Gateway.Common;
using Grpc.Core;
using Proto = Cooperation.Contracts.Grpc;

namespace Cooperation.Gateway.Submissions;

/// <summary>gRPC (and JSON) front of partners' submissions.</summary>
public sealed class SubmissionGrpcService(GrainReferences<IPilotGrain> pilots) : Proto.SubmissionService.SubmissionServiceBase
{
    /// <summary>The HTTP header that may carry the idempotency key instead of the body.</summary>
    public const string IdempotencyHeader = "idempotency-key";

    /// <inheritdoc/>
    public override async Task<Proto.UpdateReceipt> SubmitUpdate(Proto.SubmitUpdateRequest request, ServerCallContext context)
    {
        var pilot = pilots.Get(Field.Id(request.PilotId, "pilot_id"));
        var key = request.IdempotencyKey.Length > 0 ? request.IdempotencyKey : context.RequestHeaders.GetValue(IdempotencyHeader);
        return (await pilot.SubmitUpdate(request.ToDomain(), key ?? "")).ToProto();
    }
}
