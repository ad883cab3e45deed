using Cooperation.Contracts.Access;
using Cooperation.Contracts.Common;
using Cooperation.Gateway.Common;
using Grpc.Core;
using Proto = Cooperation.Contracts.Grpc;

namespace Cooperation.Gateway.Access;

/// <summary>gRPC (and JSON) front of the credentials: issue, list, revoke, and who a key acts for.</summary>
internal sealed class CredentialGrpcService(
    CredentialIssuer issuer,
    CredentialVerifier verifier,
    GrainReferences<ICredentialGrain> credentials,
    IGrainFactory grains) : Proto.CredentialService.CredentialServiceBase
{
    /// <inheritdoc/>
    public override async Task<Proto.IssuedCredential> CreateCredential(Proto.CreateCredentialRequest request, ServerCallContext context)
    {
        var (credential, apiKey) = await issuer.IssueAsync(new CredentialRequest(
            Field.Id(request.OrganisationId, "organisation_id"), CommonMapping.ToDomain<Role>((int)request.Role, "role"), request.Label));
        return new Proto.IssuedCredential { Credential = credential.ToProto(), ApiKey = apiKey };
    }

    /// <inheritdoc/>
    public override async Task<Proto.ListCredentialsResponse> ListCredentials(Proto.ListCredentialsRequest request, ServerCallContext context)
    {
        var listed = await grains.GetGrain<ICredentialRegistryGrain>(ICredentialRegistryGrain.Key)
            .List(Field.Id(request.OrganisationId, "organisation_id"));
        return new Proto.ListCredentialsResponse { Credentials = { listed.Select(c => c.ToProto()) } };
    }

    /// <inheritdoc/>
    public override async Task<Proto.Credential> RevokeCredential(Proto.RevokeCredentialRequest request, ServerCallContext context)
    {
        var credentialId = Field.Id(request.CredentialId, "credential_id");
        var revoked = await credentials.Get(credentialId).Revoke(request.Reason);
        verifier.Forget(credentialId);
        return revoked.ToProto();
    }

    /// <inheritdoc/>
    public override Task<Proto.CallerIdentity> WhoAmI(Proto.WhoAmIRequest request, ServerCallContext context)
    {
        var caller = CallerContext.Current;
        return Task.FromResult(new Proto.CallerIdentity
        {
            OrganisationId = caller.OrganisationId,
            Role = CommonMapping.ToProto<Proto.Role>(caller.Role),
            CredentialId = caller.CredentialId ?? "",
            CityId = caller.CityId,
        });
    }
}

/// <summary>Credentials from the domain to the wire.</summary>
internal static class CredentialMapping
{
    /// <summary>A credential as the API lists it.</summary>
    public static Proto.Credential ToProto(this CredentialView view) => new()
    {
        CredentialId = view.CredentialId,
        OrganisationId = view.OrganisationId,
        Role = CommonMapping.ToProto<Proto.Role>(view.Role),
        Label = view.Label,
        CreatedAt = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(view.CreatedAt),
        CreatedBy = view.CreatedBy,
        RevokedAt = view.RevokedAt is { } at ? Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(at) : null,
        RevokedReason = view.RevokedReason ?? "",
    };
}
