using Cooperation.Contracts.Cities;
using Cooperation.Contracts.Common;
using Cooperation.Silo.Journal;

namespace Cooperation.Silo.Cities;

/// <summary>A city was created.</summary>
[EventKind("city.created", 1)]
internal sealed record CityCreated(StoredCityDefinition Definition) : IEntityEvent;

/// <summary>A composite index was recorded for a year, replacing an earlier one for that year.</summary>
[EventKind("city.index-recorded", 1)]
internal sealed record CityIndexRecorded(StoredCompositeIndex Index) : IEntityEvent;

/// <summary>The city joined a partnership.</summary>
[EventKind("city.partnership-attached", 1)]
internal sealed record CityPartnershipAttached(string PartnershipId) : IEntityEvent;

/// <summary>A programme of the city was created.</summary>
[EventKind("city.programme-attached", 1)]
internal sealed record CityProgrammeAttached(string ProgrammeId) : IEntityEvent;

/// <summary>How a city's events change its state.</summary>
internal static class CityEvents
{
    /// <summary>The state after <paramref name="entry"/>.</summary>
    public static CityState Apply(CityState state, JournalEntry entry) => entry.Event switch
    {
        CityCreated created => new CityState { Definition = created.Definition.ToContract() },
        CityIndexRecorded recorded => WithIndex(state, recorded.Index.ToContract()),
        CityPartnershipAttached attached => state with { PartnershipIds = state.PartnershipIds.Add(attached.PartnershipId) },
        CityProgrammeAttached attached => state with { ProgrammeIds = state.ProgrammeIds.Add(attached.ProgrammeId) },
        var other => throw new InvalidOperationException($"A city does not take {other.GetType().Name} events."),
    };

    /// <summary>The state with <paramref name="index"/> replacing the one of its index and year, if any.</summary>
    private static CityState WithIndex(CityState state, CompositeIndex index) => state with
    {
        Indices = ValueList.Of(state.Indices
            .Where(i => !(i.IndexCode == index.IndexCode && i.Year == index.Year))
            .Append(index)
            .OrderBy(i => i.IndexCode, StringComparer.Ordinal).ThenBy(i => i.Year)),
    };
}
