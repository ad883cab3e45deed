using System.Text.Json;
using Google.Protobuf;
using Grpc.Core;
using Proto = Cooperation.Contracts.Grpc;

namespace Cooperation.Gateway.Demo;

/// <summary>Who a demo step acts as: a call invoker that sends the key of the named demo identity (see <see cref="DemoCredentials.Identities"/>).</summary>
public delegate Task<CallInvoker> DemoActors(string identity, CancellationToken cancellationToken);

/// <summary>
/// The seed scenario (Hai Phong–Kitakyushu with the Green Growth Promotion Plan's 15 pilots and
/// the Nam Cau Kien MoU; Quang Ninh, Bac Ninh and Binh Duong with their programmes), replayed
/// through the API from the JSON files in Demo/Scenario, each step as the organisation that would
/// take it (the admin by default; "as" names a demo identity). The reporting is as it is used:
/// past periods loaded as approved history, recent ones submitted by the partners and reviewed
/// by the city office (approved, returned with a comment, awaiting review, late, missing).
/// A scenario whose last step has taken effect is complete and is not replayed, so users' later
/// changes to demo entities stay. A replay (after an interrupted load, or forced) is harmless:
/// creates and updates repeat, pilots only move along their status path from where they are,
/// readings are recorded only for periods that have none, updates carry idempotency keys and
/// reviews are taken only on periods awaiting them. Readings are made up and say so.
/// </summary>
internal static class DemoScenario
{
    /// <summary>The demo partnership.</summary>
    public const string PartnershipId = "haiphong-kitakyushu";

    /// <summary>The demo compost pilot.</summary>
    public const string PilotId = "hp-compost";

    private static readonly JsonSerializerOptions PlanJson = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    /// <summary>
    /// Loads the scenario as <paramref name="actors"/> unless it is complete (or
    /// <paramref name="replay"/> asks to replay it anyway); returns the number of calls made, 0
    /// when it was already there. Relative periods ("current-2") count from <paramref name="today"/>
    /// (default: today in Hai Phong).
    /// </summary>
    public static async Task<int> LoadAsync(DemoActors actors, bool replay = false, DateOnly? today = null, CancellationToken cancellationToken = default)
    {
        var run = new DemoRun(actors, today ?? DemoPeriods.Today(), cancellationToken);
        var steps = await ReadStepsAsync(cancellationToken);
        var loaded = steps.Where(s => !s.Always).ToList();
        var complete = !replay && await IsCompleteAsync(run, loaded[^1].Step);
        var calls = 0;
        foreach (var (step, always) in steps)
        {
            if (always || !complete)
                calls += await run.RunAsync(step);
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
    private static async Task<bool> IsCompleteAsync(DemoRun run, JsonElement last)
    {
        var plan = last.GetProperty("readings").Deserialize<ReadingPlan>(PlanJson)!;
        try
        {
            return (await run.RecordedAsync(plan)).Count > 0;
        }
        catch (RpcException error) when (error.StatusCode == StatusCode.NotFound)
        {
            return false;
        }
    }

    /// <summary>One load of the scenario: who acts, which day it is, and the reading plans seen so far.</summary>
    private sealed class DemoRun(DemoActors actors, DateOnly today, CancellationToken cancellationToken)
    {
        private readonly Dictionary<string, List<ReadingPlan>> _plans = [];

        private async Task<ApiCaller> ApiAsync(JsonElement step) =>
            new(await actors(step.TryGetProperty("as", out var who) ? who.GetString()! : DemoCredentials.AdminKey, cancellationToken));

        public async Task<int> RunAsync(JsonElement step)
        {
            if (step.TryGetProperty("call", out var call))
            {
                await (await ApiAsync(step)).CallAsync(call.GetString()!, step.GetProperty("request").GetRawText(), cancellationToken);
                return 1;
            }
            if (step.TryGetProperty("advance", out var advance))
                return await AdvanceAsync(advance);
            if (step.TryGetProperty("readings", out var readings))
                return await RecordAsync(readings.Deserialize<ReadingPlan>(PlanJson)!);
            if (step.TryGetProperty("submit", out var submit))
                return await SubmitAsync(submit);
            if (step.TryGetProperty("review", out var review))
                return await ReviewAsync(review);
            throw new InvalidDataException($"A demo step needs \"call\", \"advance\", \"readings\", \"submit\" or \"review\": {step.GetRawText()}");
        }

        /// <summary>Moves a pilot along a status path (each move on the day it took effect), from wherever it is on it.</summary>
        private async Task<int> AdvanceAsync(JsonElement advance)
        {
            var api = await ApiAsync(advance);
            var pilotId = advance.GetProperty("pilot").GetString()!;
            var pilot = await api.CallAsync<Proto.Pilot>("PilotService/GetPilot", new Proto.GetPilotRequest { PilotId = pilotId }, cancellationToken);
            var path = advance.GetProperty("path").EnumerateArray()
                .Select(move => JsonParser.Default.Parse<Proto.ChangePilotStatusRequest>(move.GetRawText()))
                .ToList();
            var at = path.FindIndex(move => move.Status == pilot.Status);
            // A pilot off the path has moved on past it (e.g. completed by a later step).
            if (at < 0 && pilot.Status != Proto.PilotStatus.Proposed)
                return 1;
            var remaining = path.Skip(at + 1).ToList();
            foreach (var move in remaining)
            {
                move.PilotId = pilotId;
                await api.CallAsync<Proto.Pilot>("PilotService/ChangePilotStatus", move, cancellationToken);
            }
            return remaining.Count + 1;
        }

        /// <summary>The periods the plan's KPI already has readings for.</summary>
        public async Task<IReadOnlySet<string>> RecordedAsync(ReadingPlan plan)
        {
            var api = new ApiCaller(await actors(DemoCredentials.AdminKey, cancellationToken));
            var series = await api.CallAsync<Proto.KpiSeries>("KpiService/GetKpiSeries",
                new Proto.GetKpiSeriesRequest { Subject = plan.Subject, KpiCode = plan.Kpi }, cancellationToken);
            return series.Periods.Select(p => p.Period).ToHashSet(StringComparer.Ordinal);
        }

        /// <summary>Records a plan's history (as approved, for a pilot) for the periods that have no reading yet.</summary>
        private async Task<int> RecordAsync(ReadingPlan plan)
        {
            if (!_plans.TryGetValue(plan.Subject, out var plans))
                _plans[plan.Subject] = plans = [];
            plans.Add(plan);
            var request = plan.ToRequest(today, await RecordedAsync(plan));
            if (request.Readings.Count == 0)
                return 1;
            var api = new ApiCaller(await actors(DemoCredentials.AdminKey, cancellationToken));
            await api.CallAsync<Proto.RecordKpiReadingsResponse>("KpiService/RecordKpiReadings", request, cancellationToken);
            return 2;
        }

        /// <summary>A partner's update of a pilot for one period: every planned KPI's value on its trend, and a note.</summary>
        private async Task<int> SubmitAsync(JsonElement submit)
        {
            var pilotId = submit.GetProperty("pilot").GetString()!;
            var plans = _plans.GetValueOrDefault($"pilots/{pilotId}") ?? throw new InvalidDataException($"Submit for {pilotId} before its readings plans.");
            var period = DemoPeriods.Resolve(submit.GetProperty("period").GetString()!, plans[0].First.Frequency, today);
            var update = new Proto.SubmitUpdateRequest
            {
                PilotId = pilotId,
                Period = period.ToString(),
                // The same update on a replay: the platform answers with the first receipt.
                IdempotencyKey = $"demo-{pilotId}-{period}",
                Note = submit.TryGetProperty("note", out var note) ? note.GetString()! : "",
            };
            update.Readings.AddRange(plans.Select(p => p.Reading(period)));
            await (await ApiAsync(submit)).CallAsync<Proto.UpdateReceipt>("SubmissionService/SubmitUpdate", update, cancellationToken);
            return 1;
        }

        /// <summary>A reviewer's decision on a period, taken only while the period awaits one.</summary>
        private async Task<int> ReviewAsync(JsonElement review)
        {
            var api = await ApiAsync(review);
            var pilotId = review.GetProperty("pilot").GetString()!;
            var plans = _plans[$"pilots/{pilotId}"];
            var period = DemoPeriods.Resolve(review.GetProperty("period").GetString()!, plans[0].First.Frequency, today).ToString();
            var periods = await api.CallAsync<Proto.ListReportingPeriodsResponse>("ReviewService/ListReportingPeriods",
                new Proto.ListReportingPeriodsRequest { PilotId = pilotId }, cancellationToken);
            if (periods.Periods.FirstOrDefault(p => p.Period == period)?.Status != Proto.ReviewStatus.Submitted)
                return 1;
            var request = new Proto.ReviewPeriodRequest { PilotId = pilotId, Period = period, Comment = review.GetProperty("comment").GetString()! };
            var rpc = review.GetProperty("decision").GetString() switch
            {
                "approve" => "ReviewService/ApprovePeriod",
                "return" => "ReviewService/ReturnPeriod",
                var other => throw new InvalidDataException($"A demo review decides \"approve\" or \"return\", not \"{other}\"."),
            };
            await api.CallAsync<Proto.ReportingPeriod>(rpc, request, cancellationToken);
            return 2;
        }
    }
}
