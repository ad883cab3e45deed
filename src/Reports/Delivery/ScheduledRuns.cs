using Cooperation.Contracts.Common;
using Npgsql;

namespace Cooperation.Reports.Delivery;

/// <summary>
/// Which scheduled runs completed (table report_run): a subscription's run for a period happens
/// once, at the first tick of its schedule after the period fell due. Later ticks find it done; a
/// run that failed is not marked, so its retry (or the next tick) does it again.
/// </summary>
public sealed class ScheduledRuns(NpgsqlDataSource dataSource)
{
    /// <summary>Whether the scheduled run of <paramref name="period"/> completed.</summary>
    public async Task<bool> IsDoneAsync(string donorId, string subscriptionId, ReportingPeriod period, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT EXISTS (SELECT 1 FROM report_run WHERE donor_id = $1 AND subscription_id = $2 AND period = $3)");
        Add(command, donorId, subscriptionId, period);
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>Records that the scheduled run of <paramref name="period"/> completed.</summary>
    public async Task MarkDoneAsync(string donorId, string subscriptionId, ReportingPeriod period, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(
            "INSERT INTO report_run (donor_id, subscription_id, period) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING");
        Add(command, donorId, subscriptionId, period);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void Add(NpgsqlCommand command, string donorId, string subscriptionId, ReportingPeriod period)
    {
        command.Parameters.Add(new() { Value = donorId });
        command.Parameters.Add(new() { Value = subscriptionId });
        command.Parameters.Add(new() { Value = period.ToString() });
    }
}
