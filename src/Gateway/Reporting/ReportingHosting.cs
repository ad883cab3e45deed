using System.Net;
using Cooperation.Gateway.Access;
using Cooperation.Gateway.Notices;
using Cooperation.Gateway.Reporting.Delivery;
using Hangfire;
using Hangfire.Dashboard;
using Hangfire.Common;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Cooperation.Gateway.Reporting;

/// <summary>
/// Donors' reports in the gateway: Hangfire on PostgreSQL (schema "hangfire") runs the jobs,
/// retried with back-off as configured; the archive and delivery log share the platform's database.
/// </summary>
public static class ReportingHosting
{
    /// <summary>The path of the Hangfire dashboard (admins only).</summary>
    public const string DashboardPath = "/hangfire";

    /// <summary>Registers reporting: Hangfire (and its server when <see cref="ReportingOptions.RunJobs"/>), builder, renderers' delivery.</summary>
    public static IServiceCollection AddCooperationReporting(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection("Reporting");
        services.AddOptions<ReportingOptions>().Bind(section)
            .Validate(o => ReportingKeys.Problem(o.LinkKey, "Reporting:LinkKey") is null, ReportingKeys.Problem("-", "Reporting:LinkKey")!)
            .Validate(o => ReportingKeys.Problem(o.WebhookKey, "Reporting:WebhookKey") is null, ReportingKeys.Problem("-", "Reporting:WebhookKey")!)
            .Validate(o => Cronos.CronExpression.TryParse(o.DefaultCron, Cronos.CronFormat.Standard, out _), "Reporting:DefaultCron must be a five-field cron expression.")
            .ValidateOnStart();
        var settings = section.Get<ReportingOptions>() ?? new ReportingOptions();
        var connectionString = configuration.GetConnectionString("Cooperation")
            ?? throw new InvalidOperationException("ConnectionStrings:Cooperation is not set: reports are archived in PostgreSQL.");
        services.AddSingleton(_ => NpgsqlDataSource.Create(connectionString));
        services.AddSingleton<ReportArchive>();
        services.AddSingleton<ScheduledRuns>();
        services.AddSingleton<DeliveryLog>();
        services.AddSingleton<ReportMailer>();
        services.AddSingleton<ReportingKeys>();
        services.AddSingleton<ReportLinks>();
        services.AddSingleton<WebhookSecrets>();
        services.TryAddSingleton<HostResolver>((host, cancellationToken) => Dns.GetHostAddressesAsync(host, cancellationToken));
        services.AddSingleton<WebhookTargets>();
        services.AddSingleton<ReportAccess>();
        services.AddSingleton<DonorReportBuilder>();
        services.AddSingleton<SubscriptionSchedule>();
        services.AddTransient<ReportDelivery>();
        services.AddTransient<DonorReportJob>();
        services.Configure<NoticeOptions>(configuration.GetSection("Notices"));
        services.AddTransient<DueReminderJob>();
        services.AddTransient<ReviewNoticeJob>();
        // Every connection of the webhook sender goes only where WebhookTargets admits, as resolved then.
        services.AddHttpClient<WebhookSender>(client => client.Timeout = TimeSpan.FromSeconds(30))
            .ConfigurePrimaryHttpMessageHandler(provider => provider.GetRequiredService<WebhookTargets>().Handler());

        // This host's own storage and filters, registered before AddHangfire (which only adds what is
        // missing): Hangfire's static defaults (JobStorage.Current, GlobalJobFilters) are shared by
        // every host in a process, and two gateways in one process (tests) would take each other's.
        var storageOptions = new PostgreSqlStorageOptions
        {
            SchemaName = "hangfire",
            PrepareSchemaIfNecessary = true,
            QueuePollInterval = TimeSpan.FromMilliseconds(settings.PollMilliseconds),
        };
        services.AddSingleton<JobStorage>(_ => new PostgreSqlStorage(new NpgsqlConnectionFactory(connectionString, storageOptions, null), storageOptions));
        services.AddSingleton<IJobFilterProvider>(JobFilters(settings));
        services.AddHangfire((provider, hangfire) => hangfire
            .UseLogProvider(new HangfireLogs(provider.GetRequiredService<ILoggerFactory>()))
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings());
        if (settings.RunJobs)
        {
            services.AddHangfireServer(server =>
            {
                server.WorkerCount = Math.Max(1, settings.Workers);
                server.SchedulePollingInterval = TimeSpan.FromMilliseconds(settings.PollMilliseconds);
            });
        }
        return services;
    }

    /// <summary>Hangfire's default filters, with one retry policy for every job from configuration.</summary>
    private static JobFilterProviderCollection JobFilters(ReportingOptions settings)
    {
        var filters = new JobFilterCollection();
        foreach (var filter in GlobalJobFilters.Filters.Where(f => f.Instance is not AutomaticRetryAttribute))
            filters.Add(filter.Instance, filter.Order);
        filters.Add(new AutomaticRetryAttribute
        {
            Attempts = settings.RetryAttempts,
            DelaysInSeconds = settings.RetryDelays,
            OnAttemptsExceeded = AttemptsExceededAction.Fail,
        });
        return new JobFilterProviderCollection(filters, new JobFilterAttributeFilterProvider());
    }

    /// <summary>
    /// Schedules the daily reminder digest, serves reports' files over HTTP (<see cref="ReportDownloads"/>)
    /// and the Hangfire dashboard at <see cref="DashboardPath"/>, to admins only.
    /// </summary>
    public static WebApplication UseCooperationReporting(this WebApplication app)
    {
        app.MapReportDownloads();
        // Applies the serializer settings of AddHangfire before the first job is written.
        app.Services.GetRequiredService<IGlobalConfiguration>();
        DueReminderJob.Schedule(app.Services.GetRequiredService<IRecurringJobManager>(), app.Services.GetRequiredService<IOptions<NoticeOptions>>().Value);
        app.UseHangfireDashboard(DashboardPath, new DashboardOptions
        {
            Authorization = [],
            AsyncAuthorization = [new AdminDashboardAuthorization()],
            DashboardTitle = "Cooperation jobs",
        });
        return app;
    }

    /// <summary>
    /// Lets in admins' API keys: as "x-api-key", "Authorization: Bearer …", or as the password of
    /// HTTP Basic authentication, which a browser asks for when told to.
    /// </summary>
    private sealed class AdminDashboardAuthorization : IDashboardAsyncAuthorizationFilter
    {
        public async Task<bool> AuthorizeAsync(DashboardContext context)
        {
            var http = context.GetHttpContext();
            var result = await http.AuthenticateAsync(ApiKeyAuthenticationHandler.SchemeName);
            if (result.Succeeded && CallerClaims.ToCaller(result.Principal).Role == Contracts.Access.Role.Admin)
                return true;
            if (!result.Succeeded)
                http.Response.Headers.WWWAuthenticate = "Basic realm=\"Cooperation jobs (user: any, password: an admin API key)\"";
            return false;
        }
    }
}
