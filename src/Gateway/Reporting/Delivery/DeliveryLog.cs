using Npgsql;

namespace Cooperation.Gateway.Reporting.Delivery;

/// <summary>
/// Which delivery: to an organisation, on a topic (a subscription, or a notice kind), for a period
/// (a report's period, a digest's day), through one channel ("email" or "webhook").
/// </summary>
public readonly record struct DeliveryKey(string OrganisationId, string Topic, string Period, string Channel);

/// <summary>A delivery as recorded.</summary>
public sealed record DeliveryRecord(string Topic, string Period, string Channel, string Status, int Attempts,
    string? LastError, string Recipients, DateTimeOffset UpdatedAt);

/// <summary>
/// Records each delivery once (table delivery), so a retried or duplicated job for the same
/// organisation, topic, period and channel does not send twice: the row is locked while sending, a
/// second job waits and then finds it delivered. A crash between sending and recording can still
/// send twice; nothing is ever sent zero times while retries last.
/// </summary>
public sealed class DeliveryLog(NpgsqlDataSource dataSource)
{
    /// <summary>Sends through <paramref name="send"/> unless already delivered; true when it sent now.</summary>
    public async Task<bool> DeliverOnceAsync(DeliveryKey key, string recipients, Func<Task> send, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection, """
            INSERT INTO delivery (organisation_id, topic, period, channel, status, recipients)
            VALUES ($1, $2, $3, $4, 'pending', $5) ON CONFLICT DO NOTHING
            """, key, [recipients], cancellationToken);
        await using (var select = new NpgsqlCommand(
            "SELECT status FROM delivery WHERE organisation_id = $1 AND topic = $2 AND period = $3 AND channel = $4 FOR UPDATE", connection))
        {
            AddKey(select, key);
            if ((string?)await select.ExecuteScalarAsync(cancellationToken) == "delivered")
            {
                await transaction.CommitAsync(cancellationToken);
                return false;
            }
        }
        try
        {
            await send();
        }
        catch (Exception error)
        {
            await ExecuteAsync(connection, """
                UPDATE delivery SET status = 'failed', attempts = attempts + 1, last_error = $5, updated_at = now()
                 WHERE organisation_id = $1 AND topic = $2 AND period = $3 AND channel = $4
                """, key, [error.Message.Length > 2000 ? error.Message[..2000] : error.Message], CancellationToken.None);
            await transaction.CommitAsync(CancellationToken.None);
            throw;
        }
        await ExecuteAsync(connection, """
            UPDATE delivery SET status = 'delivered', attempts = attempts + 1, last_error = NULL, recipients = $5,
                   updated_at = now(), delivered_at = now()
             WHERE organisation_id = $1 AND topic = $2 AND period = $3 AND channel = $4
            """, key, [recipients], CancellationToken.None);
        await transaction.CommitAsync(CancellationToken.None);
        return true;
    }

    /// <summary>An organisation's deliveries on <paramref name="topics"/> in <paramref name="status"/>, newest first.</summary>
    public async Task<IReadOnlyList<DeliveryRecord>> ListAsync(string organisationId, IReadOnlyList<string> topics, string status,
        CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT topic, period, channel, status, attempts, last_error, recipients, updated_at FROM delivery
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
                reader.IsDBNull(5) ? null : reader.GetString(5), reader.GetString(6), reader.GetFieldValue<DateTimeOffset>(7)));
        }
        return records;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, DeliveryKey key, object[] more, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        AddKey(command, key);
        foreach (var value in more)
            command.Parameters.Add(new() { Value = value });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void AddKey(NpgsqlCommand command, DeliveryKey key)
    {
        command.Parameters.Add(new() { Value = key.OrganisationId });
        command.Parameters.Add(new() { Value = key.Topic });
        command.Parameters.Add(new() { Value = key.Period });
        command.Parameters.Add(new() { Value = key.Channel });
    }
}
