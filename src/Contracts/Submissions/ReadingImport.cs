using Cooperation.Contracts.Common;
using Cooperation.Contracts.Kpis;

namespace Cooperation.Contracts.Submissions;

/// <summary>What to do with a file in which some rows are refused.</summary>
[GenerateSerializer, Alias("coop.ImportMode")]
public enum ImportMode
{
    /// <summary>Store every row or none: one refused row stores nothing.</summary>
    AllOrNothing = 1,

    /// <summary>Store the rows that pass and report the others.</summary>
    RowByRow = 2,
}

/// <summary>One reading of a file, with its row number.</summary>
/// <param name="Row">Its row in the file, the header being row 1.</param>
/// <param name="PilotId">The pilot it reports on.</param>
/// <param name="Reading">The reading.</param>
[GenerateSerializer, Immutable, Alias("coop.ImportRow")]
public sealed record ImportRow([property: Id(0)] int Row, [property: Id(1)] string PilotId, [property: Id(2)] KpiReadingInput Reading);

/// <summary>Why a row was refused.</summary>
/// <param name="Row">Its row in the file, the header being row 1.</param>
/// <param name="Column">The column at fault (e.g. "value"), or "row" for the row as a whole.</param>
/// <param name="Reason">What is wrong, for a person to fix.</param>
[GenerateSerializer, Immutable, Alias("coop.RowRejection")]
public sealed record RowRejection([property: Id(0)] int Row, [property: Id(1)] string Column, [property: Id(2)] string Reason);

/// <summary>A file of readings to store, as one request.</summary>
/// <param name="Rows">The rows that could be read.</param>
/// <param name="Unreadable">Rows refused before the pilots saw them (bad number, missing column...).</param>
/// <param name="RowCount">Rows in the file, header excluded.</param>
/// <param name="Mode">All or nothing, or row by row.</param>
/// <param name="ValidateOnly">Check and report, store nothing.</param>
[GenerateSerializer, Immutable, Alias("coop.ReadingImportRequest")]
public sealed record ReadingImportRequest(
    [property: Id(0)] ValueList<ImportRow> Rows,
    [property: Id(1)] ValueList<RowRejection> Unreadable,
    [property: Id(2)] int RowCount,
    [property: Id(3)] ImportMode Mode,
    [property: Id(4)] bool ValidateOnly)
{
    /// <summary>Most rows in one file.</summary>
    public const int MaxRows = 10_000;
}

/// <summary>A period of a pilot that an import submitted readings for.</summary>
/// <param name="PilotId">The pilot.</param>
/// <param name="Period">The period, now up for review.</param>
/// <param name="Readings">Readings stored for it.</param>
/// <param name="Late">Whether they came after the period's submission window closed.</param>
[GenerateSerializer, Immutable, Alias("coop.ImportedPeriod")]
public sealed record ImportedPeriod([property: Id(0)] string PilotId, [property: Id(1)] ReportingPeriod Period,
    [property: Id(2)] int Readings, [property: Id(3)] bool Late);

/// <summary>What an import did.</summary>
/// <param name="RowCount">Rows in the file, header excluded.</param>
/// <param name="RowsAccepted">Rows that passed (stored, unless nothing was).</param>
/// <param name="Rejections">Refused rows, in file order; a row may be refused for several reasons.</param>
/// <param name="Periods">The pilots' periods it submitted.</param>
/// <param name="Stored">Whether anything was stored (false when validating only or when a row was refused in all-or-nothing mode).</param>
/// <param name="StoredAt">When it was stored.</param>
/// <param name="Replayed">True when this answers a retry: the file was stored once, earlier.</param>
[GenerateSerializer, Immutable, Alias("coop.ReadingImportResult")]
public sealed record ReadingImportResult(
    [property: Id(0)] int RowCount,
    [property: Id(1)] int RowsAccepted,
    [property: Id(2)] ValueList<RowRejection> Rejections,
    [property: Id(3)] ValueList<ImportedPeriod> Periods,
    [property: Id(4)] bool Stored,
    [property: Id(5)] DateTimeOffset? StoredAt,
    [property: Id(6)] bool Replayed);

/// <summary>
/// One import of readings, named by the importing organisation and its idempotency key
/// ("{organisation}:{key}"). All the readings of a file go to their pilots in one transaction,
/// so a file is stored whole or not at all, and a retry returns the first result.
/// </summary>
[Alias("coop.IReadingImportGrain")]
public interface IReadingImportGrain : IGrainWithStringKey
{
    /// <summary>The grain of <paramref name="organisationId"/>'s import under <paramref name="idempotencyKey"/>.</summary>
    static string KeyOf(string organisationId, string idempotencyKey) => $"{organisationId}:{PilotUpdate.CheckKey(idempotencyKey)}";

    /// <summary>
    /// Checks every row with its pilot and stores the readings that pass as updates (one per
    /// pilot and period), all in one transaction; or, for a retry, returns the first result.
    /// </summary>
    [Alias("Import")]
    [ResponseTimeout("00:02:00")] // a large file takes longer than the clients' 10 s (ClusterTimings)
    Task<ReadingImportResult> Import(ReadingImportRequest request);
}
