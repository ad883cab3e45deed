using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Cooperation.Contracts.Access;
using Cooperation.Contracts.Telemetry;
using Cooperation.ServiceDefaults;
using Cooperation.Contracts.Hosting;
using Cooperation.Tests.Support;
using Grpc.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Proto = Cooperation.Contracts.Grpc;

namespace Cooperation.Tests.Telemetry;

/// <summary>
/// What an operator sees of a gateway and a silo on PostgreSQL: one trace per request from the
/// gateway through the grains to the SQL, metrics on the management port, health probes and the
/// Orleans dashboard for admins.
/// </summary>
public sealed partial class TelemetryTests(ObservedPlatform platform) : IClassFixture<ObservedPlatform>
{
    private static readonly HttpClient Http = new();

    private async Task<(string PilotId, string AgencyId, string PartnerKey)> PilotAsync()
    {
        var admin = platform.As(platform.AdminKey);
        var world = await admin.CreateWorldAsync();
        var pilotId = await admin.CreatePilotWithKpiAsync(world);
        return (pilotId, world.AgencyId, await platform.IssueKeyAsync(world.AgencyId, Role.PartnerAgency));
    }

    private static Proto.SubmitUpdateRequest Update(string pilotId, string period) => new()
    {
        PilotId = pilotId,
        IdempotencyKey = Guid.NewGuid().ToString(),
        Period = period,
        Readings = { new Proto.KpiReadingInput { KpiCode = "compost-produced", Value = 42 } },
    };

    [Fact]
    public async Task A_partners_update_is_one_trace_from_the_gateway_through_the_grain_to_the_sql()
    {
        var (pilotId, agencyId, partnerKey) = await PilotAsync();

        await platform.As(partnerKey).Submissions.SubmitUpdateAsync(Update(pilotId, "2025-01"));

        // The server's span ends once the answer is sent, a moment after the client has it.
        var request = await EventuallyAsync(() => platform.Spans.FirstOrDefault(span =>
            span.Source.Name == "Microsoft.AspNetCore" && span.Kind == ActivityKind.Server
            && (span.GetTagItem("url.path") as string)?.EndsWith("/SubmitUpdate", StringComparison.Ordinal) == true
            && span.GetTagItem(PlatformTelemetry.OrganisationTag) as string == agencyId));
        var trace = platform.Spans.Where(span => span.TraceId == request.TraceId).ToList();

        Assert.Equal("PartnerAgency", request.GetTagItem(PlatformTelemetry.RoleTag));
        var grainCall = Assert.Single(trace, span => span.Source.Name == "Microsoft.Orleans.Application"
            && span.Kind == ActivityKind.Server && (span.GetTagItem("rpc.method") as string)?.EndsWith("/SubmitUpdate", StringComparison.Ordinal) == true);
        Assert.Equal(agencyId, grainCall.GetTagItem(PlatformTelemetry.OrganisationTag));
        Assert.EndsWith("/" + pilotId, grainCall.GetTagItem(PlatformTelemetry.EntityTag) as string);
        Assert.Contains(trace, span => span.Source.Name == "Microsoft.Orleans.Application" && span.Kind == ActivityKind.Client);
        var commit = Assert.Single(trace, span => span.Source.Name == PlatformTelemetry.Name && span.DisplayName == "journal commit");
        Assert.Contains(trace, span => span.Source.Name == "Npgsql" && span.ParentSpanId == commit.SpanId
            && (span.GetTagItem("db.query.text") ?? span.GetTagItem("db.statement")) is string sql && sql.Contains("INSERT INTO entity_event", StringComparison.Ordinal));
        // Who called, never with what: no span carries the key.
        Assert.DoesNotContain(trace, span => span.TagObjects.Any(tag => tag.Value is string text && text.Contains(partnerKey, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Metrics_answer_on_the_management_port_only_with_updates_accepted_and_refused_and_orleans_instruments()
    {
        var (pilotId, _, partnerKey) = await PilotAsync();
        var partner = platform.As(partnerKey);
        var before = await ScrapeAsync();

        await partner.Submissions.SubmitUpdateAsync(Update(pilotId, "2025-02"));
        var refused = await Assert.ThrowsAsync<RpcException>(() => partner.Submissions.SubmitUpdateAsync(Update(pilotId, "2999-01")).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, refused.StatusCode);
        var after = await ScrapeAsync();

        Assert.True(Sum(after, "cooperation_updates_accepted_total") > Sum(before, "cooperation_updates_accepted_total"), after);
        Assert.True(Sum(after, "cooperation_updates_refused_total", "reason=\"rule\"") > Sum(before, "cooperation_updates_refused_total", "reason=\"rule\""), after);
        Assert.Contains("# TYPE cooperation_updates_accepted_total counter", after, StringComparison.Ordinal);
        Assert.True(Sum(after, "cooperation_journal_commit_duration_seconds_count") > 0, after);
        Assert.True(Sum(after, "cooperation_journal_batch_size_count") > 0, after);
        // The whole scrape on failure: this failed once in a full run (Orleans' series missing).
        Assert.True(Regex.IsMatch(after, @"^orleans_\w+", RegexOptions.Multiline), after);
        // Not on the public port: a scraper needs no key, so the port it reads is the management one.
        using var open = await Http.GetAsync(new Uri(platform.Http, ManagementEndpoint.MetricsPath));
        Assert.Equal(HttpStatusCode.NotFound, open.StatusCode);
    }

    [Fact]
    public async Task Liveness_and_readiness_answer_on_every_port_with_the_cluster_and_the_database_checked()
    {
        foreach (var host in (Uri[])[platform.Http, platform.Management])
        {
            foreach (var path in (string[])[HostServiceDefaults.LivePath, HostServiceDefaults.ReadyPath, HostServiceDefaults.LegacyHealthPath])
            {
                using var answer = await Http.GetAsync(new Uri(host, path));
                Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
                Assert.Equal("Healthy", await answer.Content.ReadAsStringAsync());
            }
        }
    }

    [Fact]
    public async Task A_host_is_not_ready_once_the_database_is_unreachable()
    {
        // A worker-like client host of the platform whose database connection goes through a relay the test cuts.
        var direct = new NpgsqlConnectionStringBuilder(platform.Postgres.ConnectionString);
        await using var relay = new LoopbackRelay(direct.Port);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Test" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Cooperation"] = new NpgsqlConnectionStringBuilder(direct.ConnectionString) { Port = relay.Port }.ConnectionString,
            ["Orleans:ClusterId"] = platform.ClusterId,
            ["Orleans:ServiceId"] = platform.ClusterId,
        });
        builder.Logging.SetMinimumLevel(LogLevel.Critical);
        builder.AddServiceDefaults();
        builder.AddClusterClient();
        using var host = builder.Build();
        await host.StartAsync();
        var health = host.Services.GetRequiredService<HealthCheckService>();

        var before = await health.CheckHealthAsync();
        relay.Cut();
        var after = await health.CheckHealthAsync();

        Assert.Equal(HealthStatus.Healthy, before.Status);
        Assert.Equal(HealthStatus.Unhealthy, after.Status);
        Assert.Equal(HealthStatus.Unhealthy, after.Entries["database"].Status);
        await host.StopAsync();
    }

    [Fact]
    public async Task The_orleans_dashboard_is_for_admins_only()
    {
        var (_, _, partnerKey) = await PilotAsync();
        var page = new Uri(platform.Http, "/orleans/");

        using var anonymous = await Http.GetAsync(page);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("Basic", anonymous.Headers.WwwAuthenticate.Single().Scheme);
        using var partner = await GetAsync(new Uri(platform.Http, "/orleans/ClusterStats"), partnerKey);
        Assert.Equal(HttpStatusCode.Forbidden, partner.StatusCode);
        // A browser sends the key as the password of Basic authentication.
        using var admin = await GetAsync(page, platform.AdminKey, basic: true);
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
        Assert.Contains("<html", await admin.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        using var stats = await GetAsync(new Uri(platform.Http, "/orleans/ClusterStats"), platform.AdminKey);
        Assert.Equal(HttpStatusCode.OK, stats.StatusCode);
    }

    private static async Task<HttpResponseMessage> GetAsync(Uri uri, string apiKey, bool basic = false)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        if (basic)
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("admin:" + apiKey)));
        else
            request.Headers.Add("x-api-key", apiKey);
        return await Http.SendAsync(request);
    }

    private Task<string> ScrapeAsync() => Http.GetStringAsync(new Uri(platform.Management, ManagementEndpoint.MetricsPath));

    /// <summary>The sum of the samples named <paramref name="name"/> whose labels hold <paramref name="label"/> (0 when there are none).</summary>
    private static double Sum(string scrape, string name, string label = "") => Sample().Matches(scrape)
        .Where(sample => sample.Groups["name"].Value == name && sample.Groups["labels"].Value.Contains(label, StringComparison.Ordinal))
        .Sum(sample => double.Parse(sample.Groups["value"].Value, CultureInfo.InvariantCulture));

    // name{labels} value [timestamp]
    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>[^\n]*)\})? (?<value>\S+)( \d+)?$", RegexOptions.Multiline)]
    private static partial Regex Sample();

    private static async Task<T> EventuallyAsync<T>(Func<T?> find) where T : class
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (find() is { } found)
                return found;
            await Task.Delay(50);
        }
        throw new Xunit.Sdk.XunitException("Not seen within 5 s.");
    }
}
