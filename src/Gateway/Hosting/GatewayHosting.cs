using Cooperation.Contracts.Audit;
using Cooperation.Contracts.Hosting;
using Cooperation.Gateway.Access;
using Cooperation.Gateway.Audit;
using Cooperation.Gateway.Common;
using Cooperation.Gateway.Cities;
using Cooperation.Gateway.Errors;
using Cooperation.Gateway.Jcm;
using Cooperation.Gateway.Kpis;
using Cooperation.Gateway.Mous;
using Cooperation.Gateway.Organisations;
using Cooperation.Gateway.Programmes;
using Cooperation.Gateway.Partnerships;
using Cooperation.Gateway.Pilots;
using Cooperation.Gateway.DonorReports;
using Cooperation.Reports;
using Cooperation.Gateway.Submissions;
using Google.Protobuf.Reflection;
using Google.Rpc;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Cooperation.Gateway.Hosting;

/// <summary>How the gateway is put together; shared by Program and the tests.</summary>
public static class GatewayHosting
{
    /// <summary>
    /// The gRPC API with JSON transcoding, reflection, health, API-key authentication and the
    /// error and caller interceptors. Needs an <see cref="IGrainFactory"/> from elsewhere (the
    /// Orleans client, or a test cluster).
    /// </summary>
    public static IServiceCollection AddCooperationApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<ErrorMappingInterceptor>();
        // Client errors are logged once, in one line, by the error interceptor; these would log
        // them again, a malformed JSON body with its stack trace.
        services.AddLogging(logging => logging
            .AddFilter("Grpc.AspNetCore.Server.ServerCallHandler", LogLevel.Warning)
            .AddFilter("Grpc.AspNetCore.Grpc.JsonTranscoding", LogLevel.Warning));
        services.AddSingleton<CallerInterceptor>();
        services.AddSingleton(typeof(GrainReferences<>));
        services.AddSingleton<KpiSubjects>();
        services.Configure<PilotViewOptions>(configuration.GetSection("PilotViews"));
        services.AddSingleton<PilotViewCache>();
        services.AddSingleton<AuditedEntities>();
        services.TryAddSingleton(TimeProvider.System);
        services.Configure<AccessOptions>(configuration.GetSection("Access"));
        services.AddSingleton<CredentialVerifier>();
        services.AddSingleton<CredentialIssuer>();
        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        // Only endpoints that ask for it (the Orleans dashboard); gRPC calls are judged by the grains.
        services.AddAdminPolicy();
        services
            .AddGrpc(options =>
            {
                // Outermost first: errors of every later stage become statuses.
                options.Interceptors.Add<ErrorMappingInterceptor>();
                options.Interceptors.Add<CallerInterceptor>();
            })
            // Error details (BadRequest, ResourceInfo) must be known to render them as JSON.
            .AddJsonTranscoding(options => options.TypeRegistry = TypeRegistry.FromFiles(ErrorDetailsReflection.Descriptor));
        services.AddCooperationReports(configuration);
        services.AddGrpcReflection();
        // Cached: a health Check is a dictionary lookup (the bare-gRPC baseline of the benchmark);
        // the checks themselves run on the publisher's schedule.
        services.AddGrpcHealthChecks(options => options.UseHealthChecksCache = true)
            .AddCheck<ClusterHealthCheck>("orleans");
        services.Configure<HealthCheckPublisherOptions>(options =>
        {
            options.Delay = TimeSpan.Zero;
            options.Period = TimeSpan.FromSeconds(5);
        });
        return services;
    }

    /// <summary>
    /// Answers failures outside the services with statuses, authenticates API keys, checks the
    /// JSON routes' requests, then maps the gRPC services, their JSON routes, reflection and health.
    /// </summary>
    public static WebApplication UseCooperationApi(this WebApplication app)
    {
        app.UseMiddleware<PipelineFaultMiddleware>();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseMiddleware<JsonRequestCheck>();
        app.UseCooperationReports();
        app.MapGrpcService<CredentialGrpcService>();
        app.MapGrpcService<CityGrpcService>();
        app.MapGrpcService<OrganisationGrpcService>();
        app.MapGrpcService<PartnershipGrpcService>();
        app.MapGrpcService<ProgrammeGrpcService>();
        app.MapGrpcService<PilotGrpcService>();
        app.MapGrpcService<KpiGrpcService>();
        app.MapGrpcService<JcmGrpcService>();
        app.MapGrpcService<MouGrpcService>();
        app.MapGrpcService<SubmissionGrpcService>();
        app.MapGrpcService<ReviewGrpcService>();
        app.MapGrpcService<AuditGrpcService>();
        app.MapGrpcService<DonorReportGrpcService>();
        app.MapGrpcReflectionService();
        app.MapGrpcHealthChecksService();
        return app;
    }
}
