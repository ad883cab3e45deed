using System.Diagnostics;
using System.Threading.Channels;
using Cooperation.Contracts.Access;
using Cooperation.Contracts.Common;
using Cooperation.Contracts.Kpis;
using Cooperation.Contracts.Telemetry;
using Cooperation.Silo.Kpis.Readings;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace Cooperation.Silo.Journal;

/// <summary>
/// The journal in PostgreSQL, with group commit: appends from all grains of this silo queue up,
/// and each writer stores everything queued in one statement (one transaction, one WAL flush).
/// Each append completes only after its transaction committed. A batch that breaks a
/// constraint is retried one append at a time, so one conflicting append cannot fail the
/// others; any other failure fails the whole batch (its outcome is unknown, and retrying it
/// append by append against a database that is down would only pile up waits). Reads and writes
/// fail with the platform's own exceptions (<see cref="PlatformFaults"/>), never the driver's:
/// they are what activations and grain calls pass on.
/// </summary>
public sealed partial class PostgresEventJournal(
    NpgsqlDataSource dataSource,
    IOptions<JournalOptions> options,
    FeedNotifier feeds,
    ILogger<PostgresEventJournal> logger) : BackgroundService, IEventJournal
{
    private const string ConstraintViolationClass = "23";
    private const string UniqueViolation = "23505";
    private const string IdempotencyIndex = "entity_event_idempotency";

    // Both inserts are one statement: the readings commit with the events that record them.
    private const string InsertSql = """
        WITH events AS (
            INSERT INTO entity_event (entity_type, entity_id, sequence, kind, payload, recorded_at, actor_organisation_id,
                                      actor_role, actor_credential_id, actor_account_id, scope, idempotency_key, request_hash,
                                      feed_position)
            SELECT e.entity_type, e.entity_id, e.sequence, e.kind, e.payload, e.recorded_at, e.actor_organisation_id,
                   e.actor_role, e.actor_credential_id, e.actor_account_id, e.scope, e.idempotency_key, e.request_hash,
                   (pg_current_xact_id()::text::bigint << 20) + e.ord
              FROM unnest(@entity_type, @entity_id, @sequence, @kind, @payload, @recorded_at, @actor_organisation_id,
                          @actor_role, @actor_credential_id, @actor_account_id, @scope, @idempotency_key, @request_hash)
                   WITH ORDINALITY AS e(entity_type, entity_id, sequence, kind, payload, recorded_at, actor_organisation_id,
                                        actor_role, actor_credential_id, actor_account_id, scope, idempotency_key, request_hash, ord)
        )
        INSERT INTO kpi_reading (subject_id, sequence, kpi_code, period, value, recorded_at,
                                 numerator, denominator, breakdown, note, submitted_by)
        SELECT * FROM unnest(@r_subject, @r_sequence, @r_kpi_code, @r_period, @r_value, @r_recorded_at,
                             @r_numerator, @r_denominator, @r_breakdown, @r_note, @r_submitted_by)
        """;

    private const string Columns = """
        entity_type, entity_id, sequence, kind, payload::text, recorded_at, actor_organisation_id, actor_role,
        actor_credential_id, scope, idempotency_key, request_hash, feed_position, actor_account_id
        """;

    private const string ReadingsSql = """
        SELECT DISTINCT ON (kpi_code, period) kpi_code, period, value, sequence, recorded_at,
               numerator, denominator, breakdown, note, submitted_by
          FROM kpi_reading WHERE subject_id = @subject {0}
         ORDER BY kpi_code, period, sequence DESC;
        SELECT kpi_code, count(*), max(sequence) FROM kpi_reading WHERE subject_id = @subject {0} GROUP BY kpi_code;
        """;

    // Two texts, not one with "@as_of IS NULL OR": each keeps a plan of its own.
    private static readonly string CurrentReadingsSql = string.Format(System.Globalization.CultureInfo.InvariantCulture, ReadingsSql, "");
    private static readonly string ReadingsAsOfSql = string.Format(System.Globalization.CultureInfo.InvariantCulture, ReadingsSql, "AND recorded_at <= @as_of");

    // Transactions below the oldest one still running have all ended: no row can still appear below this.
    // Defined in SQL (ops/sql/0010), shared with the worker's event reactions.
    private const string SafeFeedLimit = "entity_event_safe_position()";

    private readonly Channel<PendingAppend> _queue = Channel.CreateUnbounded<PendingAppend>(
        new UnboundedChannelOptions { SingleWriter = false, SingleReader = false });

    /// <inheritdoc/>
    public Task AppendAsync(JournalAppend append, CancellationToken cancellationToken = default)
    {
        if (append.RowCount == 0)
            return Task.CompletedTask;
        var pending = new PendingAppend(append, Activity.Current?.Context ?? default);
        if (!_queue.Writer.TryWrite(pending))
            throw new StorageUnavailableException("The silo is shutting down; nothing was stored, retry.");
        return pending.Committed.Task.WaitAsync(cancellationToken);
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<JournalEntry>> ReadAsync(string entityType, string entityId, long afterSequence, int limit = int.MaxValue,
        CancellationToken cancellationToken = default) =>
        QueryAsync($"""
            SELECT {Columns} FROM entity_event
             WHERE entity_type = @type AND entity_id = @id AND sequence > @sequence ORDER BY sequence LIMIT @limit
            """, entityType, entityId, afterSequence, limit, cancellationToken);

    /// <inheritdoc/>
    public Task<IReadOnlyList<JournalEntry>> ReadBackwardAsync(string entityType, string entityId, long beforeSequence, int limit,
        CancellationToken cancellationToken = default) =>
        QueryAsync($"""
            SELECT {Columns} FROM entity_event
             WHERE entity_type = @type AND entity_id = @id AND sequence < @sequence ORDER BY sequence DESC LIMIT @limit
            """, entityType, entityId, beforeSequence, limit, cancellationToken);

    /// <inheritdoc/>
    public Task<JournalEntry?> FindAsync(string entityType, string entityId, string idempotencyKey,
        CancellationToken cancellationToken = default) => GuardAsync(async () =>
    {
        await using var command = dataSource.CreateCommand($"""
            SELECT {Columns} FROM entity_event
             WHERE entity_type = @type AND entity_id = @id AND idempotency_key = @key
            """);
        command.Parameters.AddWithValue("type", entityType);
        command.Parameters.AddWithValue("id", entityId);
        command.Parameters.AddWithValue("key", idempotencyKey);
        return (await ReadEntriesAsync(command, cancellationToken)).SingleOrDefault();
    });

    /// <inheritdoc/>
    public Task<IReadOnlyList<JournalEntry>> ReadFeedAsync(string scope, long afterPosition, int limit,
        CancellationToken cancellationToken = default) => GuardAsync(async () =>
    {
        // Only rows no still-running transaction can precede: a reader that continues after the
        // last one it got never misses one.
        await using var command = dataSource.CreateCommand($"""
            SELECT {Columns} FROM entity_event
             WHERE scope = @scope AND feed_position > @after
               AND feed_position < ({SafeFeedLimit})
             ORDER BY feed_position LIMIT @limit
            """);
        command.Parameters.AddWithValue("scope", scope);
        command.Parameters.AddWithValue("after", afterPosition);
        command.Parameters.AddWithValue("limit", limit);
        return await ReadEntriesAsync(command, cancellationToken);
    });

    /// <inheritdoc/>
    public Task<KpiReadingHistory> LoadReadingsAsync(string subject, DateTimeOffset? asOf = null,
        CancellationToken cancellationToken = default) => GuardAsync(async () =>
    {
        await using var command = dataSource.CreateCommand(asOf is null ? CurrentReadingsSql : ReadingsAsOfSql);
        command.Parameters.AddWithValue("subject", subject);
        if (asOf is { } instant)
            command.Parameters.AddWithValue("as_of", instant);
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
                reader.IsDBNull(7) ? ValueList<BreakdownValue>.Empty : BreakdownJson.Read(reader.GetString(7)),
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
    });

    /// <inheritdoc/>
    public Task<long> LastFeedPositionAsync(string scope, CancellationToken cancellationToken = default) => GuardAsync(async () =>
    {
        await using var command = dataSource.CreateCommand($"""
            SELECT coalesce(max(feed_position), 0) FROM entity_event
             WHERE scope = @scope AND feed_position < ({SafeFeedLimit})
            """);
        command.Parameters.AddWithValue("scope", scope);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    });

    private Task<IReadOnlyList<JournalEntry>> QueryAsync(string sql, string entityType, string entityId, long sequence, int limit,
        CancellationToken cancellationToken) => GuardAsync(async () =>
    {
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.AddWithValue("type", entityType);
        command.Parameters.AddWithValue("id", entityId);
        command.Parameters.AddWithValue("sequence", sequence);
        command.Parameters.AddWithValue("limit", (long)limit);
        return await ReadEntriesAsync(command, cancellationToken);
    });

    /// <summary>Runs a read, failing with the platform's exception in place of the driver's.</summary>
    private async Task<T> GuardAsync<T>(Func<Task<T>> read)
    {
        try
        {
            return await read();
        }
        catch (Exception error) when (PlatformFaults.AtBoundary(error) is { } platform)
        {
            if (platform is InternalFaultException fault)
                LogReadFault(logger, fault.Reference, error);
            throw platform;
        }
    }

    private static async Task<IReadOnlyList<JournalEntry>> ReadEntriesAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var entries = new List<JournalEntry>();
        while (await reader.ReadAsync(cancellationToken))
        {
            string? Text(int column) => reader.IsDBNull(column) ? null : reader.GetString(column);
            entries.Add(new JournalEntry(
                reader.GetString(0),
                reader.GetString(1),
                reader.GetInt64(2),
                EventJson.Deserialize(reader.GetString(3), reader.GetString(4)),
                reader.GetFieldValue<DateTimeOffset>(5),
                new Caller(reader.GetString(6), Enum.Parse<Role>(reader.GetString(7)), Text(8), "", Text(13)),
                Text(9),
                Text(10),
                Text(11),
                reader.GetInt64(12)));
        }
        return entries;
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
        var maxRows = Math.Max(1, options.Value.MaxBatchRows);
        while (await _queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            var rows = 0;
            while (rows < maxRows && _queue.Reader.TryRead(out var pending))
            {
                batch.Add(pending);
                rows += pending.Append.RowCount;
            }
            if (batch.Count > 0)
                await WriteBatchAsync(batch);
        }
    }

    private async Task WriteBatchAsync(List<PendingAppend> batch)
    {
        try
        {
            await CommitAsync(batch);
            foreach (var pending in batch)
                pending.Committed.TrySetResult();
            feeds.Notify(batch.SelectMany(p => p.Append.Events).Select(e => e.Scope).OfType<string>());
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
            batch[0].Committed.TrySetException(Conflict(batch[0].Append, error));
        }
        catch (Exception error)
        {
            // An outage leaves the outcome unknown: retrying with the same idempotency key is safe.
            // Anything else (a refused statement, a bug) is a fault: nothing was stored.
            CooperationException failure = PlatformFaults.IsStorageOutage(error)
                ? new StorageUnavailableException(
                    "Storing the change failed or was not confirmed; retry with the same idempotency key, or read the entity before retrying.")
                : InternalFaultException.New();
            LogBatchFailed(logger, batch.Count, (failure as InternalFaultException)?.Reference ?? "outage", error);
            foreach (var pending in batch)
                pending.Committed.TrySetException(failure);
        }
    }

    private static Exception Conflict(JournalAppend append, PostgresException error)
    {
        var first = append.Events.Count > 0 ? append.Events[0] : null;
        if (error.ConstraintName == IdempotencyIndex && first?.IdempotencyKey is { } key)
            return new DuplicateRequestException(first.EntityType, first.EntityId, key);
        var entity = first is null ? "the entity" : $"{first.EntityType} '{first.EntityId}'";
        return new ConcurrentChangeException($"{entity} was changed by another writer at the same time; nothing was stored, retry.");
    }

    /// <summary>
    /// <see cref="InsertAsync"/>, timed, and traced when someone listens: the span (with the SQL
    /// under it) continues the first append's trace and links the others', each a request that
    /// waited for this commit.
    /// </summary>
    private async Task CommitAsync(List<PendingAppend> batch)
    {
        using var span = PlatformTelemetry.Source.HasListeners()
            ? PlatformTelemetry.Source.StartActivity("journal commit", ActivityKind.Internal, batch[0].Caller,
                links: batch.Skip(1).Where(p => p.Caller != default).Select(p => new ActivityLink(p.Caller)).ToArray())
            : null;
        span?.SetTag("cooperation.journal.appends", batch.Count);
        var started = Stopwatch.GetTimestamp();
        var committed = false;
        try
        {
            await InsertAsync(batch);
            committed = true;
        }
        catch (Exception error)
        {
            span?.SetStatus(ActivityStatusCode.Error, error.GetType().Name);
            throw;
        }
        finally
        {
            PlatformMetrics.JournalCommitted(batch.Count, Stopwatch.GetElapsedTime(started), committed);
        }
    }

    private async Task InsertAsync(List<PendingAppend> batch)
    {
        var events = batch.SelectMany(p => p.Append.Events).ToArray();
        var readings = batch.SelectMany(p => p.Append.Readings).ToArray();
        await using var command = dataSource.CreateCommand(InsertSql);
        Add(command, "entity_type", NpgsqlDbType.Text, events.Select(e => e.EntityType));
        Add(command, "entity_id", NpgsqlDbType.Text, events.Select(e => e.EntityId));
        Add(command, "sequence", NpgsqlDbType.Bigint, events.Select(e => e.Sequence));
        Add(command, "kind", NpgsqlDbType.Text, events.Select(e => EventJson.KindOf(e.Event)));
        Add(command, "payload", NpgsqlDbType.Jsonb, events.Select(e => EventJson.Serialize(e.Event)));
        Add(command, "recorded_at", NpgsqlDbType.TimestampTz, events.Select(e => e.RecordedAt));
        Add(command, "actor_organisation_id", NpgsqlDbType.Text, events.Select(e => e.Actor.OrganisationId));
        Add(command, "actor_role", NpgsqlDbType.Text, events.Select(e => e.Actor.Role.ToString()));
        Add(command, "actor_credential_id", NpgsqlDbType.Text, events.Select(e => e.Actor.CredentialId));
        Add(command, "actor_account_id", NpgsqlDbType.Text, events.Select(e => e.Actor.AccountId));
        Add(command, "scope", NpgsqlDbType.Text, events.Select(e => e.Scope));
        Add(command, "idempotency_key", NpgsqlDbType.Text, events.Select(e => e.IdempotencyKey));
        Add(command, "request_hash", NpgsqlDbType.Text, events.Select(e => e.RequestHash));
        Add(command, "r_subject", NpgsqlDbType.Text, readings.Select(r => r.Subject));
        Add(command, "r_sequence", NpgsqlDbType.Bigint, readings.Select(r => r.Reading.Sequence));
        Add(command, "r_kpi_code", NpgsqlDbType.Text, readings.Select(r => r.Reading.KpiCode));
        Add(command, "r_period", NpgsqlDbType.Text, readings.Select(r => r.Reading.Period.ToString()));
        Add(command, "r_value", NpgsqlDbType.Double, readings.Select(r => r.Reading.Value));
        Add(command, "r_recorded_at", NpgsqlDbType.TimestampTz, readings.Select(r => r.Reading.RecordedAt));
        Add(command, "r_numerator", NpgsqlDbType.Double, readings.Select(r => r.Reading.Numerator));
        Add(command, "r_denominator", NpgsqlDbType.Double, readings.Select(r => r.Reading.Denominator));
        Add(command, "r_breakdown", NpgsqlDbType.Jsonb, readings.Select(r => BreakdownJson.Write(r.Reading.Breakdown)));
        Add(command, "r_note", NpgsqlDbType.Text, readings.Select(r => r.Reading.Note));
        Add(command, "r_submitted_by", NpgsqlDbType.Text, readings.Select(r => r.Reading.SubmittedBy));
        // One statement outside an explicit transaction is its own transaction: committed
        // (and flushed, synchronous_commit being on) when ExecuteNonQuery returns.
        await command.ExecuteNonQueryAsync();
    }

    private static void Add<T>(NpgsqlCommand command, string name, NpgsqlDbType type, IEnumerable<T> values) =>
        command.Parameters.Add(new NpgsqlParameter<T[]>(name, NpgsqlDbType.Array | type) { TypedValue = values.ToArray() });

    [LoggerMessage(LogLevel.Warning, "A batch of {Count} journal appends broke a constraint ({Reason}); retrying them one by one.")]
    private static partial void LogBatchRetry(ILogger logger, int count, string reason);

    [LoggerMessage(LogLevel.Error, "A batch of {Count} journal appends failed (reference {Reference})")]
    private static partial void LogBatchFailed(ILogger logger, int count, string reference, Exception error);

    [LoggerMessage(LogLevel.Error, "A journal read failed (reference {Reference})")]
    private static partial void LogReadFault(ILogger logger, string reference, Exception error);

    /// <summary>An append waiting for its commit, with the trace of the request that made it.</summary>
    private sealed record PendingAppend(JournalAppend Append, ActivityContext Caller)
    {
        public TaskCompletionSource Committed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
