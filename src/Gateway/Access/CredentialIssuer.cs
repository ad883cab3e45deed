using Cooperation.Contracts.Access;
using Cooperation.Gateway.Common;

namespace Cooperation.Gateway.Access;

/// <summary>
/// Makes API keys: a new credential id and secret, the hash to the credential grain, the key to
/// the caller, once. The secret never leaves the gateway. Used by the API, the operators'
/// command line and the demo loader.
/// </summary>
internal sealed class CredentialIssuer(GrainReferences<ICredentialGrain> credentials)
{
    /// <summary>Issues a credential as the current caller; returns it with its key.</summary>
    public async Task<(CredentialView Credential, string ApiKey)> IssueAsync(CredentialRequest request)
    {
        var (credentialId, secret) = ApiKeys.New();
        var credential = await credentials.Get(credentialId).Issue(request, ApiKeys.Hash(secret));
        return (credential, ApiKeys.Format(credentialId, secret));
    }
}
