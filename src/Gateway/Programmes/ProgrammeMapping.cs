using Cooperation.Contracts.Common;
using Cooperation.Contracts.Programmes;
using Cooperation.Gateway.Common;
using Cooperation.Gateway.Kpis;
using Proto = Cooperation.Contracts.Grpc;

namespace Cooperation.Gateway.Programmes;

/// <summary>Programmes from the domain to the wire.</summary>
internal static class ProgrammeMapping
{
    /// <summary>A programme with its KPIs as the API returns it.</summary>
    public static Proto.Programme ToProto(this ProgrammeView view) => new()
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
        SubmissionWindowDays = view.Definition.SubmissionWindowDays,
    };
}
