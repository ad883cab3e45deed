using Cooperation.Contracts.Common;
using Cooperation.Silo.Journal;
using Cooperation.Silo.Kpis;

namespace Cooperation.Silo.Programmes;

/// <summary>A programme was created.</summary>
/// <param name="Definition">As stated.</param>
/// <param name="TimeZone">Its owner city's time zone (a partnership's first city).</param>
/// <param name="CityIds">The cities whose offices manage it: its owner city, or its partnership's cities.</param>
[EventKind("programme.created", 1)]
internal sealed record ProgrammeCreated(StoredProgrammeDefinition Definition, string TimeZone, ValueList<string> CityIds) : IEntityEvent;

/// <summary>How a programme's events change its state.</summary>
internal static class ProgrammeEvents
{
    /// <summary>The state after <paramref name="entry"/>.</summary>
    public static ProgrammeState Apply(ProgrammeState state, JournalEntry entry) => KpiEvents.Apply(state, entry.Event) ?? entry.Event switch
    {
        ProgrammeCreated created => new ProgrammeState { Definition = created.Definition.ToContract(), TimeZone = created.TimeZone, CityIds = created.CityIds },
        var other => throw new InvalidOperationException($"A programme does not take {other.GetType().Name} events."),
    };
}
