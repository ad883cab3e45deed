using System.Text.Json;
using System.Threading.Channels;
using Cooperation.Contracts.Common;
using Cooperation.Contracts.Kpis;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace Cooperation.Silo.Kpis.Readings;

/// <summary>
/// The reading history in PostgreSQL table <c>kpi_reading</c>, with group commit: appends from
/// all subjects of this silo queue up, and each writer stores everything queued in one INSERT
/// (one transaction, one WAL flush). Each append completes only after its transaction committed.
/// A batch that breaks a constraint is retried one append at a time, so one bad append cannot
/// fail the others; any other failure fails the whole batch at once (its outcome is unknown, and
/// retrying it append by append against a database that is down would only pile up waits).
/// </summary>
public sealed partial class PostgresKpiReadingStore(
    NpgsqlDataSource dataSource,
    IOptions<ReadingStoreOptions> options,
    ILogger<PostgresKpiReadingStore> logger) : BackgroundService, IKpiReadingStore
{
    private const string UniqueViolation = "23505";
    private const string ConstraintViolationClass = "23";

    private const string InsertSql = """
        INSERT INTO kpi_reading (subject_id, sequence, kpi_code, period, value, recorded_at,
                                 numerator, denominator, breakdown, note, submitted_by)
        SELECT * FROM unnest(@subject, @sequence, @kpi_code, @period, @value, @recorded_at,
                             @numerator, @denominator, @breakdown, @note, @submitted_by)
        """;

    private const string LoadSql = """
        SELECT DISTINCT ON (kpi_code, period) kpi_code, period, value, sequence, recorded_at,
               numerator, denominator, breakdown, note, submitted_by
          FROM kpi_reading WHERE subject_id = @subject
         ORDER BY kpi_code, period, sequence DESC;
        SELECT kpi_code, count(*), max(sequence) FROM kpi_reading WHERE subject_id = @subject GROUP BY kpi_code;
        """;

    private readonly Channel<PendingAppend> _queue = Channel.CreateUnbounded<PendingAppend>(
        new UnboundedChannelOptions { SingleWriter = false, SingleReader = false });

    /// <inheritdoc/>
    public async Task<KpiReadingHistory> LoadAsync(string subject, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(LoadSql);
        command.Parameters.AddWithValue("subject", subject);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);

        var latest = new List<StoredKpiReading>();
        while (await reader.ReadAsync(cancellationToken))
        {
            latest.Add(new StoredKpiReading(
                reader.GetString(0),
                ReportingPeriod.Parse(reader.GetString(1), "period"),
                reader.GetDouble(2),
                reader.IsDBNull(5) ? null : reader.GetDouble(5),
                reader.IsDBNull(6) ? null : reader.GetDouble(6),
                reader.IsDBNull(7) ? ValueList<BreakdownValue>.Empty : ReadBreakdown(reader.GetString(7)),
                reader.IsDBNull(8) ? null : reader.GetString(8),
                reader.IsDBNull(9) ? null : reader.GetString(9),
                reader.GetInt64(3),
                reader.GetFieldValue<DateTimeOffset>(4)));
        }
        await reader.NextResultAsync(cancellationToken);
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        long last = 0;
        while (await reader.ReadAsync(cancellationToken))
        {
            counts[reader.GetString(0)] = reader.GetInt64(1);
            last = Math.Max(last, reader.GetInt64(2));
        }
        return new KpiReadingHistory(latest, counts, last);
    }

    /// <inheritdoc/>
    public Task AppendAsync(string subject, IReadOnlyList<StoredKpiReading> readings, CancellationToken cancellationToken = default)
    {
        var pending = new PendingAppend(subject, readings);
        if (!_queue.Writer.TryWrite(pending))
            throw new StorageUnavailableException("The silo is shutting down; nothing was stored, retry.");
        return pending.Committed.Task.WaitAsync(cancellationToken);
    }

    /// <inheritdoc/>
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, Math.Max(1, options.Value.Writers)).Select(_ => WriteLoopAsync()));

    /// <inheritdoc/>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        // Grains are deactivated before this runs; drain what they queued, then stop.
        _queue.Writer.TryComplete();
        await base.StopAsync(cancellationToken);
    }

    private async Task WriteLoopAsync()
    {
        var batch = new List<PendingAppend>();
        var maxReadings = Math.Max(1, options.Value.MaxBatchReadings);
        while (await _queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            var readings = 0;
            while (readings < maxReadings && _queue.Reader.TryRead(out var pending))
            {
                batch.Add(pending);
                readings += pending.Readings.Count;
            }
            if (batch.Count > 0)
                await WriteBatchAsync(batch);
        }
    }

    private async Task WriteBatchAsync(List<PendingAppend> batch)
    {
        try
        {
            await InsertAsync(batch);
            foreach (var pending in batch)
                pending.Committed.TrySetResult();
        }
        catch (PostgresException error) when (batch.Count > 1 && error.SqlState.StartsWith(ConstraintViolationClass, StringComparison.Ordinal))
        {
            // The statement failed as a whole, so nothing of the batch is stored: isolate the culprit.
            LogBatchRetry(logger, batch.Count, error.Message);
            foreach (var pending in batch)
                await WriteBatchAsync([pending]);
        }
        catch (PostgresException error) when (error.SqlState == UniqueViolation)
        {
            batch[0].Committed.TrySetException(ConcurrentChangeException.SubjectReadings(batch[0].Subject));
        }
        catch (Exception error)
        {
            LogBatchFailed(logger, batch.Count, error);
            var failure = new StorageUnavailableException("Storing the readings failed or was not confirmed; read them back before retrying.");
            foreach (var pending in batch)
                pending.Committed.TrySetException(failure);
        }
    }

    private async Task InsertAsync(List<PendingAppend> batch)
    {
        var rows = batch.SelectMany(p => p.Readings.Select(r => (p.Subject, Reading: r))).ToArray();
        await using var command = dataSource.CreateCommand(InsertSql);
        Add(command, "subject", NpgsqlDbType.Text, rows.Select(r => r.Subject));
        Add(command, "sequence", NpgsqlDbType.Bigint, rows.Select(r => r.Reading.Sequence));
        Add(command, "kpi_code", NpgsqlDbType.Text, rows.Select(r => r.Reading.KpiCode));
        Add(command, "period", NpgsqlDbType.Text, rows.Select(r => r.Reading.Period.ToString()));
        Add(command, "value", NpgsqlDbType.Double, rows.Select(r => r.Reading.Value));
        Add(command, "recorded_at", NpgsqlDbType.TimestampTz, rows.Select(r => r.Reading.RecordedAt));
        Add(command, "numerator", NpgsqlDbType.Double, rows.Select(r => r.Reading.Numerator));
        Add(command, "denominator", NpgsqlDbType.Double, rows.Select(r => r.Reading.Denominator));
        Add(command, "breakdown", NpgsqlDbType.Jsonb, rows.Select(r => WriteBreakdown(r.Reading.Breakdown)));
        Add(command, "note", NpgsqlDbType.Text, rows.Select(r => r.Reading.Note));
        Add(command, "submitted_by", NpgsqlDbType.Text, rows.Select(r => r.Reading.SubmittedBy));
        // One statement outside an explicit transaction is its own transaction: committed
        // (and flushed, synchronous_commit being on) when ExecuteNonQuery returns.
        await command.ExecuteNonQueryAsync();
    }

    private static void Add<T>(NpgsqlCommand command, string name, NpgsqlDbType type, IEnumerable<T> values) =>
        command.Parameters.Add(new NpgsqlParameter<T[]>(name, NpgsqlDbType.Array | type) { TypedValue = values.ToArray() });

    private static string? WriteBreakdown(ValueList<BreakdownValue> breakdown) =>
        breakdown.Count == 0 ? null : JsonSerializer.Serialize(breakdown.Select(b => new BreakdownRow(b.Dimension, b.Category, b.Value)));

    private static ValueList<BreakdownValue> ReadBreakdown(string json) =>
        ValueList.Of(JsonSerializer.Deserialize<BreakdownRow[]>(json)!.Select(b => new BreakdownValue(b.Dimension, b.Category, b.Value)));

    [LoggerMessage(LogLevel.Warning, "A batch of {Count} reading appends broke a constraint ({Reason}); retrying them one by one.")]
    private static partial void LogBatchRetry(ILogger logger, int count, string reason);

    [LoggerMessage(LogLevel.Error, "A batch of {Count} reading appends failed")]
    private static partial void LogBatchFailed(ILogger logger, int count, Exception error);

    /// <summary>A breakdown entry as stored in the jsonb column.</summary>
    private sealed record BreakdownRow(string Dimension, string Category, double Value);

    private sealed record PendingAppend(string Subject, IReadOnlyList<StoredKpiReading> Readings)
    {
        public TaskCompletionSource Committed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
