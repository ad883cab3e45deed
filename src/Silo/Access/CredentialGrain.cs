using Cooperation.Contracts.Access;
using Cooperation.Contracts.Common;
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
            var cityId = await ActingOrganisation.CityOfAsync(GrainFactory, request.OrganisationId, request.Role);
            await RaiseAsync(new CredentialIssued(request.OrganisationId, request.Role, cityId, request.Label, secretHash));
        }
        await GrainFactory.GetGrain<ICredentialRegistryGrain>(ICredentialRegistryGrain.Key).Register(Id, request.OrganisationId);
        return View();
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
