using Cooperation.Gateway.Hosting;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Proto = Cooperation.Contracts.Grpc;

namespace Cooperation.Tests.Support;

/// <summary>
/// The gateway's real API (services, interceptor, transcoding, health) in an in-process test
/// server, calling a two-silo test cluster.
/// </summary>
public sealed class ApiFixture : IAsyncLifetime
{
    private readonly TestClusterFixture _cluster = new();
    private WebApplication _app = null!;

    /// <summary>A gRPC channel to the test server.</summary>
    public GrpcChannel Channel { get; private set; } = null!;

    /// <summary>An HTTP client for the JSON routes.</summary>
    public HttpClient Http { get; private set; } = null!;

    /// <summary>Pilot service client.</summary>
    public Proto.PilotService.PilotServiceClient Pilots => new(Channel);

    /// <summary>Partnership service client.</summary>
    public Proto.PartnershipService.PartnershipServiceClient Partnerships => new(Channel);

    /// <summary>Creates a partnership with a pilot that has the sample KPI "compost-produced".</summary>
    public async Task<(string PartnershipId, string PilotId)> CreatePilotWithKpiAsync()
    {
        var partnershipId = Ids.New("partnership");
        var pilotId = Ids.New("pilot");
        await Partnerships.CreatePartnershipAsync(Requests.Partnership(partnershipId));
        await Pilots.CreatePilotAsync(Requests.Pilot(pilotId, partnershipId));
        await Pilots.DefineKpiAsync(Requests.Kpi(pilotId));
        return (partnershipId, pilotId);
    }

    /// <inheritdoc/>
    public async Task InitializeAsync()
    {
        await _cluster.InitializeAsync();
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton<IGrainFactory>(_cluster.Client);
        builder.Services.AddCooperationApi();
        _app = builder.Build();
        _app.MapCooperationApi();
        await _app.StartAsync();

        var server = _app.GetTestServer();
        Channel = GrpcChannel.ForAddress(server.BaseAddress, new GrpcChannelOptions { HttpHandler = server.CreateHandler() });
        Http = server.CreateClient();
    }

    /// <inheritdoc/>
    public async Task DisposeAsync()
    {
        Channel.Dispose();
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        await _cluster.DisposeAsync();
    }
}

/// <summary>Tests that share one <see cref="ApiFixture"/>.</summary>
[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<ApiFixture>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "api";
}
