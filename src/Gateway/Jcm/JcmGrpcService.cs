using Cooperation.Contracts.Common;
using Cooperation.Contracts.Jcm;
using Cooperation.Contracts.Pilots;
using Cooperation.Contracts.Submissions;
using Cooperation.Gateway.Common;
using Grpc.Core;
using Proto = Cooperation.Contracts.Grpc;

namespace Cooperation.Gateway.Jcm;

/// <summary>gRPC (and JSON) front of JCM monitoring, which the pilot grains compute.</summary>
internal sealed class JcmGrpcService(GrainReferences<IPilotGrain> pilots) : Proto.JcmService.JcmServiceBase
{
    /// <inheritdoc/>
    public override Task<Proto.ListJcmMethodologiesResponse> ListJcmMethodologies(Proto.ListJcmMethodologiesRequest request, ServerCallContext context) =>
        Task.FromResult(new Proto.ListJcmMethodologiesResponse
        {
            Methodologies =
            {
                JcmMethodologies.All.Select(m => new Proto.JcmMethodology
                {
                    MethodologyId = m.Id,
                    Version = m.Version,
                    Title = m.Title,
                    SectoralScope = m.SectoralScope,
                    ApprovedOn = Field.Format(m.ApprovedOn),
                    Scope = m.Scope,
                    MonitoredParameters = { m.MonitoredParameters },
                    FixedFactors = { m.FixedFactors },
                    DatedFactors = { m.DatedFactors },
                    Formula = m.Formula,
                }),
            },
        });

    /// <inheritdoc/>
    public override async Task<Proto.JcmMonitoring> SetJcmPlan(Proto.SetJcmPlanRequest request, ServerCallContext context)
    {
        var pilot = Pilot(request.PilotId);
        return (await pilot.SetJcmPlan(request.ToDomain())).ToProto(request.PilotId);
    }

    /// <inheritdoc/>
    public override async Task<Proto.MonitoringResult> RecordMonitoringPeriod(Proto.RecordMonitoringPeriodRequest request, ServerCallContext context)
    {
        var pilot = Pilot(request.PilotId);
        return (await pilot.RecordMonitoringPeriod(request.ToDomain())).ToProto();
    }

    /// <inheritdoc/>
    public override async Task<Proto.JcmMonitoring> GetJcmMonitoring(Proto.GetJcmMonitoringRequest request, ServerCallContext context) =>
        (await Pilot(request.PilotId).GetJcm()).ToProto(request.PilotId);

    /// <inheritdoc/>
    public override async Task<Proto.JcmMonitoring> AppointJcmVerifier(Proto.AppointJcmVerifierRequest request, ServerCallContext context)
    {
        var pilot = Pilot(request.PilotId);
        return (await pilot.AppointVerifier(request.OrganisationId)).ToProto(request.PilotId);
    }

    /// <inheritdoc/>
    public override Task<Proto.JcmMonitoring> ApproveMonitoringPeriod(Proto.ReviewMonitoringPeriodRequest request, ServerCallContext context) =>
        ReviewAsync(request, ReviewDecision.Approve);

    /// <inheritdoc/>
    public override Task<Proto.JcmMonitoring> ReturnMonitoringPeriod(Proto.ReviewMonitoringPeriodRequest request, ServerCallContext context) =>
        ReviewAsync(request, ReviewDecision.Return);

    private async Task<Proto.JcmMonitoring> ReviewAsync(Proto.ReviewMonitoringPeriodRequest request, ReviewDecision decision)
    {
        var pilot = Pilot(request.PilotId);
        var periodId = Field.Id(request.PeriodId, "period_id");
        return (await pilot.ReviewMonitoringPeriod(periodId, decision, request.Comment.OrNull())).ToProto(request.PilotId);
    }

    private IPilotGrain Pilot(string id) => pilots.Get(Field.Id(id, "pilot_id"));
}
