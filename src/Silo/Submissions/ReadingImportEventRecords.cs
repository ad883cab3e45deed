using Cooperation.Contracts.Common;
using Cooperation.Contracts.Submissions;
using Cooperation.Silo.Journal;

namespace Cooperation.Silo.Submissions;

/// <summary>What an import did, as its event stores it.</summary>
/// <param name="RowCount">Rows in the file.</param>
/// <param name="RowsAccepted">Rows that passed.</param>
/// <param name="Rejections">Refused rows.</param>
/// <param name="Periods">The pilots' periods it submitted.</param>
/// <param name="Stored">Whether anything was stored.</param>
/// <param name="StoredAt">When.</param>
/// <param name="Replayed">Whether it answered a retry.</param>
internal sealed record StoredImportResult(
    int RowCount,
    int RowsAccepted,
    ValueList<StoredRowRejection> Rejections,
    ValueList<StoredImportedPeriod> Periods,
    bool Stored,
    DateTimeOffset? StoredAt,
    bool Replayed) : IStoredRecord<StoredImportResult, ReadingImportResult>
{
    /// <inheritdoc/>
    public static StoredImportResult Of(ReadingImportResult value) => new(value.RowCount, value.RowsAccepted,
        ValueList.Of(value.Rejections.Select(StoredRowRejection.Of)), ValueList.Of(value.Periods.Select(StoredImportedPeriod.Of)),
        value.Stored, value.StoredAt, value.Replayed);

    /// <inheritdoc/>
    public ReadingImportResult ToContract() => new(RowCount, RowsAccepted, ValueList.Of(Rejections.Select(r => r.ToContract())),
        ValueList.Of(Periods.Select(p => p.ToContract())), Stored, StoredAt, Replayed);
}

/// <summary>A refused row of a stored import.</summary>
/// <param name="Row">Its row in the file.</param>
/// <param name="Column">The column at fault.</param>
/// <param name="Reason">What is wrong.</param>
internal sealed record StoredRowRejection(int Row, string Column, string Reason) : IStoredRecord<StoredRowRejection, RowRejection>
{
    /// <inheritdoc/>
    public static StoredRowRejection Of(RowRejection value) => new(value.Row, value.Column, value.Reason);

    /// <inheritdoc/>
    public RowRejection ToContract() => new(Row, Column, Reason);
}

/// <summary>A pilot's period a stored import submitted.</summary>
/// <param name="PilotId">The pilot.</param>
/// <param name="Period">The period.</param>
/// <param name="Readings">Readings stored for it.</param>
/// <param name="Late">Whether they came late.</param>
internal sealed record StoredImportedPeriod(string PilotId, ReportingPeriod Period, int Readings, bool Late) : IStoredRecord<StoredImportedPeriod, ImportedPeriod>
{
    /// <inheritdoc/>
    public static StoredImportedPeriod Of(ImportedPeriod value) => new(value.PilotId, value.Period, value.Readings, value.Late);

    /// <inheritdoc/>
    public ImportedPeriod ToContract() => new(PilotId, Period, Readings, Late);
}
