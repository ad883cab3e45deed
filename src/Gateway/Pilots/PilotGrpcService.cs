using Cooperation.Contracts.Common;
using Cooperation.Contracts.Pilots;
using Cooperation.Gateway.Common;
using Grpc.Core;
using Proto = Cooperation.Contracts.Grpc;

namespace Cooperation.Gateway.Pilots;

/// <summary>gRPC (and JSON) front of the pilot grains: lifecycle, funding and milestones.</summary>
internal sealed class PilotGrpcService(GrainReferences<IPilotGrain> pilots, PilotViewCache views) : Proto.PilotService.PilotServiceBase
{
    /// <inheritdoc/>
    public override async Task<Proto.Pilot> CreatePilot(Proto.CreatePilotRequest request, ServerCallContext context)
    {
        var pilot = Pilot(request.PilotId);
        return (await pilot.Create(request.ToDomain(), request.TemplateChoice())).ToProto();
    }

    /// <inheritdoc/>
    public override Task<Proto.Pilot> GetPilot(Proto.GetPilotRequest request, ServerCallContext context)
    {
        var id = Field.Id(request.PilotId, "pilot_id");
        return views.ReadAsync(pilots.Get(id), id, request.Figures.ToDomain());
    }

    /// <inheritdoc/>
    public override async Task<Proto.Pilot> ChangePilotStatus(Proto.ChangePilotStatusRequest request, ServerCallContext context)
    {
        var pilot = Pilot(request.PilotId);
        var status = CommonMapping.ToDomain<PilotStatus>((int)request.Status, "status");
        return (await pilot.ChangeStatus(status, request.Reason.OrNull(), Field.OptionalDate(request.EffectiveOn, "effective_on"))).ToProto();
    }

    /// <inheritdoc/>
    public override async Task<Proto.Pilot> SetFundingLine(Proto.SetFundingLineRequest request, ServerCallContext context)
    {
        var pilot = Pilot(request.PilotId);
        var line = new FundingLine(
            request.LineId,
            request.DonorOrganisationId,
            CommonMapping.ToDomain<Currency>((int)request.Currency, "currency"),
            Field.Amount(request.Committed, "committed"),
            request.Disbursed.Length == 0 ? 0 : Field.Amount(request.Disbursed, "disbursed"));
        return (await pilot.SetFundingLine(line)).ToProto();
    }

    /// <inheritdoc/>
    public override async Task<Proto.Milestone> AddMilestone(Proto.AddMilestoneRequest request, ServerCallContext context)
    {
        var pilot = Pilot(request.PilotId);
        var milestone = new MilestoneDefinition(request.MilestoneId, request.Title.ToDomain("title"), Field.Date(request.PlannedDate, "planned_date"));
        return (await pilot.AddMilestone(milestone)).ToProto();
    }

    /// <inheritdoc/>
    public override async Task<Proto.Milestone> UpdateMilestone(Proto.UpdateMilestoneRequest request, ServerCallContext context)
    {
        var pilot = Pilot(request.PilotId);
        var progress = new MilestoneProgress(
            CommonMapping.ToDomain<MilestoneStatus>((int)request.Status, "status"),
            Field.OptionalDate(request.ActualDate, "actual_date"),
            request.EvidenceLink.OrNull());
        return (await pilot.UpdateMilestone(Field.Id(request.MilestoneId, "milestone_id"), progress)).ToProto();
    }

    private IPilotGrain Pilot(string id) => pilots.Get(Field.Id(id, "pilot_id"));
}
