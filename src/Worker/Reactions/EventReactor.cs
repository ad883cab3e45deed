using Cooperation.Reports.Reactions;
using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Cooperation.Worker.Reactions;

/// <summary>Settings of the event reactions (section "Reactions").</summary>
internal sealed class ReactionOptions
{
    /// <summary>How often the journal is read for new events, in milliseconds.</summary>
    public int PollMilliseconds { get; set; } = 1000;

    /// <summary>Most events read at once.</summary>
    public int BatchSize { get; set; } = 500;
}

/// <summary>
/// Reads the journal (<c>entity_event</c>) in feed order from its own checkpoint, only below the
/// position no running transaction can precede (so nothing committed is skipped), hands each
/// event to the reactions registered for its kind, then moves the checkpoint. Side effects thus
/// follow committed events whatever path raised them, and a crash anywhere loses none: events
/// after the checkpoint are reacted to again, and reactions are idempotent. Several workers may
/// run: a transaction-level advisory lock lets one of them read a batch at a time.
/// </summary>
internal sealed partial class EventReactor(
    NpgsqlDataSource database,
    IEnumerable<IEventReaction> reactions,
    IOptions<ReactionOptions> options,
    ILogger<EventReactor> logger) : BackgroundService
{
    /// <summary>The checkpoint's name.</summary>
    public const string Name = "reports";

    // Any fixed number: the lock that lets one worker at a time react.
    private const long LockKey = 0x636f6f7072656163;

    private readonly Dictionary<string, IEventReaction[]> _byKind = reactions
        .SelectMany(r => r.Kinds.Select(k => (Kind: k, Reaction: r)))
        .GroupBy(p => p.Kind, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.Select(p => p.Reaction).ToArray(), StringComparer.Ordinal);

    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var poll = TimeSpan.FromMilliseconds(Math.Max(10, options.Value.PollMilliseconds));
        while (!stoppingToken.IsCancellationRequested)
        {
            int reacted;
            try
            {
                reacted = await ReactOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                // Stopped mid-batch: the checkpoint did not move. Ending canceled would read to the
                // host as a failed service and stop it whole (the job server with it).
                return;
            }
            catch (Exception error) when (!stoppingToken.IsCancellationRequested)
            {
                // Storage or a reaction failed: the checkpoint did not move, so the batch comes again.
                LogFailed(logger, error);
                reacted = 0;
            }
            if (reacted < options.Value.BatchSize)
                await Task.Delay(poll, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    /// <summary>Reacts to the next batch of committed events; returns how many were read.</summary>
    public async Task<int> ReactOnceAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var locked = new NpgsqlCommand("SELECT pg_try_advisory_xact_lock(@key)", connection, transaction))
        {
            locked.Parameters.AddWithValue("key", LockKey);
            if (await locked.ExecuteScalarAsync(cancellationToken) is not true)
                return 0;
        }
        var checkpoint = await CheckpointAsync(connection, transaction, cancellationToken);
        // Below this position every transaction has ended: nothing can still appear there.
        long safe;
        await using (var limit = new NpgsqlCommand("SELECT entity_event_safe_position()", connection, transaction))
            safe = (long)(await limit.ExecuteScalarAsync(cancellationToken))!;
        var events = await ReadAsync(connection, transaction, checkpoint, safe, cancellationToken);
        foreach (var e in events)
        {
            foreach (var reaction in _byKind[e.Kind])
                await reaction.ReactAsync(e, cancellationToken);
        }
        // A short batch holds every event reacted to below the safe position: the checkpoint
        // passes the other kinds' events too, or each poll would read them all again (a poll
        // re-read every partner's update since the last reacted event: ~0.4 s of PostgreSQL CPU
        // a second once the journal held a few hundred thousand; issue 14).
        var position = events.Count == options.Value.BatchSize ? events[^1].FeedPosition : Math.Max(checkpoint, safe - 1);
        if (position > checkpoint)
        {
            await using var move = new NpgsqlCommand("""
                INSERT INTO event_reaction_checkpoint (reactor, position, updated_at) VALUES (@reactor, @position, now())
                ON CONFLICT (reactor) DO UPDATE SET position = EXCLUDED.position, updated_at = EXCLUDED.updated_at
                """, connection, transaction);
            move.Parameters.AddWithValue("reactor", Name);
            move.Parameters.AddWithValue("position", position);
            await move.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return events.Count;
    }

    private static async Task<long> CheckpointAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT position FROM event_reaction_checkpoint WHERE reactor = @reactor", connection, transaction);
        command.Parameters.AddWithValue("reactor", Name);
        return await command.ExecuteScalarAsync(cancellationToken) is long position ? position : 0;
    }

    private async Task<List<CommittedEvent>> ReadAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long after, long safe,
        CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            SELECT entity_type, entity_id, sequence, kind, payload::text, recorded_at, actor_organisation_id, feed_position
              FROM entity_event
             WHERE feed_position > @after AND feed_position < @safe AND kind = ANY(@kinds)
             ORDER BY feed_position
             LIMIT @limit
            """, connection, transaction);
        command.Parameters.AddWithValue("after", after);
        command.Parameters.AddWithValue("safe", safe);
        command.Parameters.AddWithValue("kinds", _byKind.Keys.ToArray());
        command.Parameters.AddWithValue("limit", options.Value.BatchSize);
        var events = new List<CommittedEvent>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            using var payload = JsonDocument.Parse(reader.GetString(4));
            events.Add(new CommittedEvent(reader.GetString(0), reader.GetString(1), reader.GetInt64(2), reader.GetString(3),
                payload.RootElement.Clone(), reader.GetFieldValue<DateTimeOffset>(5), reader.GetString(6), reader.GetInt64(7)));
        }
        return events;
    }

    [LoggerMessage(LogLevel.Warning, "Reacting to committed events failed; the batch is read again")]
    private static partial void LogFailed(ILogger logger, Exception error);
}
