using System.Security.Cryptography;
using System.Text.Json;
using Cooperation.Contracts.Access;
using Cooperation.Contracts.Common;
using Cooperation.Contracts.DonorReports;
using Cooperation.Reports.Rendering;

namespace Cooperation.Reports.Delivery;

/// <summary>A revision of a period's report as archived: when its figures were taken, and which they were.</summary>
/// <param name="Revision">1, 2, …</param>
/// <param name="Cutoff">Figures recorded after this are not in it.</param>
/// <param name="Figures">The figures of its period; null for reports archived before revisions existed (make them again at the cut-off).</param>
public sealed record ArchivedRevision(int Revision, DateTimeOffset Cutoff, IReadOnlyList<ReportFigure>? Figures);

/// <summary>
/// Every report made: each revision of a period's report (with the figures it gave) and its files,
/// kept by the silo (<see cref="IReportArchiveGrain"/>, the one home of the archive's SQL). A
/// revision is never replaced: a period whose figures changed gets the next revision beside the
/// earlier ones, so what a donor received can always be shown again. The platform's own reads and
/// writes (jobs, signed links); callers' reads go to the grain, which judges them.
/// </summary>
public sealed class ReportArchive(IGrainFactory grains)
{
    /// <summary>Bytes per read of a file's content from the silo.</summary>
    public const int ChunkBytes = 256 * 1024;

    private IReportArchiveGrain Archive => grains.GetGrain<IReportArchiveGrain>(0);

    /// <summary>Bytes per staged chunk of a file's content: one grain call each, far below Orleans' message size limit.</summary>
    public const int StageChunkBytes = 4 * 1024 * 1024;

    /// <summary>
    /// Makes the files of <paramref name="report"/> in <paramref name="formats"/> one at a time,
    /// staging each file's bytes in the archive before the next is made, so the worker holds one
    /// file at a time and no message carries a whole file; then stores the revision, its figures
    /// and the files in one transaction. If that revision of the period is archived already
    /// (another job made it), it is kept as it is. Returns the files the archive holds for the revision.
    /// </summary>
    public async Task<IReadOnlyList<ArchivedReportFile>> SaveAsync(DonorReport report, ReportFormats formats,
        CancellationToken cancellationToken = default)
    {
        var staged = new List<StagedReportFile>();
        foreach (var format in ReportFileFormats.In(formats))
            staged.Add(await StageAsync(report, format.Flag, format.Render(report), cancellationToken));
        var revision = new ReportRevisionRecord(report.DonorId, report.SubscriptionId, report.Period.ToString(), report.Revision, report.Cutoff,
            report.Pilots.Count, JsonSerializer.Serialize(ReportFigures.Of(report)), report.Changes);
        return await CallerContext.AsPlatformAsync(() => Archive.Save(revision, ValueList.Of(staged)));
    }

    /// <summary>Stages <paramref name="content"/>, the file of <paramref name="report"/> in <paramref name="format"/>, under an upload of its own.</summary>
    private async Task<StagedReportFile> StageAsync(DonorReport report, ReportFormats format, byte[] content, CancellationToken cancellationToken)
    {
        var uploadId = Guid.NewGuid();
        var chunks = 0;
        for (var offset = 0; offset < content.Length; offset += StageChunkBytes, chunks++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var chunk = content.AsSpan(offset, Math.Min(StageChunkBytes, content.Length - offset)).ToArray();
            var sequence = chunks;
            await CallerContext.AsPlatformAsync(() => Archive.Stage(uploadId, sequence, chunk));
        }
        return new StagedReportFile(format, DonorReport.FormatName(format), report.FileName(format), ReportFileFormats.Of(format).ContentType,
            uploadId, chunks, content.Length, Convert.ToHexStringLower(SHA256.HashData(content)));
    }

    /// <summary>The latest revision of a subscription's report for <paramref name="period"/>; null when none was made.</summary>
    public async Task<ArchivedRevision?> LatestRevisionAsync(string donorId, string subscriptionId, ReportingPeriod period,
        CancellationToken cancellationToken = default) =>
        await CallerContext.AsPlatformAsync(() => Archive.LatestRevision(donorId, subscriptionId, period.ToString())) is { } latest
            ? new ArchivedRevision(latest.Revision, latest.Cutoff,
                latest.FiguresJson is null ? null : JsonSerializer.Deserialize<ReportFigure[]>(latest.FiguresJson))
            : null;

    /// <summary>The periods of a subscription with an archived report, before <paramref name="before"/>, newest first, at most <paramref name="limit"/>.</summary>
    public async Task<IReadOnlyList<ReportingPeriod>> ReportedPeriodsAsync(string donorId, string subscriptionId, ReportingPeriod before, int limit,
        CancellationToken cancellationToken = default)
    {
        var periods = (await CallerContext.AsPlatformAsync(() => Archive.ReportedPeriods(donorId, subscriptionId)))
            .Select(p => ReportingPeriod.Parse(p, "period"));
        // A subscription whose cadence changed keeps the other periods as they are.
        return periods.Where(p => p.Frequency == before.Frequency && p.CompareTo(before) < 0).OrderDescending().Take(limit).ToArray();
    }

    /// <summary>The archived files of one revision of a subscription's report for <paramref name="period"/>.</summary>
    public async Task<IReadOnlyList<ArchivedReportFile>> FindAsync(string donorId, string subscriptionId, ReportingPeriod period, int revision,
        CancellationToken cancellationToken = default) =>
        await CallerContext.AsPlatformAsync(() => Archive.Find(donorId, subscriptionId, period.ToString(), revision));

    /// <summary>An archived file's metadata; null when there is none.</summary>
    public Task<ArchivedReportFile?> GetAsync(long reportId, CancellationToken cancellationToken = default) =>
        CallerContext.AsPlatformAsync(() => Archive.Get(reportId));

    /// <summary>
    /// An archived file's content, read from the silo <paramref name="chunkSize"/> bytes at a time,
    /// so no host holds more than a chunk of a large file; no chunk for an empty file.
    /// </summary>
    public async IAsyncEnumerable<byte[]> ChunksAsync(long reportId, long size, int chunkSize,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        for (long offset = 0; offset < size; offset += chunkSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var chunk = await CallerContext.AsPlatformAsync(() => Archive.Content(reportId, offset, chunkSize));
            if (chunk.Length == 0)
                yield break;
            yield return chunk;
        }
    }

    /// <summary>An archived file's whole content (a mail attachment, within its size limit).</summary>
    public async Task<byte[]> ContentAsync(long reportId, CancellationToken cancellationToken = default)
    {
        var file = await GetAsync(reportId, cancellationToken)
            ?? throw new EntityNotFoundException("report", reportId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var content = new byte[file.Size];
        var at = 0;
        await foreach (var chunk in ChunksAsync(reportId, file.Size, ChunkBytes, cancellationToken))
        {
            chunk.CopyTo(content, at);
            at += chunk.Length;
        }
        return content;
    }
}
