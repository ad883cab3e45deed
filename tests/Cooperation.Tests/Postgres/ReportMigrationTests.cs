using Cooperation.Tests.Support;
using Npgsql;

namespace Cooperation.Tests.Postgres;

/// <summary>
/// Migration 0009 on data of the version before it: webhook secrets leave the journal (and the
/// snapshots that held them), archived reports become their period's revision 1, deliveries
/// revision 1 of theirs.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ReportMigrationTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Plain_webhook_secrets_leave_the_journal_and_snapshots_and_old_reports_become_revision_1()
    {
        var donor = Ids.New("donor");
        var secret = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        await ExecuteAsync("""
            INSERT INTO entity_event (entity_type, entity_id, sequence, kind, payload, recorded_at, actor_organisation_id, actor_role, feed_position)
            VALUES ('subscriptions', @donor, 1, 'report-subscription.created',
                    jsonb_build_object('subscriptionId', 'monthly', 'definition', jsonb_build_object('title', 'Monthly'), 'webhookSecret', @secret),
                    now(), @donor, 'Donor', 0);
            INSERT INTO OrleansStorage (GrainIdHash, GrainIdN0, GrainIdN1, GrainTypeHash, GrainTypeString, GrainIdExtensionString, ServiceId, PayloadBinary, Version)
            VALUES (1, 0, 0, 2, 'subscriptions', @donor, 'cooperation', convert_to(@secret, 'UTF8'), 1);
            INSERT INTO donor_report (donor_id, subscription_id, period, format, file_name, content_type, cutoff, pilot_count, content, sha256)
            VALUES (@donor, 'monthly', '2025-03', 'pdf', 'x.pdf', 'application/pdf', now(), 1, '\x25504446'::bytea, 'h');
            """, ("donor", donor), ("secret", secret));

        await ExecuteAsync(await File.ReadAllTextAsync(Path.Combine(Ops.Root, "ops", "sql", "0009_report_revisions.sql")));

        Assert.Equal(0, await postgres.ScalarAsync<long>("SELECT count(*) FROM entity_event WHERE payload::text LIKE @s", ("s", $"%{secret}%")));
        Assert.Equal("monthly", await postgres.ScalarAsync<string>(
            "SELECT payload->>'subscriptionId' FROM entity_event WHERE entity_type = 'subscriptions' AND entity_id = @d", ("d", donor)));
        Assert.Equal(0, await postgres.ScalarAsync<long>("SELECT count(*) FROM OrleansStorage WHERE GrainTypeString = 'subscriptions'"));
        Assert.Equal(1, await postgres.ScalarAsync<int>(
            "SELECT revision FROM donor_report_revision WHERE donor_id = @d AND period = '2025-03'", ("d", donor)));
        // The journal is append-only again.
        await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync("UPDATE entity_event SET kind = kind WHERE entity_id = @d", ("d", donor)));
    }

    private async Task ExecuteAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = postgres.DataSource.CreateCommand(sql);
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value);
        await command.ExecuteNonQueryAsync();
    }
}
