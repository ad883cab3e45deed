using Cooperation.Tests.Support;
using Grpc.Core;
using Microsoft.Extensions.Hosting;
using Proto = Cooperation.Contracts.Grpc;

namespace Cooperation.Tests.Postgres;

/// <summary>Real silos and gateway on real PostgreSQL, started from configuration as the run command does.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PlatformTests(PostgresFixture postgres)
{
    [Fact]
    public async Task State_written_through_the_gateway_survives_a_silo_restart()
    {
        var clusterId = Ids.New("cluster");
        var silo = await PlatformHosts.StartSiloAsync(postgres.ConnectionString, clusterId);
        var (gateway, channel) = await PlatformHosts.StartGatewayAsync(postgres.ConnectionString, clusterId);
        try
        {
            var api = new ApiClients(channel);
            var pilotId = await api.CreatePilotWithKpiAsync(await api.CreateWorldAsync());
            await api.Kpis.RecordKpiReadingsAsync(Requests.Reading(pilotId, "2025-01", 40));

            // Acknowledged means committed: the row is there as soon as the call returns.
            Assert.Equal(1, await postgres.ScalarAsync<long>("SELECT count(*) FROM kpi_reading WHERE subject_id = @p", ("p", $"pilots/{pilotId}")));
            await api.Kpis.RecordKpiReadingsAsync(Requests.Reading(pilotId, "2025-01", 45));

            await silo.StopAsync();
            silo.Dispose();
            silo = await PlatformHosts.StartSiloAsync(postgres.ConnectionString, clusterId);

            // The gateway finds the new silo by itself; calls fail until it has.
            var pilot = await PlatformHosts.RetryUntilReachable(() => api.Pilots.GetPilotAsync(new Proto.GetPilotRequest { PilotId = pilotId }).ResponseAsync);
            var progress = Assert.Single(pilot.Kpis).Progress;
            Assert.Equal(45, progress.CurrentValue);
            Assert.Equal(2, progress.ReadingCount);
            var next = await api.Kpis.RecordKpiReadingsAsync(Requests.Reading(pilotId, "2025-02", 50));
            Assert.Equal(3, Assert.Single(next.Readings).Sequence);
        }
        finally
        {
            await PlatformHosts.StopAsync(gateway, channel, silo);
        }
    }

    [Fact]
    public async Task Two_silos_started_from_configuration_join_one_cluster()
    {
        var clusterId = Ids.New("cluster");
        var first = await PlatformHosts.StartSiloAsync(postgres.ConnectionString, clusterId);
        var second = await PlatformHosts.StartSiloAsync(postgres.ConnectionString, clusterId);
        try
        {
            Assert.Equal(2, await postgres.ScalarAsync<long>(
                "SELECT count(*) FROM OrleansMembershipTable WHERE DeploymentId = @c AND Status = 3", ("c", clusterId)));
        }
        finally
        {
            await Task.WhenAll(first.StopAsync(), second.StopAsync());
            first.Dispose();
            second.Dispose();
        }
        Assert.Equal(0, await postgres.ScalarAsync<long>(
            "SELECT count(*) FROM OrleansMembershipTable WHERE DeploymentId = @c AND Status = 3", ("c", clusterId)));
    }
}
