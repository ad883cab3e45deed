using Cooperation.Contracts.Audit;
using Orleans.Concurrency;

namespace Cooperation.Contracts.Cities;

/// <summary>A city, keyed by its id: what it is, what it takes part in, and its composite indices.</summary>
[Alias("coop.ICityGrain")]
public interface ICityGrain : IHasHistory
{
    /// <summary>Creates the city; repeating the same definition is harmless, another one is refused.</summary>
    [Alias("Create")]
    Task<CityView> Create(CityDefinition definition);

    /// <summary>Reads the city; <see cref="Common.EntityNotFoundException"/> when unknown.</summary>
    [Alias("Get"), ReadOnly]
    Task<CityView> Get();

    /// <summary>Records (or replaces) the city's score of one index for one year.</summary>
    [Alias("RecordIndex")]
    Task<CompositeIndex> RecordIndex(CompositeIndex index);

    /// <summary>Lists a partnership the city takes part in (idempotent; the city must exist).</summary>
    [Alias("AttachPartnership")]
    Task AttachPartnership(string partnershipId);

    /// <summary>Lists a programme the city owns (idempotent; the city must exist).</summary>
    [Alias("AttachProgramme")]
    Task AttachProgramme(string programmeId);
}
