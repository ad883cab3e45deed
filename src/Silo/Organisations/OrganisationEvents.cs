using Cooperation.Silo.Journal;

namespace Cooperation.Silo.Organisations;

/// <summary>An organisation was created.</summary>
[EventKind("organisation.created", 1)]
internal sealed record OrganisationCreated(StoredOrganisationDefinition Definition) : IEntityEvent;

/// <summary>Where an organisation's notices go (and, when given, its preferred language) was set.</summary>
[EventKind("organisation.contacts-set", 1)]
internal sealed record OrganisationContactsSet(StoredOrganisationContacts Contacts) : IEntityEvent;

/// <summary>How an organisation's events change its state.</summary>
internal static class OrganisationEvents
{
    /// <summary>The state after <paramref name="entry"/>.</summary>
    public static OrganisationState Apply(OrganisationState state, JournalEntry entry) => entry.Event switch
    {
        OrganisationCreated created => new OrganisationState { Definition = created.Definition.ToContract(), Language = created.Definition.PreferredLanguage },
        // Contacts without a language keep the one in force (events stored before languages existed have none).
        OrganisationContactsSet contacts => state with { Contacts = contacts.Contacts.ToContract(), Language = contacts.Contacts.Language ?? state.Language },
        var other => throw new InvalidOperationException($"An organisation does not take {other.GetType().Name} events."),
    };
}
