using Cooperation.Contracts.Access;
using Cooperation.Gateway.Access;
using Hangfire;
using Hangfire.Dashboard;
using Microsoft.AspNetCore.Authentication;

namespace Cooperation.Gateway.DonorReports;

/// <summary>
/// What the gateway serves of donors' reports besides its RPCs: reports' files over HTTP
/// (<see cref="ReportDownloads"/>) and the jobs dashboard at <see cref="DashboardPath"/>, to admins
/// only. The jobs themselves run in the worker.
/// </summary>
internal static class DonorReportEndpoints
{
    /// <summary>The path of the Hangfire dashboard (admins only).</summary>
    public const string DashboardPath = "/hangfire";

    /// <summary>Maps the downloads and the dashboard.</summary>
    public static WebApplication UseCooperationReports(this WebApplication app)
    {
        app.MapReportDownloads();
        // Applies the serializer settings of AddHangfire before the first job is written.
        app.Services.GetRequiredService<IGlobalConfiguration>();
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
            if (result.Succeeded && CallerClaims.ToCaller(result.Principal).Role == Role.Admin)
                return true;
            if (!result.Succeeded)
                http.Response.Headers.WWWAuthenticate = "Basic realm=\"Cooperation jobs (user: any, password: an admin API key)\"";
            return false;
        }
    }
}
