using System.Diagnostics.Metrics;
using Cooperation.Contracts.Common;
using Cooperation.Contracts.Telemetry;
using Cooperation.ServiceDefaults;
using Microsoft.Extensions.Configuration;

namespace Cooperation.Tests.Fast.Telemetry;

/// <summary>The plain rules of telemetry: refusal reasons, where /metrics is served, what is not traced.</summary>
public sealed class TelemetryRulesTests
{
    public static TheoryData<Exception, string> Refusals => new()
    {
        { new AccessDeniedException("no"), "access_denied" },
        { new InvalidFieldException("period", "has not started yet"), "invalid_field" },
        { new RuleViolationException("locked"), "rule" },
        { new EntityNotFoundException("pilot", "p"), "not_found" },
        { new EntityExistsException("update with idempotency key", "k"), "exists" },
        { new ConcurrentChangeException("changed"), "conflict" },
        { new StorageUnavailableException("down"), "storage_unavailable" },
        { new InvalidOperationException("a bug"), "fault" },
        // Wrapped by Orleans or a task: the platform's exception inside decides.
        { new AggregateException(new RuleViolationException("locked")), "rule" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public void A_refusal_is_counted_under_the_kind_of_its_exception_not_its_message(Exception error, string reason) =>
        Assert.Equal(reason, PlatformMetrics.ReasonOf(error));

    [Fact]
    public void A_refused_update_is_recorded_with_its_reason()
    {
        var seen = new List<(long Value, string? Reason)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == PlatformTelemetry.Name && instrument.Name == "cooperation.updates.refused")
                l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "reason")
                    seen.Add((value, tag.Value as string));
            }
        });
        listener.Start();

        PlatformMetrics.UpdateRefused(new RuleViolationException("Period 2025-01 is approved and locked."));

        Assert.Contains((1L, "rule"), seen);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5084", 5084)]
    [InlineData("http://*:9090", 9090)]
    [InlineData("http://+:9091", 9091)]
    [InlineData("http://0.0.0.0:9092", 9092)]
    public void The_management_port_comes_from_its_kestrel_endpoint(string url, int port)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Kestrel:Endpoints:Management:Url"] = url })
            .Build();
        Assert.Equal(port, ManagementEndpoint.PortOf(configuration));
    }

    [Fact]
    public void Without_a_management_endpoint_there_is_no_metrics_port()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Kestrel:Endpoints:Http:Url"] = "http://127.0.0.1:5081" })
            .Build();
        Assert.Null(ManagementEndpoint.PortOf(configuration));
        Assert.Equal(5081, ManagementEndpoint.PortOf(configuration, "Http"));
    }

    [Theory]
    [InlineData("/health/live", true)]
    [InlineData("/health/ready", true)]
    [InlineData("/healthz", true)]
    [InlineData("/metrics", true)]
    [InlineData("/v1/pilots/hp-compost", false)]
    [InlineData("/cooperation.v1.SubmissionService/SubmitUpdate", false)]
    public void Probes_and_scrapes_are_not_traced(string path, bool probe) =>
        Assert.Equal(probe, HostServiceDefaults.IsProbe(path));

    [Fact]
    public void Every_host_exports_the_platform_orleans_aspnetcore_npgsql_and_runtime_meters()
    {
        foreach (var meter in (string[])[PlatformTelemetry.Name, "Microsoft.Orleans", "Microsoft.AspNetCore.Hosting", "Npgsql", "System.Runtime"])
            Assert.True(TelemetrySources.Exports(meter), meter);
        Assert.False(TelemetrySources.Exports("Some.Other.Library"));
    }
}
