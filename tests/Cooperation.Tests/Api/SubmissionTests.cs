using Cooperation.Contracts.Access;
using Cooperation.Tests.Support;
using Grpc.Core;
using Proto = Cooperation.Contracts.Grpc;

namespace Cooperation.Tests.Api;

/// <summary>
/// Partners' updates over gRPC, stored in PostgreSQL: each acknowledged once, exactly once under
/// one idempotency key, and reviewed period by period.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class SubmissionTests(ApiFixture api)
{
    private async Task<(string PilotId, ApiClients Partner)> PilotAsync()
    {
        var world = await api.CreateWorldAsync();
        var pilotId = await api.CreatePilotWithKpiAsync(world);
        return (pilotId, api.As(await api.IssueKeyAsync(world.AgencyId, Role.PartnerAgency)));
    }

    private static Proto.SubmitUpdateRequest Update(string pilotId, string period, double value, string? key = null) => new()
    {
        PilotId = pilotId,
        IdempotencyKey = key ?? Guid.NewGuid().ToString(),
        Period = period,
        Readings = { new Proto.KpiReadingInput { KpiCode = "compost-produced", Value = value } },
        Note = $"{value} t from the weighbridge log.",
    };

    private Task<long> UpdatesStoredAsync(string pilotId, string key) => api.Cluster.Postgres.ScalarAsync<long>(
        "SELECT count(*) FROM entity_event WHERE entity_type = 'pilot' AND entity_id = @id AND idempotency_key = @key", ("id", pilotId), ("key", key));

    [Fact]
    public async Task The_same_key_twice_returns_the_first_receipt_and_stores_nothing_new()
    {
        var (pilotId, partner) = await PilotAsync();
        var update = Update(pilotId, "2025-01", 40);

        var first = await partner.Submissions.SubmitUpdateAsync(update);
        var again = await partner.Submissions.SubmitUpdateAsync(update);

        Assert.False(first.Replayed);
        Assert.True(again.Replayed);
        Assert.Equal(first.Sequence, again.Sequence);
        Assert.Equal(first.Readings, again.Readings);
        Assert.Equal(1, await UpdatesStoredAsync(pilotId, update.IdempotencyKey));
        Assert.Equal(1, await api.Cluster.StoredReadingsAsync($"pilots/{pilotId}"));
    }

    [Fact]
    public async Task The_same_key_with_another_body_is_refused()
    {
        var (pilotId, partner) = await PilotAsync();
        var update = Update(pilotId, "2025-01", 40);
        await partner.Submissions.SubmitUpdateAsync(update);

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            partner.Submissions.SubmitUpdateAsync(Update(pilotId, "2025-01", 41, update.IdempotencyKey)).ResponseAsync);

        Assert.Equal(StatusCode.AlreadyExists, error.StatusCode);
        Assert.Equal(1, await UpdatesStoredAsync(pilotId, update.IdempotencyKey));
    }

    // An admin deciding in place of the partnership's offices says why.
    private const string AdminReason = "Approved by the platform admin for the test.";

    [Fact]
    public async Task A_hundred_concurrent_retries_of_one_key_store_exactly_one_update()
    {
        var (pilotId, partner) = await PilotAsync();
        var update = Update(pilotId, "2025-02", 55);

        var receipts = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => partner.Submissions.SubmitUpdateAsync(update).ResponseAsync));

        Assert.Equal(1, await UpdatesStoredAsync(pilotId, update.IdempotencyKey));
        Assert.Equal(1, await api.Cluster.StoredReadingsAsync($"pilots/{pilotId}"));
        Assert.Single(receipts, r => !r.Replayed);
        Assert.Single(receipts.Select(r => r.Sequence).Distinct());
    }

    [Fact]
    public async Task A_retry_after_reactivation_is_answered_from_the_journal_even_once_the_period_is_locked()
    {
        var (pilotId, partner) = await PilotAsync();
        var update = Update(pilotId, "2025-03", 60);
        var first = await partner.Submissions.SubmitUpdateAsync(update);
        await api.Reviews.ApprovePeriodAsync(new() { PilotId = pilotId, Period = "2025-03", Comment = AdminReason });
        await api.Cluster.Client.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);

        var again = await partner.Submissions.SubmitUpdateAsync(update);

        Assert.True(again.Replayed);
        Assert.Equal(first.Sequence, again.Sequence);
        Assert.Equal(1, await UpdatesStoredAsync(pilotId, update.IdempotencyKey));
    }

    [Fact]
    public async Task Concurrent_updates_to_one_pilot_all_land_in_order()
    {
        var (pilotId, partner) = await PilotAsync();

        var receipts = await Task.WhenAll(Enumerable.Range(1, 40).Select(i =>
            partner.Submissions.SubmitUpdateAsync(Update(pilotId, $"2024-{(i % 12) + 1:D2}", i)).ResponseAsync));

        Assert.Equal(40, receipts.Select(r => r.Sequence).Distinct().Count());
        Assert.Equal(40, await api.Cluster.StoredReadingsAsync($"pilots/{pilotId}"));
        var pilot = await api.Pilots.GetPilotAsync(new() { PilotId = pilotId });
        Assert.Equal(40, pilot.ReadingCount);
        Assert.Equal(12, pilot.Reporting.Count(p => p.Status == Proto.ReviewStatus.Submitted));
    }

    [Fact]
    public async Task An_approved_period_is_locked_until_a_reviewer_reopens_it()
    {
        var (pilotId, partner) = await PilotAsync();
        await partner.Submissions.SubmitUpdateAsync(Update(pilotId, "2025-04", 70));
        var returned = await api.Reviews.ReturnPeriodAsync(new() { PilotId = pilotId, Period = "2025-04", Comment = "The weighbridge log says 72." });
        await partner.Submissions.SubmitUpdateAsync(Update(pilotId, "2025-04", 72));

        var approved = await api.Reviews.ApprovePeriodAsync(new() { PilotId = pilotId, Period = "2025-04", Comment = AdminReason });
        var byUpdate = await Assert.ThrowsAsync<RpcException>(() => partner.Submissions.SubmitUpdateAsync(Update(pilotId, "2025-04", 73)).ResponseAsync);
        var byReading = await Assert.ThrowsAsync<RpcException>(() => api.Kpis.RecordKpiReadingsAsync(Requests.Reading(pilotId, "2025-04", 73)).ResponseAsync);
        var reopened = await api.Reviews.ReopenPeriodAsync(new() { PilotId = pilotId, Period = "2025-04", Comment = "The partner found a second truck." });
        var accepted = await partner.Submissions.SubmitUpdateAsync(Update(pilotId, "2025-04", 80));

        Assert.Equal(Proto.ReviewStatus.Returned, returned.Status);
        Assert.Equal("The weighbridge log says 72.", returned.Comment);
        Assert.Equal(Proto.ReviewStatus.Approved, approved.Status);
        Assert.Equal(72, Assert.Single(approved.ApprovedReadings).Value);
        Assert.Equal(StatusCode.FailedPrecondition, byUpdate.StatusCode);
        Assert.Equal(StatusCode.FailedPrecondition, byReading.StatusCode);
        Assert.Equal(Proto.ReviewStatus.Open, reopened.Status);
        Assert.Equal(80, Assert.Single(accepted.Readings).Value);
        var period = (await api.Reviews.ListReportingPeriodsAsync(new() { PilotId = pilotId })).Periods.Single(p => p.Period == "2025-04");
        Assert.Equal(Proto.ReviewStatus.Submitted, period.Status);
        Assert.Equal(3, period.Submissions);
        // A correction supersedes, never overwrites: all three readings of April are in the history.
        Assert.Equal(3, await api.Cluster.StoredReadingsAsync($"pilots/{pilotId}"));
    }

    [Fact]
    public async Task Approved_figures_count_only_what_was_approved()
    {
        var (pilotId, partner) = await PilotAsync();
        await partner.Submissions.SubmitUpdateAsync(Update(pilotId, "2025-05", 100));
        await partner.Submissions.SubmitUpdateAsync(Update(pilotId, "2025-06", 200));
        await api.Reviews.ApprovePeriodAsync(new() { PilotId = pilotId, Period = "2025-05", Comment = AdminReason });
        await api.Reviews.ReopenPeriodAsync(new() { PilotId = pilotId, Period = "2025-05", Comment = "Recount." });
        await partner.Submissions.SubmitUpdateAsync(Update(pilotId, "2025-05", 150));

        var all = await api.Pilots.GetPilotAsync(new() { PilotId = pilotId });
        var approved = await api.Pilots.GetPilotAsync(new() { PilotId = pilotId, Figures = Proto.Figures.Approved });
        var series = await api.Kpis.GetKpiSeriesAsync(new() { Subject = $"pilots/{pilotId}", KpiCode = "compost-produced", Figures = Proto.Figures.Approved });

        Assert.Equal(350, all.Kpis.Single().Progress.CurrentValue);
        // The reopened May keeps its last approved figure until approved again; June was never approved.
        Assert.Equal(100, approved.Kpis.Single().Progress.CurrentValue);
        Assert.Equal(Proto.Figures.Approved, approved.Figures);
        Assert.Equal(["2025-05 100"], series.Periods.Select(p => $"{p.Period} {p.Value}"));
    }

    [Fact]
    public async Task Updates_report_milestones_and_late_ones_are_flagged()
    {
        var (pilotId, partner) = await PilotAsync();
        await api.Pilots.AddMilestoneAsync(new() { PilotId = pilotId, MilestoneId = "plant", Title = new() { En = "Plant built" }, PlannedDate = "2025-03-31" });
        var update = Update(pilotId, "2025-03", 40);
        update.Milestones.Add(new Proto.MilestoneReport { MilestoneId = "plant", Status = Proto.MilestoneStatus.Done, ActualDate = "2025-03-28" });

        var receipt = await partner.Submissions.SubmitUpdateAsync(update);
        var pilot = await api.Pilots.GetPilotAsync(new() { PilotId = pilotId });
        var progress = await api.Partnerships.GetPartnershipProgressAsync(new() { PartnershipId = pilot.PartnershipId });

        // March 2025's window closed on 15 April 2025.
        Assert.True(receipt.Late);
        Assert.Equal(Proto.MilestoneStatus.Done, pilot.Milestones.Single().Status);
        var march = pilot.Reporting.Single(p => p.Period == "2025-03");
        Assert.True(march.Late);
        Assert.Equal("2025-04-15", march.WindowClosesOn);
        Assert.Equal(1, progress.Pilots.Single(p => p.PilotId == pilotId).Reporting.Late);
    }

    [Fact]
    public async Task An_update_in_its_window_is_on_time_and_one_before_it_opens_is_refused()
    {
        var world = await api.CreateWorldAsync();
        var programmeId = Ids.New("programme");
        var programme = Requests.Programme(programmeId, world.PartnershipId);
        programme.SubmissionWindowDays = 120;
        await api.Programmes.CreateProgrammeAsync(programme);
        var pilot = Requests.Pilot(Ids.New("pilot"), world with { ProgrammeId = programmeId });
        await api.Pilots.CreatePilotAsync(pilot);
        await api.Kpis.DefineKpiAsync(Requests.Kpi(pilot.PilotId));
        var lastMonth = DateTime.UtcNow.AddMonths(-1).ToString("yyyy-MM");
        var thisMonth = DateTime.UtcNow.ToString("yyyy-MM");

        var onTime = await api.Submissions.SubmitUpdateAsync(Update(pilot.PilotId, lastMonth, 10));
        var early = await Assert.ThrowsAsync<RpcException>(() => api.Submissions.SubmitUpdateAsync(Update(pilot.PilotId, thisMonth, 10)).ResponseAsync);

        Assert.False(onTime.Late);
        Assert.Equal(StatusCode.FailedPrecondition, early.StatusCode);
    }

    [Fact]
    public async Task The_idempotency_key_may_come_as_an_http_header()
    {
        var (pilotId, _) = await PilotAsync();
        var body = """{"period":"2025-07","readings":[{"kpiCode":"compost-produced","value":12}]}""";

        async Task<string> PostAsync()
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/v1/pilots/{pilotId}/updates") { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
            request.Headers.Add("Idempotency-Key", "header-key-1");
            using var response = await api.Http.SendAsync(request);
            response.EnsureSuccessStatusCode();
            return await response.Content.ReadAsStringAsync();
        }

        var first = await PostAsync();
        var second = await PostAsync();

        Assert.Contains("\"replayed\":true", second);
        Assert.DoesNotContain("\"replayed\":true", first);
        Assert.Equal(1, await UpdatesStoredAsync(pilotId, "header-key-1"));
    }
}
