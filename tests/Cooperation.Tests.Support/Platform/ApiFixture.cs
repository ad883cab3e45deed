using Cooperation.Contracts.Access;
using Cooperation.Gateway.Hosting;
using Cooperation.Reports;
using Cooperation.Worker.Reactions;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Proto = Cooperation.Contracts.Grpc;

namespace Cooperation.Tests.Support;

/// <summary>Clients of every service on one channel, and helpers that build worlds through them.</summary>
public class ApiClients
{
    /// <summary>Clients of a channel to an existing gateway.</summary>
    public ApiClients(GrpcChannel channel) => Channel = channel;

    /// <summary>Clients whose channel is set later.</summary>
    protected ApiClients() { }

    /// <summary>The gRPC channel.</summary>
    public GrpcChannel Channel { get; protected set; } = null!;

    /// <summary>Credential service client.</summary>
    public Proto.CredentialService.CredentialServiceClient Credentials => new(Channel);

    /// <summary>City service client.</summary>
    public Proto.CityService.CityServiceClient Cities => new(Channel);

    /// <summary>Organisation service client.</summary>
    public Proto.OrganisationService.OrganisationServiceClient Organisations => new(Channel);

    /// <summary>Partnership service client.</summary>
    public Proto.PartnershipService.PartnershipServiceClient Partnerships => new(Channel);

    /// <summary>Programme service client.</summary>
    public Proto.ProgrammeService.ProgrammeServiceClient Programmes => new(Channel);

    /// <summary>Pilot service client.</summary>
    public Proto.PilotService.PilotServiceClient Pilots => new(Channel);

    /// <summary>KPI service client.</summary>
    public Proto.KpiService.KpiServiceClient Kpis => new(Channel);

    /// <summary>JCM service client.</summary>
    public Proto.JcmService.JcmServiceClient Jcm => new(Channel);

    /// <summary>MoU service client.</summary>
    public Proto.MouService.MouServiceClient Mous => new(Channel);

    /// <summary>Submission service client.</summary>
    public Proto.SubmissionService.SubmissionServiceClient Submissions => new(Channel);

    /// <summary>Donors' reports.</summary>
    public Proto.ReportingService.ReportingServiceClient Reporting => new(Channel);

    /// <summary>Review service client.</summary>
    public Proto.ReviewService.ReviewServiceClient Reviews => new(Channel);

    /// <summary>Audit service client.</summary>
    public Proto.AuditService.AuditServiceClient Audit => new(Channel);

    /// <summary>Creates two cities, an agency, a donor, a partnership and its programme through the API.</summary>
    public async Task<ApiWorld> CreateWorldAsync()
    {
        var world = new ApiWorld(Ids.New("city"), Ids.New("city"), Ids.New("agency"), Ids.New("donor"), Ids.New("partnership"), Ids.New("programme"));
        await Cities.CreateCityAsync(Requests.City(world.FirstCityId));
        await Cities.CreateCityAsync(Requests.City(world.SecondCityId));
        await Organisations.CreateOrganisationAsync(Requests.Organisation(world.AgencyId, world.FirstCityId, Proto.OrganisationKind.PartnerAgency));
        await Organisations.CreateOrganisationAsync(Requests.Organisation(world.DonorId, world.SecondCityId, Proto.OrganisationKind.Donor));
        await Partnerships.CreatePartnershipAsync(Requests.Partnership(world.PartnershipId, world.FirstCityId, world.SecondCityId));
        await Programmes.CreateProgrammeAsync(Requests.Programme(world.ProgrammeId, world.PartnershipId));
        return world;
    }

    /// <summary>Creates a pilot of <paramref name="world"/> with the KPI "compost-produced".</summary>
    public async Task<string> CreatePilotWithKpiAsync(ApiWorld world)
    {
        var pilotId = Ids.New("pilot");
        await Pilots.CreatePilotAsync(Requests.Pilot(pilotId, world));
        await Kpis.DefineKpiAsync(Requests.Kpi(pilotId));
        return pilotId;
    }

}

/// <summary>
/// The gateway's real API (services, interceptor, transcoding, health) in an in-process test
/// server, calling a two-silo test cluster.
/// </summary>
public sealed class ApiFixture : ApiClients, IAsyncLifetime
{
    private readonly PostgresClusterFixture _cluster = new();
    private WebApplication _app = null!;

    /// <summary>The cluster behind the API, with its database.</summary>
    public PostgresClusterFixture Cluster => _cluster;

    /// <summary>The loopback port reports are mailed to; a test starts its SMTP sink there when it wants the mail.</summary>
    public int SmtpPort { get; } = Ports.Free();

    /// <summary>An HTTP client for the JSON routes.</summary>
    public HttpClient Http { get; private set; } = null!;

    /// <inheritdoc/>
    public async Task InitializeAsync()
    {
        await _cluster.InitializeAsync();
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton<IGrainFactory>(_cluster.Client);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Cooperation"] = _cluster.Postgres.ConnectionString,
            ["Reports:PollMilliseconds"] = "200",
            ["Reactions:PollMilliseconds"] = "100",
            // Other tests' report jobs (and their retries) share these workers.
            ["Reports:Workers"] = "4",
            ["Reports:RetryAttempts"] = "2",
            ["Reports:RetryDelaysSeconds:0"] = "1",
            ["Reports:Smtp:Port"] = SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            // Webhook targets as outside development, with the tests' loopback receivers on the operator's allow-list.
            ["Reports:Webhooks:AllowAnyTarget"] = "false",
            ["Reports:Webhooks:AllowedTargets:0"] = "127.0.0.1",
        });
        builder.Services.AddCooperationApi(builder.Configuration);
        // The worker's part in the same process: the jobs and the reactions to committed events.
        builder.Services.AddReportJobs(builder.Configuration);
        builder.Services.AddEventReactions(builder.Configuration);
        _app = builder.Build();
        _app.UseCooperationApi();
        await _app.StartAsync();

        AdminKey = await TestKeys.IssueAsync(_app, "platform", Role.Admin);
        Channel = ChannelFor(AdminKey);
        Http = new HttpClient(TestKeys.Handler(_app, AdminKey)) { BaseAddress = _app.GetTestServer().BaseAddress };
    }

    /// <summary>The gateway's services (e.g. Hangfire's job storage).</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>The platform admin key the fixture's own clients use.</summary>
    public string AdminKey { get; private set; } = "";

    /// <summary>A channel that sends <paramref name="apiKey"/> (none when null).</summary>
    public GrpcChannel ChannelFor(string? apiKey) => GrpcChannel.ForAddress(_app.GetTestServer().BaseAddress,
        new GrpcChannelOptions { HttpHandler = TestKeys.Handler(_app, apiKey) });

    /// <summary>Clients of every service acting with <paramref name="apiKey"/> (anonymous when null).</summary>
    public ApiClients As(string? apiKey) => new(ChannelFor(apiKey));

    /// <summary>A new key for <paramref name="organisationId"/> in <paramref name="role"/>.</summary>
    public Task<string> IssueKeyAsync(string organisationId, Role role) => TestKeys.IssueAsync(_app, organisationId, role);

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<Task<ApiClients>>> _reviewers = new();

    /// <summary>
    /// Clients of a city office of <paramref name="world"/>'s second city (made once per world):
    /// a reviewer of another organisation than the one that submitted, as four eyes require.
    /// </summary>
    public Task<ApiClients> ReviewerAsync(ApiWorld world) => _reviewers.GetOrAdd(world.PartnershipId, _ => new(async () =>
    {
        var office = Ids.New("office");
        await Organisations.CreateOrganisationAsync(Requests.Organisation(office, world.SecondCityId, Proto.OrganisationKind.CityDepartment));
        return As(await IssueKeyAsync(office, Role.CityOffice));
    })).Value;

    /// <summary>Clients of <paramref name="world"/>'s partner agency, which leads its pilots (made once per world).</summary>
    public Task<ApiClients> PartnerAsync(ApiWorld world) => _reviewers.GetOrAdd("partner:" + world.PartnershipId,
        _ => new(async () => As(await IssueKeyAsync(world.AgencyId, Role.PartnerAgency)))).Value;

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
