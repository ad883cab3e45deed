using Cooperation.Contracts.Common;
using Cooperation.Contracts.Programmes;
using Cooperation.Contracts.Submissions;
using Cooperation.Gateway.Common;
using Cooperation.Gateway.Kpis;
using Grpc.Core;
using Proto = Cooperation.Contracts.Grpc;

namespace Cooperation.Gateway.Programmes;

/// <summary>gRPC (and JSON) front of the programme grains.</summary>
internal sealed class ProgrammeGrpcService(GrainReferences<IProgrammeGrain> programmes) : Proto.ProgrammeService.ProgrammeServiceBase
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
            CommonMapping.ToDomain((int)request.ReportingFrequency, "reporting_frequency", ReportingFrequency.Monthly),
            request.SubmissionWindowDays == 0 ? SubmissionWindow.DefaultDays : request.SubmissionWindowDays);
        return (await programme.Create(definition)).ToProto();
    }

    /// <inheritdoc/>
    public override async Task<Proto.Programme> GetProgramme(Proto.GetProgrammeRequest request, ServerCallContext context) =>
        (await Programme(request.ProgrammeId).Get()).ToProto();

    private IProgrammeGrain Programme(string id) => programmes.Get(Field.Id(id, "programme_id"));
}
