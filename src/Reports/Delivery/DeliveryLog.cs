using Npgsql;

namespace Cooperation.Reports.Delivery;

/// <summary>
/// Which delivery: to an organisation, on a topic (a subscription, or a notice kind), for a period
/// (a report's period, a digest's day), through one channel ("email" or "webhook"), of one
/// revision of a report (1 for notices, and for a period's first report).
/// </summary>
public readonly record struct DeliveryKey(string OrganisationId, string Topic, string Period, string Channel, int Revision = 1);

/// <summary>A delivery as recorded.</summary>
public sealed record DeliveryRecord(string Topic, string Period, string Channel, string Status, int Attempts,
    string? LastError, string Recipients, DateTimeOffset UpdatedAt, int Revision = 1);

/// <summary>Another job is sending the same delivery now; retry later (it will be found delivered).</summary>
public sealed class DeliveryInProgressException(DeliveryKey key)
    : Exception($"{key.Channel} delivery of {key.Topic} {key.Period} (revision {key.Revision}) to {key.OrganisationId} is being sent by another job.");

/// <summary>
/// Records each delivery once (table delivery), so a retried or duplicated job for the same
/// organisation, topic, period, channel and revision does not send twice: a job leases the row while it
/// sends (a second job meanwhile gets <see cref="DeliveryInProgressException"/> and retries) and
/// marks it delivered after. No transaction stays open during a send. A crash between sending and
/// recording can still send twice once the lease ends; nothing is sent zero times while retries last.
/// </summary>
public sealed class DeliveryLog(NpgsqlDataSource dataSource)
{
    /// <summary>How long a send may take before another job may try the delivery again.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    /// <summary>Sends through <paramref name="send"/> unless already delivered; true when it sent now.</summary>
    public async Task<bool> DeliverOnceAsync(DeliveryKey key, string recipients, Func<Task> send, CancellationToken cancellationToken = default)
    {
        await ExecuteAsync("""
            INSERT INTO delivery (organisation_id, topic, period, channel, revision, status, recipients)
            VALUES ($1, $2, $3, $4, $5, 'pending', $6) ON CONFLICT DO NOTHING
            """, key, [recipients], cancellationToken);
        var claimed = await ExecuteAsync("""
            UPDATE delivery SET status = 'sending', lease_until = now() + $6, attempts = attempts + 1, updated_at = now()
             WHERE organisation_id = $1 AND topic = $2 AND period = $3 AND channel = $4 AND revision = $5
               AND status <> 'delivered' AND (status <> 'sending' OR lease_until < now())
            """, key, [Lease], cancellationToken);
        if (claimed == 0)
        {
            var status = await StatusAsync(key, cancellationToken);
            return status == "delivered" ? false : throw new DeliveryInProgressException(key);
        }
        try
        {
            await send();
        }
        catch (Exception error)
        {
            await ExecuteAsync("""
                UPDATE delivery SET status = 'failed', lease_until = NULL, last_error = $6, updated_at = now()
                 WHERE organisation_id = $1 AND topic = $2 AND period = $3 AND channel = $4 AND revision = $5
                """, key, [error.Message.Length > 2000 ? error.Message[..2000] : error.Message], CancellationToken.None);
            throw;
        }
        await ExecuteAsync("""
            UPDATE delivery SET status = 'delivered', lease_until = NULL, last_error = NULL, recipients = $6,
                   updated_at = now(), delivered_at = now()
             WHERE organisation_id = $1 AND topic = $2 AND period = $3 AND channel = $4 AND revision = $5
            """, key, [recipients], CancellationToken.None);
        return true;
    }

    /// <summary>An organisation's deliveries on <paramref name="topics"/> in <paramref name="status"/>, newest first.</summary>
    public async Task<IReadOnlyList<DeliveryRecord>> ListAsync(string organisationId, IReadOnlyList<string> topics, string status,
        CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT topic, period, channel, status, attempts, last_error, recipients, updated_at, revision FROM delivery
             WHERE organisation_id = $1 AND topic = ANY($2) AND status = $3 ORDER BY updated_at DESC LIMIT 500
            """);
        command.Parameters.Add(new() { Value = organisationId });
        command.Parameters.Add(new() { Value = topics.ToArray() });
        command.Parameters.Add(new() { Value = status });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var records = new List<DeliveryRecord>();
        while (await reader.ReadAsync(cancellationToken))
        {
            records.Add(new DeliveryRecord(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetInt32(4),
                reader.IsDBNull(5) ? null : reader.GetString(5), reader.GetString(6), reader.GetFieldValue<DateTimeOffset>(7), reader.GetInt32(8)));
        }
        return records;
    }

    private async Task<int> ExecuteAsync(string sql, DeliveryKey key, object[] more, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(sql);
        AddKey(command, key);
        foreach (var value in more)
            command.Parameters.Add(new() { Value = value });
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<string?> StatusAsync(DeliveryKey key, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT status FROM delivery WHERE organisation_id = $1 AND topic = $2 AND period = $3 AND channel = $4 AND revision = $5");
        AddKey(command, key);
        return (string?)await command.ExecuteScalarAsync(cancellationToken);
    }

    private static void AddKey(NpgsqlCommand command, DeliveryKey key)
    {
        command.Parameters.Add(new() { Value = key.OrganisationId });
        command.Parameters.Add(new() { Value = key.Topic });
        command.Parameters.Add(new() { Value = key.Period });
        command.Parameters.Add(new() { Value = key.Channel });
        command.Parameters.Add(new() { Value = key.Revision });
    }
}
