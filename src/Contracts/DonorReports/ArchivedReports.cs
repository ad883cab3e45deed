namespace Cooperation.Contracts.DonorReports;

/// <summary>A file of an archived report.</summary>
/// <param name="ReportId">Its id.</param>
/// <param name="DonorId">The donor.</param>
/// <param name="SubscriptionId">The subscription.</param>
/// <param name="Period">The period.</param>
/// <param name="Format">Its format.</param>
/// <param name="FileName">A file name to save it as.</param>
/// <param name="ContentType">Its media type.</param>
/// <param name="Size">Bytes.</param>
/// <param name="Sha256">Hex SHA-256 of the content.</param>
/// <param name="Cutoff">Figures recorded after this are not in it.</param>
/// <param name="PilotCount">Pilots it covers.</param>
/// <param name="CreatedAt">When it was made.</param>
/// <param name="Revision">Which report of the period it belongs to: 1, then 2 and on.</param>
/// <param name="Changes">What changed since the revision before; none for revision 1.</param>
[GenerateSerializer, Immutable, Alias("coop.ArchivedReportFile")]
public sealed record ArchivedReportFile(
    [property: Id(0)] long ReportId, [property: Id(1)] string DonorId, [property: Id(2)] string SubscriptionId, [property: Id(3)] string Period,
    [property: Id(4)] ReportFormats Format, [property: Id(5)] string FileName, [property: Id(6)] string ContentType, [property: Id(7)] long Size,
    [property: Id(8)] string Sha256, [property: Id(9)] DateTimeOffset Cutoff, [property: Id(10)] int PilotCount, [property: Id(11)] DateTimeOffset CreatedAt,
    [property: Id(12)] int Revision = 1, [property: Id(13)] ReportChanges? Changes = null);

/// <summary>What changed in a period's figures between two revisions of its report.</summary>
/// <param name="FiguresChanged">Figures of the period with another value, added or withdrawn.</param>
/// <param name="NewlyVerified">Figures of the period verified (approved) since.</param>
[GenerateSerializer, Immutable, Alias("coop.ReportChanges")]
public sealed record ReportChanges([property: Id(0)] int FiguresChanged, [property: Id(1)] int NewlyVerified)
{
    /// <summary>Whether anything changed: then the period's report is made again, as a new revision.</summary>
    public bool Any => FiguresChanged > 0 || NewlyVerified > 0;
}

/// <summary>A revision of a period's report as the archive keeps it.</summary>
/// <param name="DonorId">The donor.</param>
/// <param name="SubscriptionId">The subscription.</param>
/// <param name="Period">The period ("2025-03").</param>
/// <param name="Revision">1, 2, …</param>
/// <param name="Cutoff">Figures recorded after this are not in it.</param>
/// <param name="PilotCount">Pilots it covers.</param>
/// <param name="FiguresJson">The figures of its period as JSON; null for reports archived before revisions existed.</param>
/// <param name="Changes">What changed since the revision before; none for revision 1.</param>
[GenerateSerializer, Immutable, Alias("coop.ReportRevisionRecord")]
public sealed record ReportRevisionRecord(
    [property: Id(0)] string DonorId, [property: Id(1)] string SubscriptionId, [property: Id(2)] string Period, [property: Id(3)] int Revision,
    [property: Id(4)] DateTimeOffset Cutoff, [property: Id(5)] int PilotCount, [property: Id(6)] string? FiguresJson, [property: Id(7)] ReportChanges? Changes);

/// <summary>
/// A file of a revision to archive, its content staged beforehand in chunks
/// (<see cref="IReportArchiveGrain.Stage"/>) so that no message carries a whole file.
/// </summary>
/// <param name="Format">Its format.</param>
/// <param name="FormatName">Its format as the archive names it ("pdf").</param>
/// <param name="FileName">A file name to save it as.</param>
/// <param name="ContentType">Its media type.</param>
/// <param name="UploadId">The upload its chunks were staged under.</param>
/// <param name="Chunks">How many chunks were staged (numbered 0, 1, …).</param>
/// <param name="Size">Bytes.</param>
/// <param name="Sha256">Hex SHA-256 of the content: the archive refuses staged chunks that do not add up to it.</param>
[GenerateSerializer, Immutable, Alias("coop.StagedReportFile")]
public sealed record StagedReportFile([property: Id(0)] ReportFormats Format, [property: Id(1)] string FormatName, [property: Id(2)] string FileName,
    [property: Id(3)] string ContentType, [property: Id(4)] Guid UploadId, [property: Id(5)] int Chunks, [property: Id(6)] long Size,
    [property: Id(7)] string Sha256);
