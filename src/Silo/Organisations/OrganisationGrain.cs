using Cooperation.Contracts.Access;
using Cooperation.Contracts.Cities;
using Cooperation.Contracts.Common;
using Cooperation.Contracts.Organisations;
using Cooperation.Silo.Hosting;
using Cooperation.Silo.Journal;
using Microsoft.Extensions.Logging;

namespace Cooperation.Silo.Organisations;

/// <summary>An organisation: a city government or department, agency, park, enterprise or donor.</summary>
internal sealed class OrganisationGrain(
    [PersistentState(EntityTypes.Organisation, StorageNames.Domain)] IPersistentState<EntitySnapshot<OrganisationState>> snapshot,
    IEventJournal journal,
    TimeProvider clock,
    ILogger<OrganisationGrain> logger) : EventSourcedGrain<OrganisationState>(snapshot, journal, clock, logger), IOrganisationGrain
{
    /// <inheritdoc/>
    protected override string EntityType => EntityTypes.Organisation;

    /// <inheritdoc/>
    protected override OrganisationState Initial => new();

    /// <inheritdoc/>
    protected override OrganisationState Apply(OrganisationState state, JournalEntry entry) => OrganisationEvents.Apply(state, entry);

    /// <inheritdoc/>
    protected override void AuthorizeRead() =>
        AccessPolicy.Require(Permission.ReadReference, State.Definition is null ? null : AccessScope.OfCities([]), "organisation", Id);

    /// <inheritdoc/>
    public async Task<OrganisationView> Create(OrganisationDefinition definition)
    {
        Field.Id(Id, "organisation_id");
        AccessPolicy.Require(Permission.ManageReference, AccessScope.OfCities([]), "organisation", Id);
        definition.Validate();
        // The same creation again is harmless even after the language changed since.
        if (State.Definition is { } existing)
            return existing == definition ? await Get() : throw new EntityExistsException("organisation", Id);
        await GrainFactory.GetGrain<ICityGrain>(definition.CityId).Get();
        await RaiseAsync(new OrganisationCreated(StoredOrganisationDefinition.Of(definition)));
        return new(Id, definition);
    }

    /// <inheritdoc/>
    public async Task<OrganisationView> SetContacts(OrganisationContacts contacts)
    {
        AccessPolicy.Require(Permission.ManageContacts, ContactsScope, "organisation", Id);
        contacts.Validate();
        // Contacts sent without a language keep the one in force.
        contacts = contacts with { Language = contacts.Language ?? State.Language };
        if (contacts != State.Contacts)
            await RaiseAsync(new OrganisationContactsSet(StoredOrganisationContacts.Of(contacts)));
        return await Get();
    }

    /// <inheritdoc/>
    public Task<OrganisationView> Get()
    {
        var definition = State.Definition ?? throw new EntityNotFoundException("organisation", Id);
        // Addresses are personal data: only those who may change them see them.
        var contacts = AccessPolicy.Allows(CallerContext.Current, Permission.ManageContacts, ContactsScope!) ? State.Contacts : null;
        return Task.FromResult(new OrganisationView(Id, definition with { PreferredLanguage = State.Language }, contacts));
    }

    /// <summary>Who may set the contacts: the organisation itself and the office of its city.</summary>
    private AccessScope? ContactsScope => State.Definition is { } definition ? new([definition.CityId], [], [Id], [], []) : null;
}
