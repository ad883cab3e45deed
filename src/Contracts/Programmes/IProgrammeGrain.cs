using Cooperation.Contracts.Kpis;
using Orleans.Concurrency;

namespace Cooperation.Contracts.Programmes;

/// <summary>A programme, keyed by its id, with programme-level KPIs.</summary>
[Alias("coop.IProgrammeGrain")]
public interface IProgrammeGrain : IKpiSubject
{
    /// <summary>
    /// Creates the programme under an existing partnership or city and lists it there. Repeating
    /// the same definition is harmless; another one is refused.
    /// </summary>
    [Alias("Create")]
    Task<ProgrammeView> Create(ProgrammeDefinition definition);

    /// <summary>Reads the programme; <see cref="Common.EntityNotFoundException"/> when unknown.</summary>
    [Alias("Get"), ReadOnly]
    Task<ProgrammeView> Get();

    /// <summary>The programme (as <see cref="Get"/>) if the caller may read it, else null: one call where a page names it only when it may.</summary>
    [Alias("GetIfReadable"), ReadOnly]
    Task<ProgrammeView?> GetIfReadable();
}
