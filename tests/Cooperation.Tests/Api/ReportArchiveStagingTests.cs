using System.Security.Cryptography;
using Cooperation.Contracts.Access;
using Cooperation.Contracts.Common;
using Cooperation.Contracts.DonorReports;
using Cooperation.ReportBenchmark;
using Cooperation.Reports.Delivery;
using Cooperation.Reports.Rendering;
using Cooperation.Tests.Support;

namespace Cooperation.Tests.Api;

/// <summary>
/// A report's files reach the archive in chunks (staged, then saved with the revision in one
/// transaction), on the real silo and PostgreSQL: a file of several chunks comes back byte for
/// byte, a save run again keeps the first revision, a save whose staged chunks are missing or
/// incomplete stores nothing and says so, and chunks of an upload abandoned a day ago go with the
/// next save.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class ReportArchiveStagingTests(ApiFixture api)
{
    private const string Period = "2025-03";

    private IReportArchiveGrain Archive => api.Cluster.Client.GetGrain<IReportArchiveGrain>(0);

    [Fact]
    public async Task A_file_of_several_chunks_comes_back_byte_for_byte_and_a_second_save_keeps_the_first_revision()
    {
        var archive = new ReportArchive(api.Cluster.Client);
        var report = SyntheticPortfolio.Report(250, 10, 24) with { DonorId = Id("donor"), SubscriptionId = Id("sub") };
        var csv = ReportCsv.Render(report);
        Assert.True(csv.Length > ReportArchive.StageChunkBytes, $"the CSV is {csv.Length} bytes: it should take several chunks");

        var first = Assert.Single(await archive.SaveAsync(report, ReportFormats.Csv));

        Assert.Equal((csv.Length, Convert.ToHexStringLower(SHA256.HashData(csv))), (first.Size, first.Sha256));
        Assert.Equal(csv, await archive.ContentAsync(first.ReportId));

        // The job run again (a retry after the save was stored): another cut-off, other bytes; the first revision stays.
        var again = report with { Cutoff = report.Cutoff.AddHours(1), Pilots = report.Pilots.Take(3).ToArray() };
        var kept = Assert.Single(await archive.SaveAsync(again, ReportFormats.Csv | ReportFormats.Html));
        Assert.Equal(first, kept);
        Assert.Equal(csv, await archive.ContentAsync(first.ReportId));
        var latest = await archive.LatestRevisionAsync(report.DonorId, report.SubscriptionId, report.Period);
        Assert.True(Math.Abs((latest!.Cutoff - report.Cutoff).TotalSeconds) < 1, $"revision 1 has the cut-off of the second save: {latest.Cutoff}");
    }

    [Fact]
    public async Task A_save_whose_staged_chunks_are_missing_or_incomplete_stores_nothing_and_a_complete_one_then_does()
    {
        var revision = new ReportRevisionRecord(Id("donor"), Id("sub"), Period, 1, DateTimeOffset.UtcNow, 1, null, null);
        var content = RandomNumberGenerator.GetBytes(2 * ReportArchive.StageChunkBytes + 12345);
        var chunks = content.Chunk(ReportArchive.StageChunkBytes).ToArray();
        var file = new StagedReportFile(ReportFormats.Pdf, "pdf", "report.pdf", "application/pdf", Guid.NewGuid(), chunks.Length, content.Length,
            Convert.ToHexStringLower(SHA256.HashData(content)));
        CallerContext.ActAsPlatform();

        // Nothing staged.
        var missing = await Assert.ThrowsAsync<RuleViolationException>(() => Archive.Save(revision, ValueList.Of([file])));
        Assert.Contains("missing or incomplete", missing.Message);

        // The first and last chunks, not the middle one.
        await Archive.Stage(file.UploadId, 0, chunks[0]);
        await Archive.Stage(file.UploadId, 2, chunks[2]);
        await Assert.ThrowsAsync<RuleViolationException>(() => Archive.Save(revision, ValueList.Of([file])));

        // Every chunk, but not the bytes the file's SHA-256 names.
        await Archive.Stage(file.UploadId, 1, chunks[0]);
        await Assert.ThrowsAsync<RuleViolationException>(() => Archive.Save(revision, ValueList.Of([file])));

        Assert.Null(await Archive.LatestRevision(revision.DonorId, revision.SubscriptionId, Period));
        Assert.Empty(await Archive.Find(revision.DonorId, revision.SubscriptionId, Period, 1));
        Assert.Equal(3, await StagedChunksAsync(file.UploadId));

        // Another upload under way, and one whose worker died two days ago.
        var (underWay, abandoned) = (Guid.NewGuid(), Guid.NewGuid());
        await Archive.Stage(underWay, 0, [1, 2, 3]);
        await using (var stale = api.Cluster.Postgres.DataSource.CreateCommand(
            "INSERT INTO report_upload_chunk (upload_id, sequence, chunk, created_at) VALUES ($1, 0, '\\x01', now() - interval '2 days')"))
        {
            stale.Parameters.Add(new() { Value = abandoned });
            await stale.ExecuteNonQueryAsync();
        }

        // The middle chunk staged again, right this time: the file is saved, its chunks are spent, and so are the abandoned upload's.
        await Archive.Stage(file.UploadId, 1, chunks[1]);
        var saved = Assert.Single(await Archive.Save(revision, ValueList.Of([file])));

        Assert.Equal(content, await new ReportArchive(api.Cluster.Client).ContentAsync(saved.ReportId));
        Assert.Equal((0L, 1L, 0L), (await StagedChunksAsync(file.UploadId), await StagedChunksAsync(underWay), await StagedChunksAsync(abandoned)));
    }

    private async Task<long> StagedChunksAsync(Guid uploadId)
    {
        await using var command = api.Cluster.Postgres.DataSource.CreateCommand("SELECT count(*) FROM report_upload_chunk WHERE upload_id = $1");
        command.Parameters.Add(new() { Value = uploadId });
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static string Id(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..20];
}
