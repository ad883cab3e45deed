using Cooperation.Contracts.Hosting;
using Cooperation.Reports;
using Cooperation.Reports.Delivery;
using Cooperation.Web.Words;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.WebEncoders;

namespace Cooperation.Web.Hosting;

/// <summary>How the web application is put together; shared by Program and the tests.</summary>
public static class WebHosting
{
    /// <summary>
    /// Razor Pages behind cookie authentication that acts for the signed-in person, the words and
    /// language of each request, rate limits on the account forms, anti-forgery, mail (the reports'
    /// SMTP settings) and health. Needs an <see cref="IGrainFactory"/> from elsewhere (the Orleans
    /// client, or a test cluster).
    /// </summary>
    public static IServiceCollection AddCooperationWeb(this IServiceCollection services, IConfiguration configuration)
    {
        var web = configuration.GetSection("Web").Get<WebOptions>() ?? new WebOptions();
        services.Configure<WebOptions>(configuration.GetSection("Web"));
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        services.AddScoped<PageWords>();
        // Vietnamese and Japanese as they are (UTF-8), not as numeric entities: readable and half the size.
        services.Configure<WebEncoderOptions>(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));

        services.AddRouting(options => options.LowercaseUrls = true);
        services.AddRazorPages(options =>
        {
            options.Conventions.AllowAnonymousToFolder("/Account");
            options.Conventions.AllowAnonymousToPage("/Error");
            options.Conventions.ConfigureFilter(new WholePage());
            if (ServerTiming.Enabled(configuration))
                options.Conventions.ConfigureFilter(new ServerTiming.HandlerFilter());
        });
        // Every page needs a signed-in person unless it says otherwise (sign-in, links from mails, errors).
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder(PersonCookie.Scheme).RequireAuthenticatedUser().Build());
        services.AddScoped<PersonSessionCheck>();
        services.AddAuthentication(PersonCookie.Scheme)
            .AddCookie(PersonCookie.Scheme, options => PersonCookie.Configure(options, web));
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "coop.antiforgery";
            options.Cookie.SecurePolicy = Microsoft.AspNetCore.Http.CookieSecurePolicy.SameAsRequest;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.FormFieldName = "__coop_form";
        });
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // The operator vouches for the proxy in front (Web:TrustForwardedHeaders); whichever address it has.
            options.KnownIPNetworks.Clear();
            options.KnownProxies.Clear();
        });

        // Mail goes out as the reports' does: the same SMTP settings ("Reports:Smtp") and sender. The
        // reports' services as the API has them: donors' subscriptions check webhook targets, show
        // webhook secrets once, and "send now" queues the worker's job through Hangfire's client.
        services.AddCooperationReports(configuration);
        services.AddSingleton<ReportMailer>();
        services.AddSingleton<People.PersonMail>();
        services.AddSingleton<People.OrganisationChoices>();
        services.AddSingleton<Pages.PublicRecords>();

        AccountFormLimits.AddTo(services);
        WebKeyRing.AddTo(services);
        services.AddHealthChecks().AddCheck<ClusterHealthCheck>("orleans");
        return services;
    }

    /// <summary>
    /// Error pages (status code pages and <see cref="PageFaults"/>), security headers, static files,
    /// rate limits, the person's session and caller, authorization and the pages (health: <c>HostServiceDefaults</c>);
    /// first of all, when configured, the server's time of each answer (<see cref="ServerTiming"/>).
    /// </summary>
    public static WebApplication UseCooperationWeb(this WebApplication app)
    {
        if (ServerTiming.Enabled(app.Configuration))
            app.UseMiddleware<ServerTiming>();
        if (app.Configuration.GetValue<bool>("Web:TrustForwardedHeaders"))
            app.UseForwardedHeaders();
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        app.UseMiddleware<PageFaults>();
        app.UseMiddleware<SecurityHeaders>();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseMiddleware<ActAsPerson>();
        app.UseAuthorization();
        app.MapRazorPages();
        return app;
    }
}
