using Cooperation.Tests.Support;

namespace Cooperation.Tests.Postgres;

/// <summary>
/// The README's restore procedure, with <c>ops/db.sh</c>: a database holding a pilot is backed up
/// while its platform runs, restored into a new database, and a platform of the same configuration
/// standing on the restored database gives the pilot, its readings and its history back, and
/// carries on writing. A restore over a database that holds tables is refused.
/// </summary>
public sealed class BackupRestoreTests
{
    [Fact]
    public async Task A_backup_restored_into_a_new_database_gives_the_pilot_back_through_the_platform()
    {
        var original = new PostgresFixture();
        await original.InitializeAsync();
        // Named like the test databases, so an interrupted run's copy is pruned with them.
        var restored = $"cooperation_test_{Environment.ProcessId}_r{Guid.NewGuid().ToString("N")[..6]}";
        var file = Path.Combine(Path.GetTempPath(), $"coop-backup-{Guid.NewGuid():N}.dump");
        var clusterId = Ids.New("cluster");
        var silo = await PlatformHosts.StartSiloAsync(original.ConnectionString, clusterId);
        var (gateway, channel) = await PlatformHosts.StartGatewayAsync(original.ConnectionString, clusterId);
        var running = true;
        try
        {
            var api = new ApiClients(channel);
            var pilotId = await api.CreatePilotWithKpiAsync(await api.CreateWorldAsync());
            await api.Kpis.RecordKpiReadingsAsync(Requests.Reading(pilotId, "2025-01", 40));
            await api.Kpis.RecordKpiReadingsAsync(Requests.Reading(pilotId, "2025-02", 45));
            var before = await api.Pilots.GetPilotAsync(new() { PilotId = pilotId });
            var history = await api.Audit.GetHistoryAsync(new() { Entity = $"pilots/{pilotId}", OldestFirst = true });

            var backup = await Db("backup", file, original.Database);
            Assert.True(backup.ExitCode == 0, backup.Output);
            Assert.Contains($"backed up {original.Database} (", backup.Output);
            Assert.Contains($") to {file}", backup.Output);
            await PlatformHosts.StopAsync(gateway, channel, silo);
            running = false;

            var restore = await Db("restore", file, restored);
            Assert.True(restore.ExitCode == 0, restore.Output);
            Assert.Contains($"restored {file} into {restored}:", restore.Output);
            // Over a database that holds tables: refused, and it stays as it was.
            var again = await Db("restore", file, restored);
            Assert.Equal(1, again.ExitCode);
            Assert.Contains($"database {restored} is not empty", again.Output);

            var connection = await Ops.DbAsync("url", restored);
            silo = await PlatformHosts.StartSiloAsync(connection, clusterId);
            (gateway, channel) = await PlatformHosts.StartGatewayAsync(connection, clusterId);
            running = true;
            api = new ApiClients(channel);
            var after = await PlatformHosts.RetryUntilReachable(() => api.Pilots.GetPilotAsync(new() { PilotId = pilotId }).ResponseAsync);
            Assert.Equal(before.Title, after.Title);
            var progress = Assert.Single(after.Kpis).Progress;
            // Cumulative: 40 + 45.
            Assert.Equal((85, 2), (progress.CurrentValue, progress.ReadingCount));
            Assert.Equal(Assert.Single(before.Kpis).Progress.CurrentValue, progress.CurrentValue);
            var restoredHistory = await api.Audit.GetHistoryAsync(new() { Entity = $"pilots/{pilotId}", OldestFirst = true });
            Assert.Equal(history.Events.Select(e => (e.Sequence, e.Kind, e.RecordedAt)), restoredHistory.Events.Select(e => (e.Sequence, e.Kind, e.RecordedAt)));

            // The journal carries on from where the backup left it.
            var next = await api.Kpis.RecordKpiReadingsAsync(Requests.Reading(pilotId, "2025-03", 50));
            Assert.Equal(3, Assert.Single(next.Readings).Sequence);
        }
        finally
        {
            if (running)
                await PlatformHosts.StopAsync(gateway, channel, silo);
            await Ops.DbAsync("drop", restored);
            await original.DisposeAsync();
            File.Delete(file);
        }
    }

    /// <summary>Runs <c>ops/db.sh</c> as an operator would: its exit code and everything it printed.</summary>
    private static Task<(int ExitCode, string Output)> Db(params string[] arguments) =>
        ReportTesting.RunAsync("bash", [Path.Combine(Ops.Root, "ops", "db.sh"), .. arguments]);
}
