using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Cooperation.Gateway.Hosting;
using Cooperation.Tests.Support;
using Google.Rpc;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Proto = Cooperation.Contracts.Grpc;

namespace Cooperation.Tests.Api;

/// <summary>
/// Answers a client can act on: every field at fault named at once, as the caller wrote it
/// (JSON names over JSON, proto names over gRPC), no .NET type in any message, one log line per
/// refused request; and partial KPI updates that change only what was sent.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class HonestAnswersTests(ApiFixture api)
{
    private async Task<string> PilotWithMilestoneAsync()
    {
        var pilotId = await api.CreatePilotWithKpiAsync(await api.CreateWorldAsync());
        await api.Pilots.AddMilestoneAsync(new() { PilotId = pilotId, MilestoneId = "plant", Title = new() { En = "Plant built" }, PlannedDate = "2025-03-31" });
        return pilotId;
    }

    private static Proto.SubmitUpdateRequest Update(string pilotId, double value) => new()
    {
        PilotId = pilotId,
        IdempotencyKey = Guid.NewGuid().ToString(),
        Period = "2025-01",
        Readings = { new Proto.KpiReadingInput { KpiCode = "compost-produced", Value = value } },
    };

    private static string[] Fields(RpcException error) =>
        error.GetRpcStatus()?.GetDetail<BadRequest>()?.FieldViolations.Select(v => v.Field).ToArray() ?? [];

    private static async Task<(HttpStatusCode Status, string Message, string[] Fields)> ErrorOf(HttpResponseMessage response)
    {
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var fields = body.RootElement.GetProperty("details").EnumerateArray()
            .Where(d => d.TryGetProperty("fieldViolations", out _))
            .SelectMany(d => d.GetProperty("fieldViolations").EnumerateArray().Select(v => v.GetProperty("field").GetString()!))
            .ToArray();
        return (response.StatusCode, body.RootElement.GetProperty("message").GetString()!, fields);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public async Task A_non_finite_reading_in_an_update_is_invalid_argument_naming_the_value(double value)
    {
        var pilotId = await api.CreatePilotWithKpiAsync(await api.CreateWorldAsync());

        var error = await Assert.ThrowsAsync<RpcException>(() => api.Submissions.SubmitUpdateAsync(Update(pilotId, value)).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal(["readings[0].value"], Fields(error));
        Assert.Equal(0, await api.Cluster.StoredReadingsAsync($"pilots/{pilotId}"));
    }

    [Fact]
    public async Task An_update_names_every_field_at_fault_at_once()
    {
        var pilotId = await PilotWithMilestoneAsync();
        var update = Update(pilotId, double.NaN);
        update.IdempotencyKey = "";
        update.Readings.Add(new Proto.KpiReadingInput { KpiCode = "compost-produced", Period = "June", Numerator = double.PositiveInfinity });
        update.Milestones.Add(new Proto.MilestoneReport { MilestoneId = "Plant!", Status = Proto.MilestoneStatus.Done });
        update.Note = new string('x', 4001);

        var error = await Assert.ThrowsAsync<RpcException>(() => api.Submissions.SubmitUpdateAsync(update).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal(
            ["idempotency_key", "readings[1].period", "milestones[0].milestone_id", "readings[0].value", "readings[1].numerator", "note"],
            Fields(error));
    }

    [Fact]
    public async Task Json_routes_name_fields_as_json_callers_write_them_and_grpc_keeps_proto_names()
    {
        var pilotId = await PilotWithMilestoneAsync();
        var body = new
        {
            idempotencyKey = Guid.NewGuid().ToString(),
            period = "2025-01",
            readings = new[] { new { kpiCode = "no-such-kpi", value = 1.0 } },
            milestones = new[] { new { milestoneId = "nowhere", status = "MILESTONE_STATUS_IN_PROGRESS" } },
        };

        var json = await ErrorOf(await api.Http.PostAsJsonAsync($"/v1/pilots/{pilotId}/updates", body));
        var grpc = await Assert.ThrowsAsync<RpcException>(() => api.Submissions.SubmitUpdateAsync(new Proto.SubmitUpdateRequest
        {
            PilotId = pilotId,
            IdempotencyKey = Guid.NewGuid().ToString(),
            Period = "2025-01",
            Milestones = { new Proto.MilestoneReport { MilestoneId = "nowhere", Status = Proto.MilestoneStatus.InProgress } },
        }).ResponseAsync);

        Assert.Equal(HttpStatusCode.BadRequest, json.Status);
        Assert.Contains("milestones[0].milestoneId", json.Fields);
        Assert.Contains("milestones[0].milestoneId", json.Message);
        Assert.DoesNotContain("milestone_id", json.Message);
        Assert.Equal(["milestones[0].milestone_id"], Fields(grpc));
    }

    [Fact]
    public async Task A_malformed_json_body_is_refused_by_field_without_a_dotnet_type_name()
    {
        var pilotId = await PilotWithMilestoneAsync();
        var route = $"/v1/pilots/{pilotId}/updates";

        var unknownEnum = await ErrorOf(await api.Http.PostAsync(route, Json("""
            {"idempotencyKey":"k1","period":"2025-01","milestones":[{"milestoneId":"plant","status":"FINISHED"}]}
            """)));
        var wrongType = await ErrorOf(await api.Http.PostAsync(route, Json("""
            {"idempotencyKey":"k2","period":"2025-01","readings":[{"kpiCode":"compost-produced","value":"forty"}],"note":7}
            """)));
        var broken = await ErrorOf(await api.Http.PostAsync(route, Json("""{"idempotencyKey":"k3","period":""")));
        var query = await ErrorOf(await api.Http.GetAsync($"/v1/pilots/{pilotId}?figures=VERIFIED"));

        Assert.Equal(HttpStatusCode.BadRequest, unknownEnum.Status);
        Assert.Equal(["milestones[0].status"], unknownEnum.Fields);
        Assert.Contains("MILESTONE_STATUS_DONE", unknownEnum.Message);
        Assert.Equal(["readings[0].value", "note"], wrongType.Fields);
        Assert.Equal(HttpStatusCode.BadRequest, broken.Status);
        Assert.Contains("not valid JSON", broken.Message);
        Assert.Equal(["figures"], query.Fields);
        Assert.Contains("FIGURES_APPROVED", query.Message);
        Assert.All(new[] { unknownEnum.Message, wrongType.Message, broken.Message, query.Message }, message =>
        {
            Assert.DoesNotContain("Cooperation.", message);
            Assert.DoesNotContain("System.", message);
        });
        Assert.Equal(0, await api.Cluster.StoredReadingsAsync($"pilots/{pilotId}"));
    }

    [Fact]
    public async Task Refused_requests_log_one_line_each_and_no_stack_trace()
    {
        var logs = new CapturedLogs();
        var app = await StartGatewayAsync(logs);
        try
        {
            using var http = new HttpClient(TestKeys.Handler(app, await TestKeys.IssueAsync(app, "platform", Contracts.Access.Role.Admin)))
            {
                BaseAddress = new Uri("http://localhost"),
            };
            var pilotId = await api.CreatePilotWithKpiAsync(await api.CreateWorldAsync());
            logs.Clear();

            await http.PostAsync($"/v1/pilots/{pilotId}/updates", Json("""{"idempotencyKey":"k1","period":"2025-01","readings":[{"value":"""));
            await http.PostAsync($"/v1/pilots/{pilotId}/updates", Json("""{"idempotencyKey":"k2","period":"2025-01","readings":[{"kpiCode":"x","value":true}]}"""));
            await http.PostAsync($"/v1/pilots/{pilotId}/updates", Json("""{"idempotencyKey":"k3","period":"1999-13"}"""));

            var entries = logs.Entries.Where(e => !e.Category.StartsWith("Microsoft.AspNetCore.Hosting", StringComparison.Ordinal)
                && !e.Category.StartsWith("Microsoft.AspNetCore.Routing", StringComparison.Ordinal)).ToArray();
            Assert.Equal(3, entries.Length);
            Assert.All(entries, e =>
            {
                Assert.Null(e.Exception);
                Assert.DoesNotContain("\n", e.Message);
                Assert.Equal(LogLevel.Information, e.Level);
            });
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    [Fact]
    public async Task Updating_a_kpi_changes_only_what_was_sent()
    {
        var pilotId = Ids.New("pilot");
        var request = Requests.Pilot(pilotId, await api.CreateWorldAsync());
        request.SkipKpiTemplates = false;
        var created = await api.Pilots.CreatePilotAsync(request);
        var template = created.Kpis.First(k => k.Name.Vi.Length > 0 && k.Name.Ja.Length > 0);

        var renamed = await api.Kpis.UpdateKpiAsync(new Proto.DefineKpiRequest
        {
            Subject = $"pilots/{pilotId}",
            KpiCode = template.KpiCode,
            Name = new Proto.LocalizedText { En = "Renamed in English" },
        });
        var targeted = await api.Kpis.UpdateKpiAsync(new Proto.DefineKpiRequest
        {
            Subject = $"pilots/{pilotId}",
            KpiCode = template.KpiCode,
            Baseline = new Proto.KpiPoint { Value = 0, Date = "2025-01-01" },
            Target = new Proto.KpiPoint { Value = 500, Date = "2026-12-31" },
        });

        Assert.Equal((template.Name.Vi, template.Name.Ja, "Renamed in English"), (renamed.Name.Vi, renamed.Name.Ja, renamed.Name.En));
        Assert.Equal((template.Unit, template.Direction, template.Aggregation), (renamed.Unit, renamed.Direction, renamed.Aggregation));
        Assert.Equal(renamed.Name, targeted.Name);
        Assert.Equal(500, targeted.Target.Value);
        var stored = (await api.Pilots.GetPilotAsync(new() { PilotId = pilotId })).Kpis.Single(k => k.KpiCode == template.KpiCode);
        Assert.Equal(template.Name.Vi, stored.Name.Vi);
    }

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    /// <summary>A second gateway on the fixture's cluster whose log the test reads.</summary>
    private Task<WebApplication> StartGatewayAsync(CapturedLogs logs) => KestrelGateway.BesideAsync(api, builder =>
    {
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(logs);
        builder.Logging.SetMinimumLevel(LogLevel.Information);
    });
}
