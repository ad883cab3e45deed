using Cooperation.Contracts.Common;
using Orleans.Concurrency;

namespace Cooperation.Contracts.DonorReports;

/// <summary>
/// Every report made (tables donor_report_revision and donor_report, files staged in
/// report_upload_chunk) and which scheduled runs completed (report_run), kept by the silo: the
/// one home of that SQL. A stateless worker, key 0.
/// Callers' reads are judged by the donor's subscriptions grain through AccessPolicy
/// (<see cref="IReportSubscriptionsGrain.ArchiveAccess"/>); the rest is the platform's own work
/// (the worker's jobs, a signed link the gateway verified) and refuses anyone else.
/// </summary>
[Alias("coop.IReportArchiveGrain")]
public interface IReportArchiveGrain : IGrainWithIntegerKey
{
    /// <summary>
    /// The newest archived files of a donor the caller may read: of one subscription, or of all
    /// (null or empty), at most <paramref name="limit"/>.
    /// </summary>
    [Alias("ListReadable"), ReadOnly]
    Task<ValueList<ArchivedReportFile>> ListReadable(string donorId, string? subscriptionId, int limit);

    /// <summary>
    /// The archived file <paramref name="reportId"/> if the caller may read it. Refused in the same
    /// words whether it does not exist or may not be read (NotFound only for those who may read every report).
    /// </summary>
    [Alias("ReadableFile"), ReadOnly]
    Task<ArchivedReportFile> ReadableFile(long reportId);

    /// <summary>The platform's: an archived file's metadata; null when there is none.</summary>
    [Alias("Get"), ReadOnly]
    Task<ArchivedReportFile?> Get(long reportId);

    /// <summary>The platform's: up to <paramref name="count"/> bytes of a file's content from <paramref name="offset"/>; empty past its end.</summary>
    [Alias("Content"), ReadOnly]
    Task<byte[]> Content(long reportId, long offset, int count);

    /// <summary>
    /// The platform's: stages chunk <paramref name="sequence"/> (0, 1, …) of a file's content under
    /// <paramref name="uploadId"/> for a <see cref="Save"/> to come; staging it again replaces it.
    /// Chunks never saved are deleted a day later (by a later save).
    /// </summary>
    [Alias("Stage")]
    Task Stage(Guid uploadId, int sequence, byte[] chunk);

    /// <summary>
    /// The platform's: stores a revision and its files, their content taken from the chunks staged
    /// for them, in one transaction, and deletes those chunks. If that revision of the period is
    /// archived already (another job made it), it is kept as it is. A file whose staged chunks are
    /// missing or do not add up to its size and SHA-256 stores nothing (RuleViolation). Returns
    /// the files the archive holds for the revision.
    /// </summary>
    [Alias("Save")]
    [ResponseTimeout("00:02:00")] // megabytes of files take longer than the clients' 10 s (ClusterTimings)
    Task<ValueList<ArchivedReportFile>> Save(ReportRevisionRecord revision, ValueList<StagedReportFile> files);

    /// <summary>The platform's: the latest revision of a subscription's report for <paramref name="period"/>; null when none was made.</summary>
    [Alias("LatestRevision"), ReadOnly]
    Task<ReportRevisionRecord?> LatestRevision(string donorId, string subscriptionId, string period);

    /// <summary>The platform's: the periods of a subscription with an archived report.</summary>
    [Alias("ReportedPeriods"), ReadOnly]
    Task<ValueList<string>> ReportedPeriods(string donorId, string subscriptionId);

    /// <summary>The platform's: the subscriptions of a donor with an archived report, deleted ones included.</summary>
    [Alias("Subscriptions"), ReadOnly]
    Task<ValueList<string>> Subscriptions(string donorId);

    /// <summary>The platform's: the archived files of one revision of a subscription's report for <paramref name="period"/>.</summary>
    [Alias("Find"), ReadOnly]
    Task<ValueList<ArchivedReportFile>> Find(string donorId, string subscriptionId, string period, int revision);

    /// <summary>The platform's: whether the scheduled run of a subscription for <paramref name="period"/> completed.</summary>
    [Alias("IsRunDone"), ReadOnly]
    Task<bool> IsRunDone(string donorId, string subscriptionId, string period);

    /// <summary>The platform's: records that the scheduled run of a subscription for <paramref name="period"/> completed.</summary>
    [Alias("MarkRunDone")]
    Task MarkRunDone(string donorId, string subscriptionId, string period);
}
