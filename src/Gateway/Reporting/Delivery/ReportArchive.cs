using System.Security.Cryptography;
using Cooperation.Contracts.Common;
using Cooperation.Contracts.Reporting;
using Npgsql;

namespace Cooperation.Gateway.Reporting.Delivery;

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
public sealed record ArchivedReportFile(long ReportId, string DonorId, string SubscriptionId, string Period, ReportFormats Format,
    string FileName, string ContentType, long Size, string Sha256, DateTimeOffset Cutoff, int PilotCount, DateTimeOffset CreatedAt);

/// <summary>
/// Every report made, in PostgreSQL (donor_report). A period's report is made once: a rerun finds
/// the archived files and delivers those, so what a donor receives for a period never changes.
/// </summary>
public sealed class ReportArchive(NpgsqlDataSource dataSource)
{
    private const string Columns = "report_id, donor_id, subscription_id, period, format, file_name, content_type, length(content), sha256, cutoff, pilot_count, created_at";

    /// <summary>The media type of <paramref name="format"/>.</summary>
    public static string ContentType(ReportFormats format) => format switch
    {
        ReportFormats.Pdf => "application/pdf",
        ReportFormats.Html => "text/html; charset=utf-8",
        _ => "text/csv; charset=utf-8",
    };

    /// <summary>
    /// Stores the files of <paramref name="report"/>; a file already archived for the same
    /// subscription, period and format is kept as it is. Returns what the archive holds now.
    /// </summary>
    public async Task<IReadOnlyList<ArchivedReportFile>> SaveAsync(DonorReport report, IReadOnlyDictionary<ReportFormats, byte[]> files,
        CancellationToken cancellationToken = default)
    {
        await using var batch = dataSource.CreateBatch();
        foreach (var (format, content) in files)
        {
            var command = new NpgsqlBatchCommand("""
                INSERT INTO donor_report (donor_id, subscription_id, period, format, file_name, content_type, cutoff, pilot_count, content, sha256)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
                ON CONFLICT (donor_id, subscription_id, period, format) DO NOTHING
                """);
            command.Parameters.Add(new() { Value = report.DonorId });
            command.Parameters.Add(new() { Value = report.SubscriptionId });
            command.Parameters.Add(new() { Value = report.Period.ToString() });
            command.Parameters.Add(new() { Value = DonorReport.FormatName(format) });
            command.Parameters.Add(new() { Value = report.FileName(format) });
            command.Parameters.Add(new() { Value = ContentType(format) });
            command.Parameters.Add(new() { Value = report.Cutoff });
            command.Parameters.Add(new() { Value = report.Pilots.Count });
            command.Parameters.Add(new() { Value = content });
            command.Parameters.Add(new() { Value = Convert.ToHexStringLower(SHA256.HashData(content)) });
            batch.BatchCommands.Add(command);
        }
        await batch.ExecuteNonQueryAsync(cancellationToken);
        return await FindAsync(report.DonorId, report.SubscriptionId, report.Period, cancellationToken);
    }

    /// <summary>The archived files of a subscription's report for <paramref name="period"/>.</summary>
    public Task<IReadOnlyList<ArchivedReportFile>> FindAsync(string donorId, string subscriptionId, ReportingPeriod period,
        CancellationToken cancellationToken = default) =>
        QueryAsync($"SELECT {Columns} FROM donor_report WHERE donor_id = $1 AND subscription_id = $2 AND period = $3 ORDER BY format",
            [donorId, subscriptionId, period.ToString()], cancellationToken);

    /// <summary>The newest archived files of a donor's <paramref name="subscriptionIds"/>.</summary>
    public Task<IReadOnlyList<ArchivedReportFile>> ListAsync(string donorId, IReadOnlyList<string> subscriptionIds, int limit,
        CancellationToken cancellationToken = default) =>
        QueryAsync($"SELECT {Columns} FROM donor_report WHERE donor_id = $1 AND subscription_id = ANY($2) ORDER BY created_at DESC, report_id DESC LIMIT $3",
            [donorId, subscriptionIds.ToArray(), limit], cancellationToken);

    /// <summary>An archived file's metadata; null when there is none.</summary>
    public async Task<ArchivedReportFile?> GetAsync(long reportId, CancellationToken cancellationToken = default) =>
        (await QueryAsync($"SELECT {Columns} FROM donor_report WHERE report_id = $1", [reportId], cancellationToken)).SingleOrDefault();

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
            command.Parameters.Add(new() { Value = parameter });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var files = new List<ArchivedReportFile>();
        while (await reader.ReadAsync(cancellationToken))
        {
            files.Add(new ArchivedReportFile(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                Enum.Parse<ReportFormats>(reader.GetString(4), ignoreCase: true), reader.GetString(5), reader.GetString(6),
                reader.GetInt32(7), reader.GetString(8), reader.GetFieldValue<DateTimeOffset>(9), reader.GetInt32(10),
                reader.GetFieldValue<DateTimeOffset>(11)));
        }
        return files;
    }
}
