using Cooperation.Contracts.Common;
using Cooperation.Contracts.Pilots;
using Cooperation.Contracts.Submissions;
using Cooperation.Gateway.Common;
using Grpc.Core;
using Proto = Cooperation.Contracts.Grpc;

namespace Cooperation.Gateway.Submissions;

/// <summary>
/// gRPC (and JSON) front of the review of pilots' reporting periods. Returns and approvals are
/// noticed by e-mail by the worker, once the decision is committed (it follows the journal).
/// </summary>
internal sealed class ReviewGrpcService(GrainReferences<IPilotGrain> pilots) : Proto.ReviewService.ReviewServiceBase
{
    /// <inheritdoc/>
    public override async Task<Proto.ListReportingPeriodsResponse> ListReportingPeriods(Proto.ListReportingPeriodsRequest request, ServerCallContext context)
    {
        var periods = await Pilot(request.PilotId).GetReporting();
        return new Proto.ListReportingPeriodsResponse { Periods = { periods.Select(p => p.ToProto()) } };
    }

    /// <inheritdoc/>
    public override Task<Proto.ReportingPeriod> ReturnPeriod(Proto.ReviewPeriodRequest request, ServerCallContext context) =>
        ReviewAsync(request, ReviewDecision.Return);

    /// <inheritdoc/>
    public override Task<Proto.ReportingPeriod> ApprovePeriod(Proto.ReviewPeriodRequest request, ServerCallContext context) =>
        ReviewAsync(request, ReviewDecision.Approve);

    /// <inheritdoc/>
    public override Task<Proto.ReportingPeriod> ReopenPeriod(Proto.ReviewPeriodRequest request, ServerCallContext context) =>
        ReviewAsync(request, ReviewDecision.Reopen);

    private async Task<Proto.ReportingPeriod> ReviewAsync(Proto.ReviewPeriodRequest request, ReviewDecision decision)
    {
        var pilot = Pilot(request.PilotId);
        var period = ReportingPeriod.Parse(request.Period, "period");
        var reviewed = await pilot.ReviewPeriod(period, decision, request.Comment.OrNull());
        return reviewed.ToProto();
    }

    private IPilotGrain Pilot(string id) => pilots.Get(Field.Id(id, "pilot_id"));
}
