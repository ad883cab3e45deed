using Cooperation.Contracts.Access;
using Cooperation.Contracts.Common;
using Cooperation.Silo.Hosting;
using Cooperation.Silo.Journal;
using Microsoft.Extensions.Logging;

namespace Cooperation.Silo.Access;

/// <summary>
/// Every credential's id with its organisation, so an organisation's credentials can be listed
/// without scanning storage. Credentials number in the hundreds, so one registry serves.
/// </summary>
internal sealed class CredentialRegistryGrain(
    [PersistentState("credential-registry", StorageNames.Domain)] IPersistentState<EntitySnapshot<CredentialRegistryState>> snapshot,
    IEventJournal journal,
    TimeProvider clock,
    ILogger<CredentialRegistryGrain> logger)
    : EventSourcedGrain<CredentialRegistryState>(snapshot, journal, clock, logger), ICredentialRegistryGrain
{
    /// <inheritdoc/>
    protected override string EntityType => EntityTypes.CredentialRegistry;

    /// <inheritdoc/>
    protected override CredentialRegistryState Initial => new();

    /// <inheritdoc/>
    protected override CredentialRegistryState Apply(CredentialRegistryState state, JournalEntry entry) => CredentialEvents.Apply(state, entry);

    /// <inheritdoc/>
    protected override void AuthorizeRead() =>
        AccessPolicy.Require(Permission.ManageCredentials, AccessScope.OfCities([]), "credential registry", Id);

    /// <inheritdoc/>
    public async Task Register(string credentialId, string organisationId)
    {
        if (!State.Credentials.Any(c => c.CredentialId == credentialId))
            await RaiseAsync(new CredentialRegistered(credentialId, organisationId));
    }

    /// <inheritdoc/>
    public async Task<ValueList<CredentialView>> List(string organisationId)
    {
        AccessPolicy.Require(Permission.ManageCredentials, AccessScope.OfCities([]), "credentials of organisation", organisationId);
        var ids = State.Credentials.Where(c => c.OrganisationId == organisationId).Select(c => c.CredentialId);
        return await Task.WhenAll(ids.Select(id => GrainFactory.GetGrain<ICredentialGrain>(id).Get()));
    }
}
