using Cooperation.Contracts.Audit;
using Cooperation.Contracts.Common;
using Orleans.Concurrency;

namespace Cooperation.Contracts.Access;

/// <summary>What a new credential is for.</summary>
/// <param name="OrganisationId">The organisation it acts for; "platform" for the platform's own operators (admins only).</param>
/// <param name="Role">What it may do; must suit the organisation's kind.</param>
/// <param name="Label">Who or what holds it, e.g. "Kitakyushu reporting desk".</param>
[GenerateSerializer, Immutable, Alias("coop.CredentialRequest")]
public sealed record CredentialRequest(
    [property: Id(0)] string OrganisationId,
    [property: Id(1)] Role Role,
    [property: Id(2)] string Label)
{
    /// <summary>Longest label.</summary>
    public const int MaxLabelLength = 100;

    /// <summary>The request with its label trimmed; refuses one that breaks a field rule.</summary>
    public CredentialRequest Validated()
    {
        Field.Id(OrganisationId, "organisation_id");
        Field.Choice(Role, "role");
        if (Role == Role.System)
            throw new InvalidFieldException("role", "is the platform's own; a credential cannot hold it");
        return this with { Label = Field.Text(Label, "label", MaxLabelLength) };
    }
}

/// <summary>A credential as listed: never its secret.</summary>
/// <param name="CredentialId">The id, also the middle part of its key.</param>
/// <param name="OrganisationId">The organisation it acts for.</param>
/// <param name="Role">What it may do.</param>
/// <param name="Label">Who or what holds it.</param>
/// <param name="CreatedAt">When it was issued.</param>
/// <param name="CreatedBy">Who issued it.</param>
/// <param name="RevokedAt">When it was revoked, if it was.</param>
/// <param name="RevokedReason">Why.</param>
[GenerateSerializer, Immutable, Alias("coop.CredentialView")]
public sealed record CredentialView(
    [property: Id(0)] string CredentialId,
    [property: Id(1)] string OrganisationId,
    [property: Id(2)] Role Role,
    [property: Id(3)] string Label,
    [property: Id(4)] DateTimeOffset CreatedAt,
    [property: Id(5)] string CreatedBy,
    [property: Id(6)] DateTimeOffset? RevokedAt,
    [property: Id(7)] string? RevokedReason);

/// <summary>
/// A credential, keyed by its id: an organisation's role and the hash of its key's secret. The
/// secret itself never reaches the cluster.
/// </summary>
[Alias("coop.ICredentialGrain")]
public interface ICredentialGrain : IHasHistory
{
    /// <summary>Issues the credential (admins only) for an existing organisation whose kind suits the role.</summary>
    [Alias("Issue")]
    Task<CredentialView> Issue(CredentialRequest request, string secretHash);

    /// <summary>The caller the key's secret authenticates; null when unknown, revoked or wrong.</summary>
    [Alias("Verify"), ReadOnly]
    Task<Caller?> Verify(string secretHash);

    /// <summary>Revokes it for good (admins only); revoking again is harmless.</summary>
    [Alias("Revoke")]
    Task<CredentialView> Revoke(string reason);

    /// <summary>Reads it (admins only).</summary>
    [Alias("Get"), ReadOnly]
    Task<CredentialView> Get();
}

/// <summary>Which credentials exist, per organisation: one registry for the platform.</summary>
[Alias("coop.ICredentialRegistryGrain")]
public interface ICredentialRegistryGrain : IGrainWithStringKey
{
    /// <summary>The registry's only key.</summary>
    public const string Key = "all";

    /// <summary>Adds an issued credential (called by the credential grain).</summary>
    [Alias("Register")]
    Task Register(string credentialId, string organisationId);

    /// <summary>An organisation's credentials, revoked ones included (admins only).</summary>
    [Alias("List"), ReadOnly]
    Task<ValueList<CredentialView>> List(string organisationId);
}
