using System.Text.Json;
using Google.Protobuf;
using Grpc.Core;
using Proto = Cooperation.Contracts.Grpc;

namespace Cooperation.Gateway.Demo;

/// <summary>
/// The seed scenario (Hai Phong–Kitakyushu with the Green Growth Promotion Plan's 15 pilots and
/// the Nam Cau Kien MoU; Quang Ninh, Bac Ninh and Binh Duong with their programmes), replayed
/// through the API from the JSON files in Demo/Scenario. A scenario whose last step has taken
/// effect is complete and is not replayed, so users' later changes to demo entities stay. A
/// replay (after an interrupted load, or forced) is harmless: creates and updates repeat, pilots
/// only move along their status path from where they are, and reading histories are recorded
/// only for KPIs that have none. Readings are made up and say so.
/// </summary>
public static class DemoScenario
{
    /// <summary>The demo partnership.</summary>
    public const string PartnershipId = "haiphong-kitakyushu";

    /// <summary>The demo compost pilot.</summary>
    public const string PilotId = "hp-compost";

    private static readonly JsonSerializerOptions PlanJson = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    /// <summary>
    /// Loads the scenario through <paramref name="invoker"/> unless it is complete (or
    /// <paramref name="replay"/> asks to replay it anyway); returns the number of calls made, 0
    /// when it was already there.
    /// </summary>
    public static async Task<int> LoadAsync(CallInvoker invoker, bool replay = false, CancellationToken cancellationToken = default)
    {
        var api = new ApiCaller(invoker);
        var steps = await ReadStepsAsync(cancellationToken);
        var loaded = steps.Where(s => !s.Always).ToList();
        var complete = !replay && await IsCompleteAsync(api, loaded[^1].Step, cancellationToken);
        var calls = 0;
        foreach (var (step, always) in steps)
        {
            if (always || !complete)
                calls += await RunAsync(api, step, cancellationToken);
        }
        return complete ? 0 : calls;
    }

    // Steps of a file marked "always" run on every start (they are idempotent); the others once.
    private static async Task<List<(JsonElement Step, bool Always)>> ReadStepsAsync(CancellationToken cancellationToken)
    {
        var steps = new List<(JsonElement, bool)>();
        var assembly = typeof(DemoScenario).Assembly;
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.Contains(".Demo.Scenario.", StringComparison.Ordinal)).Order())
        {
            await using var stream = assembly.GetManifestResourceStream(name)!;
            using var document = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken);
            var always = document.RootElement.TryGetProperty("always", out var flag) && flag.GetBoolean();
            steps.AddRange(document.RootElement.GetProperty("steps").EnumerateArray().Select(step => (step.Clone(), always)));
        }
        return steps;
    }

    /// <summary>The scenario ends with a reading history; once that exists, every step before it has run.</summary>
    private static async Task<bool> IsCompleteAsync(ApiCaller api, JsonElement last, CancellationToken cancellationToken)
    {
        var plan = last.GetProperty("readings").Deserialize<ReadingPlan>(PlanJson)!;
        try
        {
            var series = await api.CallAsync<Proto.KpiSeries>("KpiService/GetKpiSeries",
                new Proto.GetKpiSeriesRequest { Subject = plan.Subject, KpiCode = plan.Kpi }, cancellationToken);
            return series.Periods.Count > 0;
        }
        catch (RpcException error) when (error.StatusCode == StatusCode.NotFound)
        {
            return false;
        }
    }

    private static async Task<int> RunAsync(ApiCaller api, JsonElement step, CancellationToken cancellationToken)
    {
        if (step.TryGetProperty("call", out var call))
        {
            await api.CallAsync(call.GetString()!, step.GetProperty("request").GetRawText(), cancellationToken);
            return 1;
        }
        if (step.TryGetProperty("advance", out var advance))
            return await AdvanceAsync(api, advance, cancellationToken);
        if (step.TryGetProperty("readings", out var readings))
            return await RecordAsync(api, readings.Deserialize<ReadingPlan>(PlanJson)!, cancellationToken);
        throw new InvalidDataException($"A demo step needs \"call\", \"advance\" or \"readings\": {step.GetRawText()}");
    }

    /// <summary>Moves a pilot along a status path, from wherever it is on it.</summary>
    private static async Task<int> AdvanceAsync(ApiCaller api, JsonElement advance, CancellationToken cancellationToken)
    {
        var pilotId = advance.GetProperty("pilot").GetString()!;
        var pilot = await api.CallAsync<Proto.Pilot>("PilotService/GetPilot", new Proto.GetPilotRequest { PilotId = pilotId }, cancellationToken);
        var path = advance.GetProperty("path").EnumerateArray()
            .Select(move => JsonParser.Default.Parse<Proto.ChangePilotStatusRequest>(move.GetRawText()))
            .ToList();
        var remaining = path.Skip(path.FindIndex(move => move.Status == pilot.Status) + 1).ToList();
        foreach (var move in remaining)
        {
            move.PilotId = pilotId;
            await api.CallAsync<Proto.Pilot>("PilotService/ChangePilotStatus", move, cancellationToken);
        }
        return remaining.Count + 1;
    }

    /// <summary>Records a reading history, unless the KPI already has readings.</summary>
    private static async Task<int> RecordAsync(ApiCaller api, ReadingPlan plan, CancellationToken cancellationToken)
    {
        var series = await api.CallAsync<Proto.KpiSeries>("KpiService/GetKpiSeries",
            new Proto.GetKpiSeriesRequest { Subject = plan.Subject, KpiCode = plan.Kpi }, cancellationToken);
        if (series.Periods.Count > 0)
            return 1;
        await api.CallAsync<Proto.RecordKpiReadingsResponse>("KpiService/RecordKpiReadings", plan.ToRequest(), cancellationToken);
        return 2;
    }
}
