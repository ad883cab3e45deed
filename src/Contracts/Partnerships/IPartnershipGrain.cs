using Orleans.Concurrency;

namespace Cooperation.Contracts.Partnerships;

/// <summary>
/// A partnership between two cities, keyed by its id. It lists its pilots itself so that
/// reading it never scans the database.
/// </summary>
[Alias("coop.IPartnershipGrain")]
public interface IPartnershipGrain : IGrainWithStringKey
{
    /// <summary>
    /// Creates the partnership. Repeating the same definition returns the existing one;
    /// another definition under the same id throws <see cref="Common.EntityExistsException"/>.
    /// </summary>
    [Alias("Create")]
    Task<PartnershipView> Create(PartnershipDefinition definition);

    /// <summary>Reads the partnership; <see cref="Common.EntityNotFoundException"/> when it was never created.</summary>
    [Alias("Get"), ReadOnly]
    Task<PartnershipView> Get();

    /// <summary>Adds a pilot to the partnership's list (idempotent); the partnership must exist.</summary>
    [Alias("AttachPilot")]
    Task AttachPilot(string pilotId);
}
