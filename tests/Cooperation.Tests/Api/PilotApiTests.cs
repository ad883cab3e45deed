using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cooperation.Tests.Support;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Reflection.V1Alpha;
using Proto = Cooperation.Contracts.Grpc;

namespace Cooperation.Tests.Api;

[Collection(ApiCollection.Name)]
public sealed class PilotApiTests(ApiFixture api)
{
    [Fact]
    public async Task The_slice_works_end_to_end_over_grpc()
    {
        var (partnershipId, pilotId) = await api.CreatePilotWithKpiAsync();

        var kpi = await api.Pilots.DefineKpiAsync(Requests.Kpi(pilotId));   // again: returns the KPI
        var stored = await api.Pilots.RecordKpiReadingsAsync(Requests.Reading(pilotId, "2025-01", 42.5));
        var pilot = await api.Pilots.GetPilotAsync(new Proto.GetPilotRequest { PilotId = pilotId });
        var partnership = await api.Partnerships.GetPartnershipAsync(new Proto.GetPartnershipRequest { PartnershipId = partnershipId });

        Assert.Equal(Proto.KpiDirection.HigherIsBetter, kpi.Direction);
        Assert.Equal(1, Assert.Single(stored.Readings).Sequence);
        Assert.Equal([pilotId], partnership.PilotIds);
        Assert.Equal("堆肥化", pilot.Title.Ja);
        var progress = Assert.Single(pilot.Kpis).Progress;
        Assert.Equal(42.5, progress.CurrentValue);
        Assert.Equal(3.54, progress.PercentOfTarget);
        Assert.Equal("2025-01", progress.LatestPeriod);
        Assert.Equal(1, pilot.ReadingCount);
        var series = await api.Pilots.GetKpiSeriesAsync(new Proto.GetKpiSeriesRequest { PilotId = pilotId, KpiCode = "compost-produced" });
        Assert.Equal("2025-01", Assert.Single(series.Periods).Period);
    }

    [Fact]
    public async Task The_same_calls_work_as_json_for_curl_users()
    {
        var (_, pilotId) = await api.CreatePilotWithKpiAsync();

        var post = await api.Http.PostAsJsonAsync($"/v1/pilots/{pilotId}/readings",
            new { readings = new[] { new { kpiCode = "compost-produced", period = "2025-02", value = 60 } } });
        var get = await api.Http.GetAsync($"/v1/pilots/{pilotId}");
        var missing = await api.Http.GetAsync($"/v1/pilots/{Ids.New("nowhere")}");
        var invalid = await api.Http.PostAsJsonAsync($"/v1/pilots/{pilotId}/readings",
            new { readings = new[] { new { kpiCode = "compost-produced", period = "2025-02", value = "NaN" } } });

        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        using var pilot = JsonDocument.Parse(await get.Content.ReadAsStringAsync());
        var progress = pilot.RootElement.GetProperty("kpis")[0].GetProperty("progress");
        Assert.Equal(60, progress.GetProperty("currentValue").GetDouble());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        using var error = JsonDocument.Parse(await invalid.Content.ReadAsStringAsync());
        Assert.Equal("readings[0].value",
            error.RootElement.GetProperty("details")[0].GetProperty("fieldViolations")[0].GetProperty("field").GetString());
    }

    [Fact]
    public async Task Every_malformed_period_is_named_at_once_and_units_are_trimmed()
    {
        var (_, pilotId) = await api.CreatePilotWithKpiAsync();
        var request = Requests.Reading(pilotId, "2025-13", 1);
        request.Readings.Add(new Proto.KpiReadingInput { KpiCode = "compost-produced", Period = "25-01", Value = 1 });

        var error = await Assert.ThrowsAsync<RpcException>(() => api.Pilots.RecordKpiReadingsAsync(request).ResponseAsync);
        var fields = error.GetRpcStatus()!.GetDetail<Google.Rpc.BadRequest>().FieldViolations.Select(v => v.Field);
        Assert.Equal(["readings[0].period", "readings[1].period"], fields);

        var spaced = Requests.Kpi(pilotId, "waste-diverted");
        spaced.Unit = "  t ";
        Assert.Equal("t", (await api.Pilots.DefineKpiAsync(spaced)).Unit);
        spaced.Unit = "t";
        await api.Pilots.DefineKpiAsync(spaced);
    }

    [Fact]
    public async Task Health_and_reflection_answer()
    {
        var health = new Health.HealthClient(api.Channel);
        HealthCheckResponse? status = null;
        // The cached status is published shortly after start.
        for (var attempt = 0; attempt < 50 && status?.Status != HealthCheckResponse.Types.ServingStatus.Serving; attempt++)
        {
            try { status = await health.CheckAsync(new HealthCheckRequest()); }
            catch (RpcException) { await Task.Delay(100); }
        }
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, status?.Status);

        using var reflection = new ServerReflection.ServerReflectionClient(api.Channel).ServerReflectionInfo();
        await reflection.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = "" });
        await reflection.ResponseStream.MoveNext(CancellationToken.None);
        var services = reflection.ResponseStream.Current.ListServicesResponse.Service.Select(s => s.Name).ToArray();
        Assert.Contains("cooperation.v1.PilotService", services);
        Assert.Contains("cooperation.v1.PartnershipService", services);
    }
}
