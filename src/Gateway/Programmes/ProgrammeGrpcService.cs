using Cooperation.Contracts.Common;
using Cooperation.Contracts.Programmes;
using Cooperation.Gateway.Common;
using Cooperation.Gateway.Kpis;
using Grpc.Core;
using Proto = Cooperation.Contracts.Grpc;

namespace Cooperation.Gateway.Programmes;

/// <summary>gRPC (and JSON) front of the programme grains.</summary>
public sealed class ProgrammeGrpcService(GrainReferences<IProgrammeGrain> programmes) : Proto.ProgrammeService.ProgrammeServiceBase
{
    /// <inheritdoc/>
    public override async Task<Proto.Programme> CreateProgramme(Proto.CreateProgrammeRequest request, ServerCallContext context)
    {
        var programme = Programme(request.ProgrammeId);
        var definition = new ProgrammeDefinition(
            CommonMapping.ToDomain<ProgrammeOwnerKind>((int)request.OwnerKind, "owner_kind"),
            request.OwnerId,
            request.Name.ToDomain("name"),
            Field.Date(request.Start, "start"),
            Field.OptionalDate(request.End, "end"),
            CommonMapping.ToDomain((int)request.ReportingFrequency, "reporting_frequency", ReportingFrequency.Monthly));
        return ToProto(await programme.Create(definition));
    }

    /// <inheritdoc/>
    public override async Task<Proto.Programme> GetProgramme(Proto.GetProgrammeRequest request, ServerCallContext context) =>
        ToProto(await Programme(request.ProgrammeId).Get());

    private IProgrammeGrain Programme(string id) => programmes.Get(Field.Id(id, "programme_id"));

    private static Proto.Programme ToProto(ProgrammeView view) => new()
    {
        ProgrammeId = view.ProgrammeId,
        OwnerKind = CommonMapping.ToProto<Proto.ProgrammeOwnerKind>(view.Definition.OwnerKind),
        OwnerId = view.Definition.OwnerId,
        Name = view.Definition.Name.ToProto(),
        Start = Field.Format(view.Definition.Start),
        End = view.Definition.End.ToWire(),
        ReportingFrequency = CommonMapping.ToProto<Proto.ReportingFrequency>(view.Definition.Frequency),
        Kpis = { view.Kpis.Select(k => k.ToProto()) },
        ReadingCount = view.ReadingCount,
    };
}
