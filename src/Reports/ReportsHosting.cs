using System.Net;
using Cooperation.Reports.Delivery;
using Cooperation.Reports.Notices;
using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.Common;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Cooperation.Reports;

/// <summary>
/// Donors' reports and notices as a host needs them. Every host that reads the archive or queues
/// a job registers <see cref="AddCooperationReports"/> (the gateway's API, the worker): keys,
/// links, webhook secrets and targets, schedules, the archive (through the silo's grains) and
/// Hangfire's client on its PostgreSQL storage (schema "hangfire"), none of which owns SQL of its
/// own. Only the worker adds <see cref="AddReportJobs"/>: the builder, renderers' delivery, the
/// jobs and the Hangfire server that runs them (retried with back-off as configured).
/// </summary>
public static class ReportsHosting
{
    /// <summary>Registers the archive, keys, links, webhook secrets and targets, schedules and Hangfire's client (no server).</summary>
    public static IServiceCollection AddCooperationReports(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection("Reports");
        services.AddOptions<DonorReportOptions>().Bind(section)
            .Validate(o => ReportKeys.Problem(o.LinkKey, "Reports:LinkKey") is null, ReportKeys.Problem("-", "Reports:LinkKey")!)
            .Validate(o => ReportKeys.Problem(o.WebhookKey, "Reports:WebhookKey") is null, ReportKeys.Problem("-", "Reports:WebhookKey")!)
            .Validate(o => Cronos.CronExpression.TryParse(o.DefaultCron, Cronos.CronFormat.Standard, out _), "Reports:DefaultCron must be a five-field cron expression.")
            .Validate(o => o.TimeoutsFit, DonorReportOptions.TimeoutsRule)
            .ValidateOnStart();
        var settings = section.Get<DonorReportOptions>() ?? new DonorReportOptions();
        var connectionString = configuration.GetConnectionString("Cooperation")
            ?? throw new InvalidOperationException("ConnectionStrings:Cooperation is not set: Hangfire keeps its jobs in PostgreSQL.");
        services.AddSingleton<ReportArchive>();
        services.AddSingleton<ReportKeys>();
        services.AddSingleton<ReportLinks>();
        services.AddSingleton<WebhookSecrets>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<HostResolver>((host, cancellationToken) => Dns.GetHostAddressesAsync(host, cancellationToken));
        services.AddSingleton<WebhookTargets>();
        services.AddSingleton<SubscriptionSchedule>();
        services.AddSingleton<SendNow>();

        // This host's own storage and filters, registered before AddHangfire (which only adds what is
        // missing): Hangfire's static defaults (JobStorage.Current, GlobalJobFilters) are shared by
        // every host in a process, and two gateways in one process (tests) would take each other's.
        var storageOptions = new PostgreSqlStorageOptions
        {
            SchemaName = "hangfire",
            PrepareSchemaIfNecessary = true,
            QueuePollInterval = TimeSpan.FromMilliseconds(settings.PollMilliseconds),
            // A job whose worker died runs again within this time, not the default 30 minutes; a
            // live worker keeps its jobs' hold alive, however long they run.
            InvisibilityTimeout = settings.InvisibilityTimeout,
            UseSlidingInvisibilityTimeout = true,
        };
        services.AddSingleton<JobStorage>(_ => new PostgreSqlStorage(new NpgsqlConnectionFactory(connectionString, storageOptions, null), storageOptions));
        services.AddSingleton<IJobFilterProvider>(JobFilters(settings));
        // Jobs are made from this host's services: AddHangfire would make the activator the static
        // JobActivator.Current, which the last host built in the process owns (a disposed one, once it stopped).
        services.AddSingleton<JobActivator>(provider => new AspNetCoreJobActivator(provider.GetRequiredService<IServiceScopeFactory>()));
        services.AddHangfire((provider, hangfire) => hangfire
            .UseLogProvider(new HangfireLogs(provider.GetRequiredService<ILoggerFactory>()))
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings());
        return services;
    }

    /// <summary>
    /// The worker's part: the report builder, delivery (log, mail, webhooks), the jobs, a Hangfire
    /// server running them and the daily digest's schedule. The worker adds the reactions to
    /// committed events beside it.
    /// </summary>
    public static IServiceCollection AddReportJobs(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = configuration.GetSection("Reports").Get<DonorReportOptions>() ?? new DonorReportOptions();
        services.AddSingleton<ScheduledRuns>();
        services.AddSingleton<DeliveryLog>();
        services.AddSingleton<ReportMailer>();
        services.AddSingleton<DonorReportBuilder>();
        services.AddTransient<ReportDelivery>();
        services.AddTransient<DonorReportJob>();
        services.Configure<NoticeOptions>(configuration.GetSection("Notices"));
        services.AddTransient<DueReminderJob>();
        services.AddTransient<ReviewNoticeJob>();
        // Every connection of the webhook sender goes only where WebhookTargets admits, as resolved then.
        services.AddHttpClient<WebhookSender>(client => client.Timeout = TimeSpan.FromSeconds(30))
            .ConfigurePrimaryHttpMessageHandler(provider => provider.GetRequiredService<WebhookTargets>().Handler());
        services.AddHangfireServer((provider, server) =>
        {
            server.Activator = provider.GetRequiredService<JobActivator>();
            server.WorkerCount = Math.Max(1, settings.Workers);
            server.SchedulePollingInterval = TimeSpan.FromMilliseconds(settings.PollMilliseconds);
        });
        services.AddHostedService<DigestSchedule>();
        return services;
    }

    /// <summary>Hangfire's default filters, with one retry policy for every job from configuration.</summary>
    private static JobFilterProviderCollection JobFilters(DonorReportOptions settings)
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
}

/// <summary>Keeps the daily reminder digest scheduled: set when the worker starts.</summary>
internal sealed class DigestSchedule(IServiceProvider services, IRecurringJobManager jobs, IOptions<NoticeOptions> notices) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        // Applies the serializer settings of AddHangfire before the first job is written.
        services.GetRequiredService<IGlobalConfiguration>();
        DueReminderJob.Schedule(jobs, notices.Value);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
