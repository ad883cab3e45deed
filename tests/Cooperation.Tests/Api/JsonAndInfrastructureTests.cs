using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cooperation.Tests.Support;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Reflection.V1Alpha;

namespace Cooperation.Tests.Api;

/// <summary>The JSON routes (what a partner with curl uses), health and reflection.</summary>
[Collection(ApiCollection.Name)]
public sealed class JsonAndInfrastructureTests(ApiFixture api)
{
    [Fact]
    public async Task Readings_work_as_json_for_curl_users()
    {
        var world = await api.CreateWorldAsync();
        var pilotId = await api.CreatePilotWithKpiAsync(world);

        var post = await api.Http.PostAsJsonAsync($"/v1/pilots/{pilotId}/readings",
            new { readings = new[] { new { kpiCode = "compost-produced", period = "2025-02", value = 60 } } });
        var get = await api.Http.GetAsync($"/v1/pilots/{pilotId}");
        var series = await api.Http.GetAsync($"/v1/pilots/{pilotId}/kpis/compost-produced/series");
        var missing = await api.Http.GetAsync($"/v1/pilots/{Ids.New("nowhere")}");
        var invalid = await api.Http.PostAsJsonAsync($"/v1/pilots/{pilotId}/readings",
            new { readings = new[] { new { kpiCode = "compost-produced", period = "2025-02", value = "NaN" } } });

        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        using var pilot = JsonDocument.Parse(await get.Content.ReadAsStringAsync());
        Assert.Equal(60, pilot.RootElement.GetProperty("kpis")[0].GetProperty("progress").GetProperty("currentValue").GetDouble());
        Assert.Equal(HttpStatusCode.OK, series.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        using var error = JsonDocument.Parse(await invalid.Content.ReadAsStringAsync());
        Assert.Equal("readings[0].value",
            error.RootElement.GetProperty("details")[0].GetProperty("fieldViolations")[0].GetProperty("field").GetString());
    }

    [Fact]
    public async Task Programme_readings_have_their_own_routes()
    {
        var world = await api.CreateWorldAsync();
        var define = await api.Http.PostAsJsonAsync($"/v1/programmes/{world.ProgrammeId}/kpis", new
        {
            kpiCode = "people-trained",
            name = new { en = "People trained" },
            unit = "people",
            direction = "KPI_DIRECTION_HIGHER_IS_BETTER",
            aggregation = "KPI_AGGREGATION_INCREMENTAL",
        });
        var record = await api.Http.PostAsJsonAsync($"/v1/programmes/{world.ProgrammeId}/readings",
            new { readings = new[] { new { kpiCode = "people-trained", period = "2025-03", value = 40 } } });

        Assert.Equal(HttpStatusCode.OK, define.StatusCode);
        Assert.Equal(HttpStatusCode.OK, record.StatusCode);
        using var programme = JsonDocument.Parse(await api.Http.GetStringAsync($"/v1/programmes/{world.ProgrammeId}"));
        Assert.Equal("KPI_STATUS_NO_TARGET", programme.RootElement.GetProperty("kpis")[0].GetProperty("progress").GetProperty("status").GetString());
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
        Assert.All(new[] { "City", "Organisation", "Partnership", "Programme", "Pilot", "Kpi", "Jcm", "Mou" },
            name => Assert.Contains($"cooperation.v1.{name}Service", services));
    }
}
