using Cooperation.Contracts.Common;
using Cooperation.Contracts.Kpis;
using Cooperation.Contracts.Pilots;
using Cooperation.Gateway.Common;
using Grpc.Core;
using Proto = Cooperation.Contracts.Grpc;
using Cooperation.Contracts.Pilots.Kinds;

namespace Cooperation.Gateway.Kpis;

/// <summary>gRPC (and JSON) front of KPIs, for pilots and programmes alike.</summary>
internal sealed class KpiGrpcService(KpiSubjects subjects) : Proto.KpiService.KpiServiceBase
{
    /// <inheritdoc/>
    public override async Task<Proto.Kpi> DefineKpi(Proto.DefineKpiRequest request, ServerCallContext context)
    {
        var subject = subjects.Get(request.Subject);
        return (await subject.DefineKpi(request.ToDomain())).ToProto();
    }

    /// <inheritdoc/>
    public override async Task<Proto.Kpi> UpdateKpi(Proto.DefineKpiRequest request, ServerCallContext context)
    {
        var subject = subjects.Get(request.Subject);
        return (await subject.UpdateKpi(request.ToChange())).ToProto();
    }

    /// <inheritdoc/>
    public override async Task<Proto.RecordKpiReadingsResponse> RecordKpiReadings(Proto.RecordKpiReadingsRequest request, ServerCallContext context)
    {
        var subject = subjects.Get(request.Subject);
        var stored = await subject.RecordReadings(request.Readings.ToDomain(), request.Historical);
        return new Proto.RecordKpiReadingsResponse { Readings = { stored.Select(r => r.ToProto()) } };
    }

    /// <inheritdoc/>
    public override async Task<Proto.KpiSeries> GetKpiSeries(Proto.GetKpiSeriesRequest request, ServerCallContext context)
    {
        var subject = subjects.Get(request.Subject);
        var series = await subject.GetKpiSeries(Field.Id(request.KpiCode, "kpi_code"), request.Figures.ToDomain());
        return new Proto.KpiSeries
        {
            Subject = request.Subject,
            KpiCode = series.Definition.Code,
            Unit = series.Definition.Unit,
            Periods = { series.Periods.Select(r => r.ToProto()) },
        };
    }

    /// <inheritdoc/>
    public override Task<Proto.ListKpiTemplatesResponse> ListKpiTemplates(Proto.ListKpiTemplatesRequest request, ServerCallContext context)
    {
        var kinds = request.Kind == Proto.PilotKind.Unspecified
            ? Enum.GetValues<PilotKind>()
            : [CommonMapping.ToDomain<PilotKind>((int)request.Kind, "kind")];
        var response = new Proto.ListKpiTemplatesResponse
        {
            Sets =
            {
                kinds.Select(kind => new Proto.KpiTemplateSet
                {
                    Kind = CommonMapping.ToProto<Proto.PilotKind>(kind),
                    Kpis = { PilotKinds.Of(kind).KpiTemplates.Select(k => k.ToProto()) },
                }),
            },
        };
        return Task.FromResult(response);
    }
}
