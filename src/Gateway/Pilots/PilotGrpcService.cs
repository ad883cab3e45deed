using Cooperation.Contracts.Common;
using Cooperation.Contracts.Pilots;
using Cooperation.Gateway.Common;
using Grpc.Core;
using Proto = Cooperation.Contracts.Grpc;

namespace Cooperation.Gateway.Pilots;

/// <summary>gRPC (and JSON) front of the pilot grains: parses, then calls the grain.</summary>
public sealed class PilotGrpcService(GrainReferences<IPilotGrain> grains) : Proto.PilotService.PilotServiceBase
{
    /// <inheritdoc/>
    public override async Task<Proto.Pilot> CreatePilot(Proto.CreatePilotRequest request, ServerCallContext context)
    {
        var pilot = Pilot(request.PilotId);
        var definition = new PilotDefinition(
            request.PartnershipId,
            request.Title.ToDomain("title"),
            CommonMapping.ToDomain<PilotKind>((int)request.Kind, "kind"),
            request.ReportingFrequency == Proto.ReportingFrequency.Unspecified
                ? ReportingFrequency.Monthly
                : CommonMapping.ToDomain<ReportingFrequency>((int)request.ReportingFrequency, "reporting_frequency"));
        return (await pilot.Create(definition)).ToProto();
    }

    /// <inheritdoc/>
    public override async Task<Proto.Pilot> GetPilot(Proto.GetPilotRequest request, ServerCallContext context) =>
        (await Pilot(request.PilotId).Get()).ToProto();

    /// <inheritdoc/>
    public override async Task<Proto.KpiSeries> GetKpiSeries(Proto.GetKpiSeriesRequest request, ServerCallContext context) =>
        (await Pilot(request.PilotId).GetKpiSeries(Field.Id(request.KpiCode, "kpi_code"))).ToProto(request.PilotId);

    /// <inheritdoc/>
    public override async Task<Proto.Kpi> DefineKpi(Proto.DefineKpiRequest request, ServerCallContext context)
    {
        var pilot = Pilot(request.PilotId);
        var kpi = new KpiDefinition(
            request.KpiCode,
            request.Name.ToDomain("name"),
            request.Unit.Trim(),
            request.Baseline.ToDomain("baseline"),
            request.Target.ToDomain("target"),
            CommonMapping.ToDomain<KpiAggregation>((int)request.Aggregation, "aggregation"));
        return (await pilot.DefineKpi(kpi)).ToProto();
    }

    /// <inheritdoc/>
    public override async Task<Proto.RecordKpiReadingsResponse> RecordKpiReadings(Proto.RecordKpiReadingsRequest request, ServerCallContext context)
    {
        var pilot = Pilot(request.PilotId);
        var readings = request.Readings.ToDomain();
        var stored = await pilot.RecordReadings(readings);
        return new Proto.RecordKpiReadingsResponse { Readings = { stored.Select(r => r.ToProto()) } };
    }

    private IPilotGrain Pilot(string pilotId) => grains.Get(Field.Id(pilotId, "pilot_id"));
}
