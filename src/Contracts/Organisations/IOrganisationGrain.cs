using Cooperation.Contracts.Audit;
using Orleans.Concurrency;

namespace Cooperation.Contracts.Organisations;

/// <summary>An organisation, keyed by its id.</summary>
[Alias("coop.IOrganisationGrain")]
public interface IOrganisationGrain : IHasHistory
{
    /// <summary>
    /// Creates the organisation in an existing city; repeating the same definition is harmless,
    /// another one is refused.
    /// </summary>
    [Alias("Create")]
    Task<OrganisationView> Create(OrganisationDefinition definition);

    /// <summary>
    /// Sets where the organisation's notices go, which it does not want and, when given, the
    /// language they are written in: by the organisation itself, the office of its city, or an admin.
    /// </summary>
    [Alias("SetContacts")]
    Task<OrganisationView> SetContacts(OrganisationContacts contacts);

    /// <summary>Reads the organisation; <see cref="Common.EntityNotFoundException"/> when unknown.</summary>
    [Alias("Get"), ReadOnly]
    Task<OrganisationView> Get();
}
