using Cooperation.Contracts.Access;
using Cooperation.Gateway.Access;
using Orleans.Dashboard;

namespace Cooperation.Gateway.Hosting;

/// <summary>
/// The Orleans dashboard (grains, calls, silos; Microsoft.Orleans.Dashboard) at <see cref="Path"/>,
/// for admins only: it shows any grain's state. The silos collect, the gateway serves the pages as
/// their client. A browser is asked for an admin API key as the password, as for the jobs dashboard.
/// </summary>
public static class ClusterDashboard
{
    /// <summary>Where the dashboard is served.</summary>
    public const string Path = "/orleans";

    /// <summary>The authorization policy that lets admins' API keys in.</summary>
    public const string AdminPolicy = "admin";

    /// <summary>The dashboard's client side, on the host's Orleans client.</summary>
    public static IHostApplicationBuilder AddClusterDashboard(this IHostApplicationBuilder builder)
    {
        builder.UseOrleansClient(client => client.AddDashboard(options => options.HideTrace = true));
        return builder;
    }

    /// <summary>Maps the dashboard behind <see cref="AdminPolicy"/>.</summary>
    public static WebApplication MapClusterDashboard(this WebApplication app)
    {
        app.MapOrleansDashboard(Path).RequireAuthorization(AdminPolicy);
        return app;
    }

    /// <summary>The policy: an API key of the admin role (see <see cref="ApiKeyAuthenticationHandler"/>).</summary>
    internal static IServiceCollection AddAdminPolicy(this IServiceCollection services) =>
        services.AddAuthorizationBuilder()
            .AddPolicy(AdminPolicy, policy => policy
                .AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName)
                .RequireRole(nameof(Role.Admin)))
            .Services;
}
