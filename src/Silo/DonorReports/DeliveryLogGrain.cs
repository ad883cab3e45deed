using Cooperation.Contracts.Access;
using Cooperation.Contracts.Common;
using Cooperation.Contracts.DonorReports;
using Cooperation.Silo.Access;
using Npgsql;
using Orleans.Concurrency;

namespace Cooperation.Silo.DonorReports;

/// <summary>
/// Records each delivery once (table delivery), so a retried or duplicated job for the same
/// organisation, topic, period, channel and revision does not send twice: the sender claims the
/// row with a lease, renews it while it sends, and records the outcome after. Driver failures leave as the
/// platform's exceptions (the silo's grain call filter).
/// </summary>
[StatelessWorker]
internal sealed class DeliveryLogGrain(NpgsqlDataSource dataSource) : Grain, IDeliveryLogGrain
{
    private const string KeyMatch = "organisation_id = $1 AND topic = $2 AND period = $3 AND channel = $4 AND revision = $5";

    /// <inheritdoc/>
    public async Task<DeliveryClaim> Claim(DeliveryKey key, string recipients, TimeSpan lease)
    {
        PlatformWork.Require("Claiming a delivery");
        await ExecuteAsync("""
            INSERT INTO delivery (organisation_id, topic, period, channel, revision, status, recipients)
            VALUES ($1, $2, $3, $4, $5, 'pending', $6) ON CONFLICT DO NOTHING
            """, key, [recipients]);
        var claimed = await ExecuteAsync($"""
            UPDATE delivery SET status = 'sending', lease_until = now() + $6, attempts = attempts + 1, updated_at = now()
             WHERE {KeyMatch} AND status <> 'delivered' AND (status <> 'sending' OR lease_until < now())
            """, key, [lease]);
        if (claimed > 0)
            return DeliveryClaim.Claimed;
        await using var command = dataSource.CreateCommand($"SELECT status FROM delivery WHERE {KeyMatch}");
        AddKey(command, key);
        return (string?)await command.ExecuteScalarAsync() == "delivered" ? DeliveryClaim.Delivered : DeliveryClaim.InProgress;
    }

    /// <inheritdoc/>
    public async Task<bool> Renew(DeliveryKey key, TimeSpan lease)
    {
        PlatformWork.Require("Renewing a delivery's lease");
        return await ExecuteAsync($"UPDATE delivery SET lease_until = now() + $6 WHERE {KeyMatch} AND status = 'sending'", key, [lease]) > 0;
    }

    /// <inheritdoc/>
    public async Task MarkFailed(DeliveryKey key, string error)
    {
        PlatformWork.Require("Recording a delivery");
        await ExecuteAsync($"UPDATE delivery SET status = 'failed', lease_until = NULL, last_error = $6, updated_at = now() WHERE {KeyMatch}",
            key, [error.Length > 2000 ? error[..2000] : error]);
    }

    /// <inheritdoc/>
    public async Task MarkDelivered(DeliveryKey key, string recipients)
    {
        PlatformWork.Require("Recording a delivery");
        await ExecuteAsync($"""
            UPDATE delivery SET status = 'delivered', lease_until = NULL, last_error = NULL, recipients = $6,
                   updated_at = now(), delivered_at = now()
             WHERE {KeyMatch}
            """, key, [recipients]);
    }

    /// <inheritdoc/>
    public async Task<ValueList<DeliveryRecord>> ListFailed(string donorId)
    {
        // The whole donor's: every subscription with an archived report (a delivery follows its archiving), deleted ones too.
        var subscriptions = await ReportArchiveGrain.ReadableSubscriptionsAsync(GrainFactory, donorId, null)
            ?? await CallerContext.AsPlatformAsync(() => GrainFactory.GetGrain<IReportArchiveGrain>(0).Subscriptions(donorId));
        await using var command = dataSource.CreateCommand("""
            SELECT topic, period, channel, status, attempts, last_error, recipients, updated_at, revision FROM delivery
             WHERE organisation_id = $1 AND topic = ANY($2) AND status = 'failed' ORDER BY updated_at DESC LIMIT 500
            """);
        command.Parameters.Add(new() { Value = donorId });
        command.Parameters.Add(new() { Value = subscriptions.ToArray() });
        await using var reader = await command.ExecuteReaderAsync();
        var records = new List<DeliveryRecord>();
        while (await reader.ReadAsync())
        {
            records.Add(new DeliveryRecord(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetInt32(4),
                reader.IsDBNull(5) ? null : reader.GetString(5), reader.GetString(6), reader.GetFieldValue<DateTimeOffset>(7), reader.GetInt32(8)));
        }
        return ValueList.Of(records);
    }

    private async Task<int> ExecuteAsync(string sql, DeliveryKey key, object[] more)
    {
        await using var command = dataSource.CreateCommand(sql);
        AddKey(command, key);
        foreach (var value in more)
            command.Parameters.Add(new() { Value = value });
        return await command.ExecuteNonQueryAsync();
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
