using Cooperation.Contracts.Common;
using Orleans.Concurrency;

namespace Cooperation.Contracts.Audit;

/// <summary>
/// Which entities of a type exist, from the journal (each has exactly one first event): for the
/// platform's own work that visits them all, such as the daily digest. A stateless worker, key 0;
/// refuses anyone but the platform.
/// </summary>
[Alias("coop.IEntityDirectoryGrain")]
public interface IEntityDirectoryGrain : IGrainWithIntegerKey
{
    /// <summary>The ids of every entity of <paramref name="entityType"/> (one of <see cref="EntityTypes"/>).</summary>
    [Alias("Ids"), ReadOnly]
    Task<ValueList<string>> Ids(string entityType);
}
