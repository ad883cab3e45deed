using Cooperation.Contracts.Cities;
using Cooperation.Contracts.Common;
using Cooperation.Silo.Journal;

namespace Cooperation.Silo.Cities;

/// <summary>A city was created.</summary>
[EventKind("city.created")]
public sealed record CityCreated(CityDefinition Definition) : IEntityEvent;

/// <summary>A composite index was recorded for a year, replacing an earlier one for that year.</summary>
[EventKind("city.index-recorded")]
public sealed record CityIndexRecorded(CompositeIndex Index) : IEntityEvent;

/// <summary>The city joined a partnership.</summary>
[EventKind("city.partnership-attached")]
public sealed record CityPartnershipAttached(string PartnershipId) : IEntityEvent;

/// <summary>A programme of the city was created.</summary>
[EventKind("city.programme-attached")]
public sealed record CityProgrammeAttached(string ProgrammeId) : IEntityEvent;

/// <summary>How a city's events change its state.</summary>
public static class CityEvents
{
    /// <summary>The state after <paramref name="entry"/>.</summary>
    public static CityState Apply(CityState state, JournalEntry entry) => entry.Event switch
    {
        CityCreated created => new CityState { Definition = created.Definition },
        CityIndexRecorded recorded => state with
        {
            Indices = ValueList.Of(state.Indices
                .Where(i => !(i.IndexCode == recorded.Index.IndexCode && i.Year == recorded.Index.Year))
                .Append(recorded.Index)
                .OrderBy(i => i.IndexCode, StringComparer.Ordinal).ThenBy(i => i.Year)),
        },
        CityPartnershipAttached attached => state with { PartnershipIds = state.PartnershipIds.Add(attached.PartnershipId) },
        CityProgrammeAttached attached => state with { ProgrammeIds = state.ProgrammeIds.Add(attached.ProgrammeId) },
        var other => throw new InvalidOperationException($"A city does not take {other.GetType().Name} events."),
    };
}
