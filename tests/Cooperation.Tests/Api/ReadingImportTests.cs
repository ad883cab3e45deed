using Cooperation.Contracts.Access;
using Cooperation.Tests.Support;
using Google.Rpc;
using Grpc.Core;
using Proto = Cooperation.Contracts.Grpc;

namespace Cooperation.Tests.Api;

/// <summary>CSV files of readings over gRPC: stored whole or row by row, once per key, and refused with row numbers.</summary>
[Collection(ApiCollection.Name)]
public sealed class ReadingImportTests(ApiFixture api)
{
    private const string Header = "pilot_id,kpi_code,period,value,note";

    /// <summary>Two pilots of one partner, and the partner's client.</summary>
    private async Task<(string First, string Second, ApiClients Partner)> PilotsAsync()
    {
        var world = await api.CreateWorldAsync();
        var first = await api.CreatePilotWithKpiAsync(world);
        var second = await api.CreatePilotWithKpiAsync(world);
        return (first, second, api.As(await api.IssueKeyAsync(world.AgencyId, Role.PartnerAgency)));
    }

    private static Proto.ImportReadingsRequest Import(string csv, Proto.ImportMode mode = Proto.ImportMode.AllOrNothing) =>
        new() { Csv = csv, IdempotencyKey = Guid.NewGuid().ToString(), Mode = mode };

    private async Task<long> StoredAsync(params string[] pilotIds)
    {
        var total = 0L;
        foreach (var id in pilotIds)
            total += await api.Cluster.StoredReadingsAsync($"pilots/{id}");
        return total;
    }

    [Fact]
    public async Task A_good_file_is_stored_as_one_update_per_pilot_and_period()
    {
        var (first, second, partner) = await PilotsAsync();
        var csv = $"""
            {Header}
            {first},compost-produced,2025-01,10,weighbridge
            {first},compost-produced,2025-02,12,
            {second},compost-produced,2025-01,"7.5","from the ""B"" site"
            """;

        var result = await partner.Submissions.ImportReadingsAsync(Import(csv));

        Assert.True(result.Stored);
        Assert.Equal((3, 3), (result.Rows, result.RowsAccepted));
        Assert.Equal([$"{first} 2025-01", $"{first} 2025-02", $"{second} 2025-01"],
            result.Periods.Select(p => $"{p.PilotId} {p.Period}").Order());
        var series = await partner.Kpis.GetKpiSeriesAsync(new() { Subject = $"pilots/{second}", KpiCode = "compost-produced" });
        Assert.Equal((7.5, "from the \"B\" site"), (series.Periods.Single().Value, series.Periods.Single().Note));
        var periods = await partner.Reviews.ListReportingPeriodsAsync(new() { PilotId = first });
        Assert.All(periods.Periods.Where(p => p.Period is "2025-01" or "2025-02"), p => Assert.Equal(Proto.ReviewStatus.Submitted, p.Status));
        var history = await partner.Audit.GetHistoryAsync(new() { Entity = $"pilots/{first}", PageSize = 2 });
        Assert.All(history.Events, e => Assert.Equal("pilot.update-submitted", e.Kind));
    }

    [Fact]
    public async Task One_bad_row_stores_nothing_and_every_bad_row_is_named()
    {
        var (first, second, partner) = await PilotsAsync();
        var csv = $"""
            {Header}
            {first},compost-produced,2025-01,10,
            {second},compost-produced,2025-01,lots,
            {second},unknown-kpi,2025-01,1,
            {first},compost-produced,2025-13,1,
            """;

        var refused = await Assert.ThrowsAsync<RpcException>(() => partner.Submissions.ImportReadingsAsync(Import(csv)).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Equal(["rows[3].value", "rows[4].kpi_code", "rows[5].period"], refused.GetRpcStatus()!.GetDetail<BadRequest>()!.FieldViolations.Select(v => v.Field));
        Assert.Equal(0, await StoredAsync(first, second));
    }

    [Fact]
    public async Task Row_by_row_stores_the_good_rows_and_lists_the_others()
    {
        var (first, second, partner) = await PilotsAsync();
        var csv = $"""
            {Header}
            {first},compost-produced,2025-01,10,
            {second},no-such-kpi,2025-01,5,
            {second},compost-produced,2025-02,5,
            """;

        var result = await partner.Submissions.ImportReadingsAsync(Import(csv, Proto.ImportMode.RowByRow));

        Assert.True(result.Stored);
        Assert.Equal((3, 2), (result.Rows, result.RowsAccepted));
        Assert.Equal((3, "kpi_code"), (result.Rejections.Single().Row, result.Rejections.Single().Column));
        Assert.Equal(2, await StoredAsync(first, second));
    }

    [Fact]
    public async Task A_retry_returns_the_first_result_and_another_file_under_the_key_is_refused()
    {
        var (first, _, partner) = await PilotsAsync();
        var request = Import($"{Header}\n{first},compost-produced,2025-03,30,\n");

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => partner.Submissions.ImportReadingsAsync(request).ResponseAsync));
        var other = request.Clone();
        other.Csv = $"{Header}\n{first},compost-produced,2025-03,31,\n";
        var reused = await Assert.ThrowsAsync<RpcException>(() => partner.Submissions.ImportReadingsAsync(other).ResponseAsync);

        Assert.Single(results, r => !r.Replayed);
        Assert.All(results, r => Assert.Equal(results[0].StoredAt, r.StoredAt));
        Assert.Equal(1, await StoredAsync(first));
        Assert.Equal(StatusCode.AlreadyExists, reused.StatusCode);
    }

    [Fact]
    public async Task Checking_only_stores_nothing_and_a_locked_period_is_refused_per_row()
    {
        var (first, _, partner) = await PilotsAsync();
        await partner.Submissions.ImportReadingsAsync(Import($"{Header}\n{first},compost-produced,2025-04,40,\n"));
        await api.Reviews.ApprovePeriodAsync(new() { PilotId = first, Period = "2025-04", Comment = "Approved by the platform admin for the test." });

        var check = Import($"{Header}\n{first},compost-produced,2025-04,41,\n{first},compost-produced,2025-05,50,\n");
        check.ValidateOnly = true;
        check.IdempotencyKey = "";
        var result = await partner.Submissions.ImportReadingsAsync(check);

        Assert.False(result.Stored);
        Assert.Equal((2, "period"), (result.Rejections.Single().Row, result.Rejections.Single().Column));
        Assert.Contains("locked", result.Rejections.Single().Reason);
        Assert.Equal(1, await StoredAsync(first));
    }

    [Fact]
    public async Task A_file_naming_a_pilot_the_partner_does_not_take_part_in_is_denied_whole()
    {
        var (first, _, partner) = await PilotsAsync();
        var foreign = await api.CreatePilotWithKpiAsync(await api.CreateWorldAsync());

        var denied = await Assert.ThrowsAsync<RpcException>(() => partner.Submissions.ImportReadingsAsync(
            Import($"{Header}\n{first},compost-produced,2025-01,1,\n{foreign},compost-produced,2025-01,1,\n")).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);
        Assert.Equal(0, await StoredAsync(first, foreign));
    }

    [Fact]
    public async Task A_pilot_template_filled_in_imports_and_a_kind_template_lists_its_kpis()
    {
        var (first, _, partner) = await PilotsAsync();
        var template = await partner.Submissions.GetReadingsTemplateAsync(new() { PilotId = first });
        var kindTemplate = await partner.Submissions.GetReadingsTemplateAsync(new() { Kind = Proto.PilotKind.JcmEquipment });

        var lines = template.Csv.TrimEnd().Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        Assert.Equal("pilot_id,kpi_code,period,value,numerator,denominator,breakdown,note", lines[0]);
        var filled = string.Join("\n", lines.Select((l, i) => i == 0 ? l : l.Replace($",{l.Split(',')[2]},,", $",{l.Split(',')[2]},42,")));
        var result = await partner.Submissions.ImportReadingsAsync(new() { Csv = filled, IdempotencyKey = Guid.NewGuid().ToString() });

        Assert.Equal(lines.Length - 1, result.RowsAccepted);
        Assert.EndsWith(".csv", template.FileName);
        Assert.DoesNotContain("emission-reductions", kindTemplate.Csv);
        Assert.Contains("your-pilot-id,energy-consumption,YYYY-MM", kindTemplate.Csv);
    }

    [Fact]
    public async Task Imports_racing_updates_on_one_pilot_each_land_whole_or_are_cleanly_refused()
    {
        var (first, _, partner) = await PilotsAsync();
        var imports = Enumerable.Range(1, 6).Select(async month =>
        {
            var csv = $"{Header}\n{first},compost-produced,2023-{month:D2},{month},\n{first},compost-produced,2022-{month:D2},{month},\n";
            var request = Import(csv);
            return await Outcome(() => partner.Submissions.ImportReadingsAsync(request).ResponseAsync, 2);
        });
        var updates = Enumerable.Range(1, 12).Select(month =>
        {
            var request = new Proto.SubmitUpdateRequest
            {
                PilotId = first, IdempotencyKey = Guid.NewGuid().ToString(), Period = $"2024-{month:D2}",
                Readings = { new Proto.KpiReadingInput { KpiCode = "compost-produced", Value = month } },
            };
            return Outcome(() => partner.Submissions.SubmitUpdateAsync(request).ResponseAsync, 1);
        });

        var landed = (await Task.WhenAll(imports.Concat(updates))).Sum();

        Assert.Equal(landed, await StoredAsync(first));
        Assert.Equal(landed, (await partner.Pilots.GetPilotAsync(new() { PilotId = first })).ReadingCount);
    }

    [Fact]
    public async Task Files_and_templates_travel_as_json_too()
    {
        var (first, _, _) = await PilotsAsync();
        using var template = await api.Http.GetAsync($"/v1/readings/template?pilotId={first}");
        var csv = $"{Header}\n{first},compost-produced,2025-08,8,\n".Replace("\n", "\\n");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/readings:import")
        {
            Content = new StringContent($$"""{"mode":"IMPORT_MODE_ROW_BY_ROW","csv":"{{csv}}"}""", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        using var imported = await api.Http.SendAsync(request);

        Assert.Contains("compost-produced", await template.Content.ReadAsStringAsync());
        Assert.Contains("\"rowsAccepted\":1", await imported.Content.ReadAsStringAsync());
        Assert.Equal(1, await StoredAsync(first));
    }

    /// <summary>
    /// Readings a call stored: all of them, or none when it was refused as a concurrent change. An
    /// Unavailable answer (a loaded machine's cluster turning calls away) is retried under the same
    /// idempotency key, as the API asks clients to: the call then lands once or is refused.
    /// </summary>
    private static async Task<int> Outcome<T>(Func<Task<T>> call, int readings)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await call();
                return readings;
            }
            catch (RpcException refused) when (refused.StatusCode == StatusCode.Aborted)
            {
                return 0;
            }
            catch (RpcException busy) when (busy.StatusCode == StatusCode.Unavailable && attempt < 10)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt));
            }
        }
    }
}
