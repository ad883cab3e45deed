using System.Collections.Concurrent;
using System.Diagnostics;
using Cooperation.Contracts.Access;
using Cooperation.Contracts.Hosting;
using Cooperation.Gateway.Hosting;
using Cooperation.ServiceDefaults;
using Cooperation.Tests.Support;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Trace;

namespace Cooperation.Tests.Telemetry;

/// <summary>
/// A silo and a gateway as their programs put them together (service defaults, cluster client,
/// dashboard), the gateway on real loopback ports (gRPC over HTTP/2, JSON, management), on a
/// throw-away database; and, in this process where both run, a tracer provider with the
/// platform's instrumentation collecting every span that ends.
/// </summary>
public sealed class ObservedPlatform : IAsyncLifetime
{
    private readonly PostgresFixture _postgres = new();
    private TracerProvider _tracing = null!;
    private IHost _silo = null!;
    private WebApplication _gateway = null!;

    /// <summary>Spans ended since the platform started (of every test running in this process).</summary>
    public ConcurrentQueue<Activity> Spans { get; } = new();

    /// <summary>The gateway's gRPC address (HTTP/2 without TLS).</summary>
    public Uri Grpc { get; } = Loopback(Ports.Free());

    /// <summary>The gateway's public HTTP/1.1 address.</summary>
    public Uri Http { get; } = Loopback(Ports.Free());

    /// <summary>The gateway's management address.</summary>
    public Uri Management { get; } = Loopback(Ports.Free());

    /// <summary>The platform admin's key.</summary>
    public string AdminKey { get; private set; } = "";

    /// <summary>The cluster's id (and service id).</summary>
    public string ClusterId { get; } = Ids.New("observed");

    /// <summary>The platform's database.</summary>
    public PostgresFixture Postgres => _postgres;

    /// <inheritdoc/>
    public async Task InitializeAsync()
    {
        await _postgres.InitializeAsync();
        _tracing = Sdk.CreateTracerProviderBuilder()
            .AddCooperationInstrumentation()
            .AddProcessor(new SpanCollector(Spans))
            .Build();
        _silo = await PlatformHosts.StartSiloAsync(_postgres.ConnectionString, ClusterId);

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Test" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Cooperation"] = _postgres.ConnectionString,
            ["Orleans:ClusterId"] = ClusterId,
            ["Orleans:ServiceId"] = ClusterId,
            ["Kestrel:Endpoints:Grpc:Url"] = Grpc.ToString(),
            ["Kestrel:Endpoints:Grpc:Protocols"] = "Http2",
            ["Kestrel:Endpoints:Http:Url"] = Http.ToString(),
            ["Kestrel:Endpoints:Http:Protocols"] = "Http1",
            ["Kestrel:Endpoints:Management:Url"] = Management.ToString(),
            ["Kestrel:Endpoints:Management:Protocols"] = "Http1",
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        // As the gateway's Program.
        builder.AddServiceDefaults();
        builder.AddClusterClient();
        builder.AddClusterDashboard();
        builder.Services.AddCooperationApi(builder.Configuration);
        _gateway = builder.Build();
        _gateway.UseCooperationApi();
        _gateway.MapClusterDashboard();
        _gateway.MapServiceDefaults();
        await _gateway.StartAsync();
        AdminKey = await IssueKeyAsync("platform", Role.Admin);
    }

    /// <summary>A new key for <paramref name="organisationId"/> in <paramref name="role"/>.</summary>
    public Task<string> IssueKeyAsync(string organisationId, Role role) => TestKeys.IssueAsync(_gateway, organisationId, role);

    /// <summary>Clients of the gateway's gRPC endpoint (real HTTP/2) acting with <paramref name="apiKey"/>.</summary>
    public ApiClients As(string apiKey) => new(GrpcChannel.ForAddress(Grpc,
        new GrpcChannelOptions { HttpHandler = new ApiKeyHandler(apiKey, new SocketsHttpHandler()) }));

    /// <inheritdoc/>
    public async Task DisposeAsync()
    {
        await _gateway.StopAsync();
        await _gateway.DisposeAsync();
        await _silo.StopAsync();
        _silo.Dispose();
        _tracing.Dispose();
        await _postgres.DisposeAsync();
    }

    private static Uri Loopback(int port) => new($"http://127.0.0.1:{port}");

    /// <summary>Keeps every span as it ends: the in-memory end of the tracer provider.</summary>
    private sealed class SpanCollector(ConcurrentQueue<Activity> spans) : BaseProcessor<Activity>
    {
        public override void OnEnd(Activity data) => spans.Enqueue(data);
    }
}
