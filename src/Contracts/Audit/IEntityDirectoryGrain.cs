using Cooperation.Contracts.Common;
using Orleans.Concurrency;

namespace Cooperation.Contracts.Audit;

/// <summary>
/// Which entities of a type exist, from the journal (each has exactly one first event): all of
/// them for the platform's own work that visits them all, such as the daily digest; for anyone
/// else, those it may read. A stateless worker, key 0.
/// </summary>
[Alias("coop.IEntityDirectoryGrain")]
public interface IEntityDirectoryGrain : IGrainWithIntegerKey
{
    /// <summary>The ids of every entity of <paramref name="entityType"/> (one of <see cref="EntityTypes"/>): the platform's own work only.</summary>
    [Alias("Ids"), ReadOnly]
    Task<ValueList<string>> Ids(string entityType);

    /// <summary>
    /// The ids of the entities of <paramref name="entityType"/> (one with a history, see
    /// <see cref="AuditedEntities"/>) the caller may read, each entity deciding as for a single read
    /// (<see cref="IHasHistory.IsReadable"/>): what a person's home lists, e.g. the pilots a donor
    /// funds. InvalidArgument for a type without a history.
    /// </summary>
    [Alias("ReadableIds"), ReadOnly]
    Task<ValueList<string>> ReadableIds(string entityType);

    /// <summary>
    /// The ids of the JCM pilots whose monitoring the caller's organisation was appointed to verify,
    /// each pilot deciding as for <see cref="Pilots.IPilotGrain.GetJcmToVerify"/> (an appointment since
    /// replaced no longer counts): a verifier's list, whether or not it takes part in the pilots.
    /// </summary>
    [Alias("PilotsToVerify"), ReadOnly]
    Task<ValueList<string>> PilotsToVerify();
}
