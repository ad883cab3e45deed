using System.Security.Cryptography;
using System.Text.Json;
using Cooperation.Contracts.Common;
using Cooperation.Contracts.Reporting;
using Cooperation.Reports.Rendering;
using Npgsql;
using NpgsqlTypes;

namespace Cooperation.Reports.Delivery;

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
public sealed record ArchivedReportFile(long ReportId, string DonorId, string SubscriptionId, string Period, ReportFormats Format,
    string FileName, string ContentType, long Size, string Sha256, DateTimeOffset Cutoff, int PilotCount, DateTimeOffset CreatedAt,
    int Revision = 1, ReportChanges? Changes = null);

/// <summary>A revision of a period's report as archived: when its figures were taken, and which they were.</summary>
/// <param name="Revision">1, 2, …</param>
/// <param name="Cutoff">Figures recorded after this are not in it.</param>
/// <param name="Figures">The figures of its period; null for reports archived before revisions existed (make them again at the cut-off).</param>
public sealed record ArchivedRevision(int Revision, DateTimeOffset Cutoff, IReadOnlyList<ReportFigure>? Figures);

/// <summary>
/// Every report made, in PostgreSQL: each revision of a period's report (donor_report_revision,
/// with the figures it gave) and its files (donor_report). A revision is never replaced: a period
/// whose figures changed gets the next revision beside the earlier ones, so what a donor received
/// can always be shown again.
/// </summary>
public sealed class ReportArchive(NpgsqlDataSource dataSource)
{
    private const string Columns = """
        f.report_id, f.donor_id, f.subscription_id, f.period, f.format, f.file_name, f.content_type, length(f.content), f.sha256,
        f.cutoff, f.pilot_count, f.created_at, f.revision, coalesce(r.figures_changed, 0), coalesce(r.newly_verified, 0)
        FROM donor_report f LEFT JOIN donor_report_revision r USING (donor_id, subscription_id, period, revision)
        """;

    /// <summary>
    /// Stores <paramref name="report"/> (its revision, figures and <paramref name="files"/>) in one
    /// transaction. If that revision of the period is archived already (another job made it), it is
    /// kept as it is. Returns the files the archive holds for the revision.
    /// </summary>
    public async Task<IReadOnlyList<ArchivedReportFile>> SaveAsync(DonorReport report, IReadOnlyDictionary<ReportFormats, byte[]> files,
        CancellationToken cancellationToken = default)
    {
        var period = report.Period.ToString();
        await using (var connection = await dataSource.OpenConnectionAsync(cancellationToken))
        await using (var transaction = await connection.BeginTransactionAsync(cancellationToken))
        {
            await using var revision = new NpgsqlCommand("""
                INSERT INTO donor_report_revision (donor_id, subscription_id, period, revision, cutoff, figures, figures_changed, newly_verified)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING
                """, connection, transaction);
            revision.Parameters.Add(new() { Value = report.DonorId });
            revision.Parameters.Add(new() { Value = report.SubscriptionId });
            revision.Parameters.Add(new() { Value = period });
            revision.Parameters.Add(new() { Value = report.Revision });
            revision.Parameters.Add(new() { Value = report.Cutoff });
            revision.Parameters.Add(new() { Value = JsonSerializer.Serialize(ReportFigures.Of(report)), NpgsqlDbType = NpgsqlDbType.Jsonb });
            revision.Parameters.Add(new() { Value = report.Changes?.FiguresChanged ?? 0 });
            revision.Parameters.Add(new() { Value = report.Changes?.NewlyVerified ?? 0 });
            if (await revision.ExecuteNonQueryAsync(cancellationToken) == 1)
            {
                await using var batch = new NpgsqlBatch(connection, transaction);
                foreach (var (format, content) in files)
                {
                    var command = new NpgsqlBatchCommand("""
                        INSERT INTO donor_report (donor_id, subscription_id, period, revision, format, file_name, content_type, cutoff, pilot_count, content, sha256)
                        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
                        """);
                    command.Parameters.Add(new() { Value = report.DonorId });
                    command.Parameters.Add(new() { Value = report.SubscriptionId });
                    command.Parameters.Add(new() { Value = period });
                    command.Parameters.Add(new() { Value = report.Revision });
                    command.Parameters.Add(new() { Value = DonorReport.FormatName(format) });
                    command.Parameters.Add(new() { Value = report.FileName(format) });
                    command.Parameters.Add(new() { Value = ReportFileFormats.Of(format).ContentType });
                    command.Parameters.Add(new() { Value = report.Cutoff });
                    command.Parameters.Add(new() { Value = report.Pilots.Count });
                    command.Parameters.Add(new() { Value = content });
                    command.Parameters.Add(new() { Value = Convert.ToHexStringLower(SHA256.HashData(content)) });
                    batch.BatchCommands.Add(command);
                }
                await batch.ExecuteNonQueryAsync(cancellationToken);
            }
            await transaction.CommitAsync(cancellationToken);
        }
        return await FindAsync(report.DonorId, report.SubscriptionId, report.Period, report.Revision, cancellationToken);
    }

    /// <summary>The latest revision of a subscription's report for <paramref name="period"/>; null when none was made.</summary>
    public async Task<ArchivedRevision?> LatestRevisionAsync(string donorId, string subscriptionId, ReportingPeriod period,
        CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT revision, cutoff, figures FROM donor_report_revision
             WHERE donor_id = $1 AND subscription_id = $2 AND period = $3 ORDER BY revision DESC LIMIT 1
            """);
        command.Parameters.Add(new() { Value = donorId });
        command.Parameters.Add(new() { Value = subscriptionId });
        command.Parameters.Add(new() { Value = period.ToString() });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
            return null;
        return new ArchivedRevision(reader.GetInt32(0), reader.GetFieldValue<DateTimeOffset>(1),
            reader.IsDBNull(2) ? null : JsonSerializer.Deserialize<ReportFigure[]>(reader.GetString(2)));
    }

    /// <summary>The periods of a subscription with an archived report, before <paramref name="before"/>, newest first, at most <paramref name="limit"/>.</summary>
    public async Task<IReadOnlyList<ReportingPeriod>> ReportedPeriodsAsync(string donorId, string subscriptionId, ReportingPeriod before, int limit,
        CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT DISTINCT period FROM donor_report_revision WHERE donor_id = $1 AND subscription_id = $2
            """);
        command.Parameters.Add(new() { Value = donorId });
        command.Parameters.Add(new() { Value = subscriptionId });
        var periods = new List<ReportingPeriod>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            periods.Add(ReportingPeriod.Parse(reader.GetString(0), "period"));
        // A subscription whose cadence changed keeps the other periods as they are.
        return periods.Where(p => p.Frequency == before.Frequency && p.CompareTo(before) < 0).OrderDescending().Take(limit).ToArray();
    }

    /// <summary>The subscriptions of <paramref name="donorId"/> with an archived report, deleted ones included.</summary>
    public async Task<IReadOnlyList<string>> SubscriptionsAsync(string donorId, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("SELECT DISTINCT subscription_id FROM donor_report_revision WHERE donor_id = $1");
        command.Parameters.Add(new() { Value = donorId });
        var ids = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            ids.Add(reader.GetString(0));
        return ids;
    }

    /// <summary>The archived files of one revision of a subscription's report for <paramref name="period"/>.</summary>
    public Task<IReadOnlyList<ArchivedReportFile>> FindAsync(string donorId, string subscriptionId, ReportingPeriod period, int revision,
        CancellationToken cancellationToken = default) =>
        QueryAsync($"SELECT {Columns} WHERE f.donor_id = $1 AND f.subscription_id = $2 AND f.period = $3 AND f.revision = $4 ORDER BY f.format",
            [donorId, subscriptionId, period.ToString(), revision], cancellationToken);

    /// <summary>The newest archived files of a donor: of <paramref name="subscriptionIds"/>, or of all its subscriptions (deleted ones too) when null.</summary>
    public Task<IReadOnlyList<ArchivedReportFile>> ListAsync(string donorId, IReadOnlyList<string>? subscriptionIds, int limit,
        CancellationToken cancellationToken = default) =>
        QueryAsync($"SELECT {Columns} WHERE f.donor_id = $1 AND ($2::text[] IS NULL OR f.subscription_id = ANY($2)) ORDER BY f.created_at DESC, f.report_id DESC LIMIT $3",
            [donorId, subscriptionIds?.ToArray() is { } ids ? ids : new NpgsqlParameter { Value = DBNull.Value, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text }, limit],
            cancellationToken);

    /// <summary>An archived file's metadata; null when there is none.</summary>
    public async Task<ArchivedReportFile?> GetAsync(long reportId, CancellationToken cancellationToken = default) =>
        (await QueryAsync($"SELECT {Columns} WHERE f.report_id = $1", [reportId], cancellationToken)).SingleOrDefault();

    /// <summary>An archived file's content.</summary>
    public async Task<byte[]> ContentAsync(long reportId, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("SELECT content FROM donor_report WHERE report_id = $1");
        command.Parameters.Add(new() { Value = reportId });
        return (byte[])(await command.ExecuteScalarAsync(cancellationToken) ?? throw new EntityNotFoundException("report", reportId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    private async Task<IReadOnlyList<ArchivedReportFile>> QueryAsync(string sql, object[] parameters, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(sql);
        foreach (var parameter in parameters)
            command.Parameters.Add(parameter as NpgsqlParameter ?? new() { Value = parameter });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var files = new List<ArchivedReportFile>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var revision = reader.GetInt32(12);
            files.Add(new ArchivedReportFile(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                Enum.Parse<ReportFormats>(reader.GetString(4), ignoreCase: true), reader.GetString(5), reader.GetString(6),
                reader.GetInt32(7), reader.GetString(8), reader.GetFieldValue<DateTimeOffset>(9), reader.GetInt32(10),
                reader.GetFieldValue<DateTimeOffset>(11), revision,
                revision > 1 ? new ReportChanges(reader.GetInt32(13), reader.GetInt32(14)) : null));
        }
        return files;
    }
}
