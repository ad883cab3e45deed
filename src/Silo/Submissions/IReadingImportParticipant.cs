using Cooperation.Contracts.Common;
using Cooperation.Contracts.Submissions;
using Cooperation.Silo.Journal;

namespace Cooperation.Silo.Submissions;

/// <summary>
/// An entity that takes part in a reading import: it decides on its rows as it would on an
/// update, without storing anything, and takes in what the import committed for it.
/// </summary>
[Alias("coop.IReadingImportParticipant")]
internal interface IReadingImportParticipant : IGrainWithStringKey
{
    /// <summary>
    /// Checks <paramref name="rows"/> against the entity's current state and, for those that
    /// pass, returns the events that would store them, numbered after its current version.
    /// </summary>
    [Alias("Stage")]
    Task<ImportStage> Stage(ValueList<ImportRow> rows);

    /// <summary>Takes in the entries of a stage once the import committed them.</summary>
    [Alias("Complete")]
    Task Complete(StagedAppend committed);
}

/// <summary>A participant's decision on its rows.</summary>
/// <param name="Rejections">Rows refused, and why.</param>
/// <param name="Periods">The periods the other rows submit.</param>
/// <param name="Append">What storing those rows appends; null when none passed.</param>
/// <param name="Denied">The caller may not report on the entity (or, not being privileged, it does not exist).</param>
[GenerateSerializer, Immutable, Alias("coop.ImportStage")]
internal sealed record ImportStage(
    [property: Id(0)] ValueList<RowRejection> Rejections,
    [property: Id(1)] ValueList<ImportedPeriod> Periods,
    [property: Id(2)] StagedAppend? Append,
    [property: Id(3)] bool Denied = false)
{
    /// <summary>Every row refused for the same reason.</summary>
    public static ImportStage Refused(IEnumerable<ImportRow> rows, string column, string reason) =>
        new(ValueList.Of(rows.Select(r => new RowRejection(r.Row, column, reason))), [], null);
}
