using Cooperation.Contracts.Common;
using Cooperation.Contracts.Organisations;
using Cooperation.Gateway.Common;
using Grpc.Core;
using Proto = Cooperation.Contracts.Grpc;

namespace Cooperation.Gateway.Organisations;

/// <summary>gRPC (and JSON) front of the organisation grains.</summary>
internal sealed class OrganisationGrpcService(GrainReferences<IOrganisationGrain> organisations)
    : Proto.OrganisationService.OrganisationServiceBase
{
    /// <inheritdoc/>
    public override async Task<Proto.Organisation> CreateOrganisation(Proto.CreateOrganisationRequest request, ServerCallContext context)
    {
        var organisation = Organisation(request.OrganisationId);
        var definition = new OrganisationDefinition(
            request.Names.ToDomain("names"),
            CommonMapping.ToDomain<OrganisationKind>((int)request.Kind, "kind"),
            request.CityId,
            OrganisationMapping.Language(request.PreferredLanguage));
        return (await organisation.Create(definition)).ToProto();
    }

    /// <inheritdoc/>
    public override async Task<Proto.Organisation> SetOrganisationContacts(Proto.SetOrganisationContactsRequest request, ServerCallContext context)
    {
        var contacts = new OrganisationContacts(
            ValueList.Of(request.Contacts.Select(c => c.Trim())),
            ValueList.Of(request.OptedOut.Select((kind, i) => CommonMapping.ToDomain<NoticeKind>((int)kind, $"opted_out[{i}]"))),
            OrganisationMapping.Language(request.PreferredLanguage));
        return (await Organisation(request.OrganisationId).SetContacts(contacts)).ToProto();
    }

    /// <inheritdoc/>
    public override async Task<Proto.Organisation> GetOrganisation(Proto.GetOrganisationRequest request, ServerCallContext context) =>
        (await Organisation(request.OrganisationId).Get()).ToProto();

    private IOrganisationGrain Organisation(string id) => organisations.Get(Field.Id(id, "organisation_id"));
}
