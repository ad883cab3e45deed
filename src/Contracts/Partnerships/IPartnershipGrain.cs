using Cooperation.Contracts.Audit;
using Cooperation.Contracts.Common;
using Cooperation.Contracts.Mous;
using Cooperation.Contracts.Pilots;
using Cooperation.Contracts.Submissions;
using Orleans.Concurrency;

namespace Cooperation.Contracts.Partnerships;

/// <summary>
/// A partnership between two cities, keyed by its id. It lists its members, programmes, pilots
/// and MoUs itself, so reading it never scans the database.
/// </summary>
[Alias("coop.IPartnershipGrain")]
public interface IPartnershipGrain : IHasHistory
{
    /// <summary>
    /// Creates the partnership between two existing cities and lists it with both. Repeating the
    /// same definition returns the existing one; another definition throws
    /// <see cref="Common.EntityExistsException"/>.
    /// </summary>
    [Alias("Create")]
    Task<PartnershipView> Create(PartnershipDefinition definition);

    /// <summary>
    /// Reads the partnership; <see cref="Common.EntityNotFoundException"/> when it was never
    /// created. Its lists of programmes, pilots and MoUs hold only those the caller may read.
    /// </summary>
    [Alias("Get"), ReadOnly]
    Task<PartnershipView> Get();

    /// <summary>The partnership (as <see cref="Get"/>) if the caller may read it, else null (for lists that leave out what is not theirs).</summary>
    [Alias("GetIfReadable"), ReadOnly]
    Task<PartnershipView?> GetIfReadable();

    /// <summary>
    /// Its definition (names, cities) if the caller may read the partnership, else null: what a
    /// page needs to name and link it, without the lists that <see cref="Get"/> checks item by item.
    /// </summary>
    [Alias("GetDefinitionIfReadable"), ReadOnly]
    Task<PartnershipDefinition?> GetDefinitionIfReadable();

    /// <summary>
    /// The partnership (as <see cref="Get"/>) with its programmes and MoUs the caller may read and
    /// the roll-up of its pilots (as <see cref="GetProgress"/>), in one call that asks each item
    /// once: what the partnership's page shows.
    /// </summary>
    [Alias("GetOverview"), ReadOnly]
    Task<PartnershipOverview> GetOverview(FigureBasis basis = FigureBasis.All);

    /// <summary>Adds an existing organisation as a member, or changes its role.</summary>
    [Alias("SetMember")]
    Task<PartnershipView> SetMember(PartnershipMember member);

    /// <summary>Its pilots in short, in creation order: those the caller may read.</summary>
    [Alias("ListPilots"), ReadOnly]
    Task<ValueList<PilotSummary>> ListPilots(FigureBasis basis = FigureBasis.All);

    /// <summary>Its MoUs, in creation order: those the caller may read.</summary>
    [Alias("ListMous"), ReadOnly]
    Task<ValueList<MouView>> ListMous();

    /// <summary>
    /// The roll-up of its pilots and MoUs that the caller may read (marked partial when it may not
    /// read them all). Read-only, so a pilot or MoU being created can still
    /// read the partnership meanwhile.
    /// </summary>
    [Alias("GetProgress"), ReadOnly]
    Task<PartnershipProgress> GetProgress(FigureBasis basis = FigureBasis.All);

    /// <summary>Lists a programme under the partnership (idempotent; it must exist).</summary>
    [Alias("AttachProgramme")]
    Task AttachProgramme(string programmeId);

    /// <summary>Lists a pilot under the partnership (idempotent; it must exist).</summary>
    [Alias("AttachPilot")]
    Task AttachPilot(string pilotId);

    /// <summary>Lists an MoU under the partnership (idempotent; it must exist).</summary>
    [Alias("AttachMou")]
    Task AttachMou(string mouId);
}
