using System.Threading.Channels;
using Cooperation.Contracts.Common;
using Cooperation.Contracts.Pilots;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace Cooperation.Silo.Pilots.Readings;

/// <summary>
/// The reading history in PostgreSQL table <c>kpi_reading</c>, with group commit: appends from
/// all pilots of this silo queue up, and each writer stores everything queued in one INSERT
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
        INSERT INTO kpi_reading (pilot_id, sequence, kpi_code, period, value, recorded_at)
        SELECT * FROM unnest(@pilot_id, @sequence, @kpi_code, @period, @value, @recorded_at)
        """;

    private const string LoadSql = """
        SELECT DISTINCT ON (kpi_code, period) kpi_code, period, value, sequence, recorded_at
          FROM kpi_reading WHERE pilot_id = @pilot_id
         ORDER BY kpi_code, period, sequence DESC;
        SELECT kpi_code, count(*), max(sequence) FROM kpi_reading WHERE pilot_id = @pilot_id GROUP BY kpi_code;
        """;

    private readonly Channel<PendingAppend> _queue = Channel.CreateUnbounded<PendingAppend>(
        new UnboundedChannelOptions { SingleWriter = false, SingleReader = false });

    /// <inheritdoc/>
    public async Task<KpiReadingHistory> LoadAsync(string pilotId, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(LoadSql);
        command.Parameters.AddWithValue("pilot_id", pilotId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);

        var latest = new List<StoredKpiReading>();
        while (await reader.ReadAsync(cancellationToken))
        {
            latest.Add(new StoredKpiReading(
                reader.GetString(0),
                ReportingPeriod.Parse(reader.GetString(1), "period"),
                reader.GetDouble(2),
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
    public Task AppendAsync(string pilotId, IReadOnlyList<StoredKpiReading> readings, CancellationToken cancellationToken = default)
    {
        var pending = new PendingAppend(pilotId, readings);
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
            batch[0].Committed.TrySetException(ConcurrentChangeException.PilotReadings(batch[0].PilotId));
        }
        catch (Exception error)
        {
            LogBatchFailed(logger, batch.Count, error);
            var failure = new StorageUnavailableException("Storing the readings failed or was not confirmed; read the pilot before retrying.");
            foreach (var pending in batch)
                pending.Committed.TrySetException(failure);
        }
    }

    private async Task InsertAsync(List<PendingAppend> batch)
    {
        var count = batch.Sum(p => p.Readings.Count);
        var pilotIds = new string[count];
        var sequences = new long[count];
        var codes = new string[count];
        var periods = new string[count];
        var values = new double[count];
        var recordedAt = new DateTimeOffset[count];
        var i = 0;
        foreach (var pending in batch)
        {
            foreach (var reading in pending.Readings)
            {
                pilotIds[i] = pending.PilotId;
                sequences[i] = reading.Sequence;
                codes[i] = reading.KpiCode;
                periods[i] = reading.Period.ToString();
                values[i] = reading.Value;
                recordedAt[i] = reading.RecordedAt;
                i++;
            }
        }

        await using var command = dataSource.CreateCommand(InsertSql);
        command.Parameters.Add(new NpgsqlParameter<string[]>("pilot_id", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = pilotIds });
        command.Parameters.Add(new NpgsqlParameter<long[]>("sequence", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { TypedValue = sequences });
        command.Parameters.Add(new NpgsqlParameter<string[]>("kpi_code", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = codes });
        command.Parameters.Add(new NpgsqlParameter<string[]>("period", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = periods });
        command.Parameters.Add(new NpgsqlParameter<double[]>("value", NpgsqlDbType.Array | NpgsqlDbType.Double) { TypedValue = values });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset[]>("recorded_at", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz) { TypedValue = recordedAt });
        // One statement outside an explicit transaction is its own transaction: committed
        // (and flushed, synchronous_commit being on) when ExecuteNonQuery returns.
        await command.ExecuteNonQueryAsync();
    }

    [LoggerMessage(LogLevel.Warning, "A batch of {Count} reading appends broke a constraint ({Reason}); retrying them one by one.")]
    private static partial void LogBatchRetry(ILogger logger, int count, string reason);

    [LoggerMessage(LogLevel.Error, "A batch of {Count} reading appends failed")]
    private static partial void LogBatchFailed(ILogger logger, int count, Exception error);

    private sealed record PendingAppend(string PilotId, IReadOnlyList<StoredKpiReading> Readings)
    {
        public TaskCompletionSource Committed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
