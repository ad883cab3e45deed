using Cooperation.Contracts.Access;
using Cooperation.Contracts.Common;
using Cooperation.Contracts.Organisations;
using Cooperation.Silo.Hosting;
using Cooperation.Silo.Journal;
using Microsoft.Extensions.Logging;

namespace Cooperation.Silo.Access;

/// <summary>
/// A credential: which organisation it acts for, in which role, and the hash of its key's
/// secret. Issuing and revoking are events like any other change, so the journal shows who
/// issued or revoked which credential and when.
/// </summary>
internal sealed class CredentialGrain(
    [PersistentState(EntityTypes.Credential, StorageNames.Domain)] IPersistentState<EntitySnapshot<CredentialState>> snapshot,
    IEventJournal journal,
    TimeProvider clock,
    ILogger<CredentialGrain> logger) : EventSourcedGrain<CredentialState>(snapshot, journal, clock, logger), ICredentialGrain
{
    /// <summary>Longest revocation reason.</summary>
    public const int MaxReasonLength = 500;

    /// <summary>The organisation admins of the platform itself act for; it need not exist as an organisation.</summary>
    public const string PlatformOrganisation = "platform";

    // Only admins (and the platform) manage credentials: a scope nobody else is part of.
    private static readonly AccessScope AdminsOnly = AccessScope.OfCities([]);

    /// <inheritdoc/>
    protected override string EntityType => EntityTypes.Credential;

    /// <inheritdoc/>
    protected override CredentialState Initial => new();

    /// <inheritdoc/>
    protected override CredentialState Apply(CredentialState state, JournalEntry entry) => CredentialEvents.Apply(state, entry);

    /// <inheritdoc/>
    protected override void AuthorizeRead() =>
        AccessPolicy.Require(Permission.ManageCredentials, State.Issued is null ? null : AdminsOnly, "credential", Id);

    /// <inheritdoc/>
    public async Task<CredentialView> Issue(CredentialRequest request, string secretHash)
    {
        AccessPolicy.Require(Permission.ManageCredentials, AdminsOnly, "credential", Id);
        request = request.Validated();
        if (State.Issued is { } issued)
        {
            // The same issue again completes a registration an earlier attempt may have left undone.
            if ((issued.OrganisationId, issued.Role, issued.Label, issued.SecretHash) != (request.OrganisationId, request.Role, request.Label, secretHash))
                throw new EntityExistsException("credential", Id);
        }
        else
        {
            var cityId = await CityOfAsync(request);
            await RaiseAsync(new CredentialIssued(request.OrganisationId, request.Role, cityId, request.Label, secretHash));
        }
        await GrainFactory.GetGrain<ICredentialRegistryGrain>(ICredentialRegistryGrain.Key).Register(Id, request.OrganisationId);
        return View();
    }

    /// <summary>The organisation's city, once its kind is checked against the role.</summary>
    private async Task<string> CityOfAsync(CredentialRequest request)
    {
        if (request.OrganisationId == PlatformOrganisation)
        {
            return request.Role == Role.Admin
                ? ""
                : throw new InvalidFieldException("role", $"the platform's own credentials are admin credentials");
        }
        var organisation = (await GrainFactory.GetGrain<IOrganisationGrain>(request.OrganisationId).Get()).Definition;
        var suits = request.Role switch
        {
            Role.CityOffice => organisation.Kind is OrganisationKind.CityGovernment or OrganisationKind.CityDepartment,
            Role.Donor => organisation.Kind == OrganisationKind.Donor,
            Role.PartnerAgency => organisation.Kind != OrganisationKind.Donor,
            Role.Admin => true,
            // Anonymous (unset) and System are refused by the request's own rules.
            _ => throw new ArgumentOutOfRangeException(nameof(request), request.Role, "Every role a credential may have says which organisations suit it."),
        };
        return suits ? organisation.CityId
            : throw new InvalidFieldException("role", $"{request.Role} does not suit '{request.OrganisationId}', a {organisation.Kind}");
    }

    /// <inheritdoc/>
    public Task<Caller?> Verify(string secretHash) => Task.FromResult(
        State.Issued is { } issued && State.RevokedAt is null && ApiKeys.SameHash(issued.SecretHash, secretHash)
            ? new Caller(issued.OrganisationId, issued.Role, Id, issued.CityId)
            : null);

    /// <inheritdoc/>
    public async Task<CredentialView> Revoke(string reason)
    {
        AccessPolicy.Require(Permission.ManageCredentials, State.Issued is null ? null : AdminsOnly, "credential", Id);
        var checkedReason = Field.Text(reason, "reason", MaxReasonLength);
        if (State.RevokedAt is null)
            await RaiseAsync(new CredentialRevoked(checkedReason));
        return View();
    }

    /// <inheritdoc/>
    public Task<CredentialView> Get()
    {
        AccessPolicy.Require(Permission.ManageCredentials, State.Issued is null ? null : AdminsOnly, "credential", Id);
        return Task.FromResult(View());
    }

    private CredentialView View()
    {
        var issued = State.Issued!;
        return new CredentialView(Id, issued.OrganisationId, issued.Role, issued.Label, State.IssuedAt, State.IssuedBy,
            State.RevokedAt, State.RevokedReason);
    }
}
