using Cooperation.Contracts.Organisations;
using Cooperation.Contracts.DonorReports;
using Cooperation.Gateway.Common;
using Proto = Cooperation.Contracts.Grpc;

namespace Cooperation.Gateway.Organisations;

/// <summary>Organisations from the domain to the wire.</summary>
internal static class OrganisationMapping
{
    /// <summary>An organisation as the API returns it.</summary>
    public static Proto.Organisation ToProto(this OrganisationView view) => new()
    {
        OrganisationId = view.OrganisationId,
        Names = view.Definition.Names.ToProto(),
        Kind = CommonMapping.ToProto<Proto.OrganisationKind>(view.Definition.Kind),
        CityId = view.Definition.CityId,
        Contacts = { view.Contacts?.Addresses ?? [] },
        OptedOut = { (view.Contacts?.OptedOut ?? []).Select(kind => CommonMapping.ToProto<Proto.NoticeKind>(kind)) },
        PreferredLanguage = view.Definition.PreferredLanguage is { } language ? CommonMapping.ToProto<Proto.ReportLanguage>(language) : Proto.ReportLanguage.Unspecified,
    };

    /// <summary>A preferred language from the wire: null when unspecified, InvalidArgument on "preferred_language" when unknown.</summary>
    public static ReportLanguage? Language(Proto.ReportLanguage language) =>
        language == Proto.ReportLanguage.Unspecified ? null : CommonMapping.ToDomain<ReportLanguage>((int)language, "preferred_language");
}
