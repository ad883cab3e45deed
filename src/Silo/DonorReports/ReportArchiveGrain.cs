using System.Globalization;
using Cooperation.Contracts.Access;
using Cooperation.Contracts.Common;
using Cooperation.Contracts.DonorReports;
using Cooperation.Silo.Access;
using Npgsql;
using NpgsqlTypes;
using Orleans.Concurrency;

namespace Cooperation.Silo.DonorReports;

/// <summary>
/// Every report made, in PostgreSQL: each revision of a period's report (donor_report_revision,
/// with the figures it gave) and its files (donor_report), and the scheduled runs that completed
/// (report_run). A revision is never replaced: a period whose figures changed gets the next
/// revision beside the earlier ones, so what a donor received can always be shown again. A file's
/// content arrives staged in chunks (report_upload_chunk) and is copied from there by the save, so
/// no message carries a whole file. Driver failures leave as the platform's exceptions (the silo's
/// grain call filter).
/// </summary>
[StatelessWorker]
internal sealed class ReportArchiveGrain(NpgsqlDataSource dataSource) : Grain, IReportArchiveGrain
{
    private const string Columns = """
        f.report_id, f.donor_id, f.subscription_id, f.period, f.format, f.file_name, f.content_type, length(f.content), f.sha256,
        f.cutoff, f.pilot_count, f.created_at, f.revision, coalesce(r.figures_changed, 0), coalesce(r.newly_verified, 0)
        FROM donor_report f LEFT JOIN donor_report_revision r USING (donor_id, subscription_id, period, revision)
        """;

    /// <inheritdoc/>
    public async Task<ValueList<ArchivedReportFile>> ListReadable(string donorId, string? subscriptionId, int limit)
    {
        var subscriptions = await ReadableSubscriptionsAsync(GrainFactory, donorId, subscriptionId);
        return await QueryAsync($"SELECT {Columns} WHERE f.donor_id = $1 AND ($2::text[] IS NULL OR f.subscription_id = ANY($2)) ORDER BY f.created_at DESC, f.report_id DESC LIMIT $3",
            [donorId, subscriptions?.ToArray() is { } ids ? ids : new NpgsqlParameter { Value = DBNull.Value, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text }, limit]);
    }

    /// <inheritdoc/>
    public async Task<ArchivedReportFile> ReadableFile(long reportId)
    {
        var id = reportId.ToString(CultureInfo.InvariantCulture);
        if (reportId <= 0)
            throw new InvalidFieldException("report_id", "must be a report's id, a positive number");
        if (await FileAsync(reportId) is { } file)
        {
            try
            {
                await GrainFactory.GetGrain<IReportSubscriptionsGrain>(file.DonorId).ArchiveAccess(file.SubscriptionId);
                return file;
            }
            catch (AccessDeniedException)
            {
                // Refused below as if it did not exist: the caller learns neither that nor whose it is.
            }
        }
        AccessPolicy.Require(Permission.ReadReports, null, "report", id);
        throw new EntityNotFoundException("report", id);
    }

    /// <inheritdoc/>
    public Task<ArchivedReportFile?> Get(long reportId)
    {
        PlatformWork.Require("Reading an archived report by its id alone");
        return FileAsync(reportId);
    }

    /// <inheritdoc/>
    public async Task<byte[]> Content(long reportId, long offset, int count)
    {
        PlatformWork.Require("Reading an archived report's content");
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        // substring counts from 1; past the end it gives no bytes.
        await using var command = dataSource.CreateCommand("SELECT substring(content FROM $2 FOR $3) FROM donor_report WHERE report_id = $1");
        command.Parameters.Add(new() { Value = reportId });
        command.Parameters.Add(new() { Value = checked((int)(offset + 1)) });
        command.Parameters.Add(new() { Value = count });
        return (byte[])(await command.ExecuteScalarAsync() ?? throw new EntityNotFoundException("report", reportId.ToString(CultureInfo.InvariantCulture)));
    }

    /// <inheritdoc/>
    public async Task Stage(Guid uploadId, int sequence, byte[] chunk)
    {
        PlatformWork.Require("Staging a report's file");
        ArgumentOutOfRangeException.ThrowIfNegative(sequence);
        ArgumentNullException.ThrowIfNull(chunk);
        // A retried call stages the same chunk again.
        await using var command = dataSource.CreateCommand("""
            INSERT INTO report_upload_chunk (upload_id, sequence, chunk) VALUES ($1, $2, $3)
            ON CONFLICT (upload_id, sequence) DO UPDATE SET chunk = excluded.chunk, created_at = now()
            """);
        command.Parameters.Add(new() { Value = uploadId });
        command.Parameters.Add(new() { Value = sequence });
        command.Parameters.Add(new() { Value = chunk });
        await command.ExecuteNonQueryAsync();
    }

    /// <inheritdoc/>
    public async Task<ValueList<ArchivedReportFile>> Save(ReportRevisionRecord revision, ValueList<StagedReportFile> files)
    {
        PlatformWork.Require("Archiving a report");
        await using (var connection = await dataSource.OpenConnectionAsync())
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await using var insert = new NpgsqlCommand("""
                INSERT INTO donor_report_revision (donor_id, subscription_id, period, revision, cutoff, figures, figures_changed, newly_verified)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING
                """, connection, transaction);
            insert.Parameters.Add(new() { Value = revision.DonorId });
            insert.Parameters.Add(new() { Value = revision.SubscriptionId });
            insert.Parameters.Add(new() { Value = revision.Period });
            insert.Parameters.Add(new() { Value = revision.Revision });
            insert.Parameters.Add(new() { Value = revision.Cutoff });
            insert.Parameters.Add(new() { Value = (object?)revision.FiguresJson ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Jsonb });
            insert.Parameters.Add(new() { Value = revision.Changes?.FiguresChanged ?? 0 });
            insert.Parameters.Add(new() { Value = revision.Changes?.NewlyVerified ?? 0 });
            if (await insert.ExecuteNonQueryAsync() == 1)
            {
                foreach (var file in files)
                    await InsertStagedAsync(connection, transaction, revision, file);
            }
            // The staged chunks are spent either way; those of uploads never saved go after a day.
            await using var delete = new NpgsqlCommand("""
                DELETE FROM report_upload_chunk WHERE upload_id = ANY($1) OR created_at < now() - interval '1 day'
                """, connection, transaction);
            delete.Parameters.Add(new() { Value = files.Select(f => f.UploadId).ToArray() });
            await delete.ExecuteNonQueryAsync();
            await transaction.CommitAsync();
        }
        return await FilesOfAsync(revision.DonorId, revision.SubscriptionId, revision.Period, revision.Revision);
    }

    /// <summary>
    /// Copies a file's staged chunks, in order, into donor_report, if they are all there (0 … n-1)
    /// and add up to its size and SHA-256; otherwise refuses, and the transaction stores nothing.
    /// </summary>
    private static async Task InsertStagedAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, ReportRevisionRecord revision, StagedReportFile file)
    {
        await using var command = new NpgsqlCommand("""
            INSERT INTO donor_report (donor_id, subscription_id, period, revision, format, file_name, content_type, cutoff, pilot_count, content, sha256)
            SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, content, sha256
              FROM (SELECT content, encode(sha256(content), 'hex') AS sha256, chunks, last
                      FROM (SELECT coalesce(string_agg(chunk, ''::bytea ORDER BY sequence), ''::bytea) AS content,
                                   count(*) AS chunks, coalesce(max(sequence), -1) AS last
                              FROM report_upload_chunk WHERE upload_id = $10) joined) staged
             WHERE chunks = $11 AND last = $11 - 1 AND length(content) = $12 AND sha256 = $13
            """, connection, transaction);
        command.Parameters.Add(new() { Value = revision.DonorId });
        command.Parameters.Add(new() { Value = revision.SubscriptionId });
        command.Parameters.Add(new() { Value = revision.Period });
        command.Parameters.Add(new() { Value = revision.Revision });
        command.Parameters.Add(new() { Value = file.FormatName });
        command.Parameters.Add(new() { Value = file.FileName });
        command.Parameters.Add(new() { Value = file.ContentType });
        command.Parameters.Add(new() { Value = revision.Cutoff });
        command.Parameters.Add(new() { Value = revision.PilotCount });
        command.Parameters.Add(new() { Value = file.UploadId });
        command.Parameters.Add(new() { Value = (long)file.Chunks });
        command.Parameters.Add(new() { Value = file.Size });
        command.Parameters.Add(new() { Value = file.Sha256 });
        if (await command.ExecuteNonQueryAsync() != 1)
            throw new RuleViolationException(
                $"The staged content of {file.FileName} (upload {file.UploadId}) is missing or incomplete; nothing was archived. Stage the file again, then save.");
    }

    /// <inheritdoc/>
    public async Task<ReportRevisionRecord?> LatestRevision(string donorId, string subscriptionId, string period)
    {
        PlatformWork.Require("Reading a report's revisions");
        await using var command = dataSource.CreateCommand("""
            SELECT revision, cutoff, figures, figures_changed, newly_verified FROM donor_report_revision
             WHERE donor_id = $1 AND subscription_id = $2 AND period = $3 ORDER BY revision DESC LIMIT 1
            """);
        command.Parameters.Add(new() { Value = donorId });
        command.Parameters.Add(new() { Value = subscriptionId });
        command.Parameters.Add(new() { Value = period });
        await using var reader = await command.ExecuteReaderAsync();
        if (!await reader.ReadAsync())
            return null;
        var revision = reader.GetInt32(0);
        return new ReportRevisionRecord(donorId, subscriptionId, period, revision, reader.GetFieldValue<DateTimeOffset>(1), 0,
            reader.IsDBNull(2) ? null : reader.GetString(2), revision > 1 ? new ReportChanges(reader.GetInt32(3), reader.GetInt32(4)) : null);
    }

    /// <inheritdoc/>
    public Task<ValueList<string>> ReportedPeriods(string donorId, string subscriptionId)
    {
        PlatformWork.Require("Reading a subscription's reported periods");
        return StringsAsync("SELECT DISTINCT period FROM donor_report_revision WHERE donor_id = $1 AND subscription_id = $2", donorId, subscriptionId);
    }

    /// <inheritdoc/>
    public Task<ValueList<string>> Subscriptions(string donorId)
    {
        PlatformWork.Require("Reading a donor's archived subscriptions");
        return SubscriptionsAsync(donorId);
    }

    /// <inheritdoc/>
    public Task<ValueList<ArchivedReportFile>> Find(string donorId, string subscriptionId, string period, int revision)
    {
        PlatformWork.Require("Reading a revision's files");
        return FilesOfAsync(donorId, subscriptionId, period, revision);
    }

    /// <inheritdoc/>
    public async Task<bool> IsRunDone(string donorId, string subscriptionId, string period)
    {
        PlatformWork.Require("Reading scheduled runs");
        await using var command = RunCommand("SELECT EXISTS (SELECT 1 FROM report_run WHERE donor_id = $1 AND subscription_id = $2 AND period = $3)",
            donorId, subscriptionId, period);
        return (bool)(await command.ExecuteScalarAsync())!;
    }

    /// <inheritdoc/>
    public async Task MarkRunDone(string donorId, string subscriptionId, string period)
    {
        PlatformWork.Require("Recording a scheduled run");
        await using var command = RunCommand("INSERT INTO report_run (donor_id, subscription_id, period) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
            donorId, subscriptionId, period);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// The subscriptions of <paramref name="donorId"/> whose archive the caller may read: one named,
    /// or all (null: every one, deleted ones too), as the donor's subscriptions grain decides.
    /// </summary>
    internal static async Task<IReadOnlyList<string>?> ReadableSubscriptionsAsync(IGrainFactory grains, string donorId, string? subscriptionId)
    {
        var access = await grains.GetGrain<IReportSubscriptionsGrain>(Field.Id(donorId, "donor_organisation_id"))
            .ArchiveAccess(string.IsNullOrEmpty(subscriptionId) ? null : subscriptionId);
        return access.WholeDonor ? null : access.SubscriptionIds;
    }

    /// <summary>The subscriptions of <paramref name="donorId"/> with an archived report, deleted ones included.</summary>
    internal Task<ValueList<string>> SubscriptionsAsync(string donorId) =>
        StringsAsync("SELECT DISTINCT subscription_id FROM donor_report_revision WHERE donor_id = $1", donorId);

    private async Task<ArchivedReportFile?> FileAsync(long reportId) =>
        (await QueryAsync($"SELECT {Columns} WHERE f.report_id = $1", [reportId])).SingleOrDefault();

    private Task<ValueList<ArchivedReportFile>> FilesOfAsync(string donorId, string subscriptionId, string period, int revision) =>
        QueryAsync($"SELECT {Columns} WHERE f.donor_id = $1 AND f.subscription_id = $2 AND f.period = $3 AND f.revision = $4 ORDER BY f.format",
            [donorId, subscriptionId, period, revision]);

    private NpgsqlCommand RunCommand(string sql, string donorId, string subscriptionId, string period)
    {
        var command = dataSource.CreateCommand(sql);
        command.Parameters.Add(new() { Value = donorId });
        command.Parameters.Add(new() { Value = subscriptionId });
        command.Parameters.Add(new() { Value = period });
        return command;
    }

    private async Task<ValueList<string>> StringsAsync(string sql, params string[] parameters)
    {
        await using var command = dataSource.CreateCommand(sql);
        foreach (var parameter in parameters)
            command.Parameters.Add(new() { Value = parameter });
        var values = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            values.Add(reader.GetString(0));
        return ValueList.Of(values);
    }

    private async Task<ValueList<ArchivedReportFile>> QueryAsync(string sql, object[] parameters)
    {
        await using var command = dataSource.CreateCommand(sql);
        foreach (var parameter in parameters)
            command.Parameters.Add(parameter as NpgsqlParameter ?? new() { Value = parameter });
        await using var reader = await command.ExecuteReaderAsync();
        var files = new List<ArchivedReportFile>();
        while (await reader.ReadAsync())
        {
            var revision = reader.GetInt32(12);
            files.Add(new ArchivedReportFile(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                Enum.Parse<ReportFormats>(reader.GetString(4), ignoreCase: true), reader.GetString(5), reader.GetString(6),
                reader.GetInt32(7), reader.GetString(8), reader.GetFieldValue<DateTimeOffset>(9), reader.GetInt32(10),
                reader.GetFieldValue<DateTimeOffset>(11), revision,
                revision > 1 ? new ReportChanges(reader.GetInt32(13), reader.GetInt32(14)) : null));
        }
        return ValueList.Of(files);
    }
}
