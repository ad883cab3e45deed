using Cooperation.Contracts.Hosting;
using Cooperation.Contracts.Access;
using Cooperation.Contracts.Common;
using Cooperation.Gateway.Common;
using Cooperation.Gateway.Hosting;

namespace Cooperation.Gateway.Access;

/// <summary>
/// The operators' command line for credentials, run as the gateway binary with "credentials"
/// first (ops/credentials.sh wraps it). It joins the cluster as a client and acts as the
/// platform itself: whoever can run it with the cluster's configuration operates the platform,
/// which is how the first admin key comes to be.
/// <code>
///   credentials create --organisation hp-dofa --role city-office --label "FAO reporting desk"
///   credentials list --organisation hp-dofa
///   credentials revoke --credential key-abc… --reason "left the office"
/// </code>
/// </summary>
internal static class CredentialCommand
{
    /// <summary>Whether the command line asks for this command.</summary>
    public static bool IsRequested(string[] args) => args is ["credentials", ..];

    /// <summary>Runs it; the exit code is 0 on success, 1 when refused, 2 on a usage error.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        if (args is not ["credentials", var verb, .. var rest] || Options(rest) is not { } options)
            return Usage();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = AppContext.BaseDirectory });
        // Standard output carries only what the command prints (a new key); logs go to standard error.
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.AddFilter((_, level) => level >= LogLevel.Warning);
        builder.AddClusterClient();
        builder.Services.AddSingleton(typeof(GrainReferences<>));
        builder.Services.AddSingleton<CredentialIssuer>();
        using var host = builder.Build();
        await host.StartAsync();
        CallerContext.ActAsPlatform();
        try
        {
            return verb switch
            {
                "create" => await CreateAsync(host.Services, options),
                "list" => await ListAsync(host.Services, options),
                "revoke" => await RevokeAsync(host.Services, options),
                _ => Usage(),
            };
        }
        catch (CooperationException refused)
        {
            await Console.Error.WriteLineAsync(refused.Message);
            return 1;
        }
        finally
        {
            await host.StopAsync();
        }
    }

    private static async Task<int> CreateAsync(IServiceProvider services, Dictionary<string, string> options)
    {
        if (!options.TryGetValue("role", out var roleName) || ParseRole(roleName) is not { } role)
            return Usage();
        var request = new CredentialRequest(options.GetValueOrDefault("organisation", ""), role, options.GetValueOrDefault("label", ""));
        var (credential, apiKey) = await services.GetRequiredService<CredentialIssuer>().IssueAsync(request);
        await Console.Error.WriteLineAsync($"Issued {credential.CredentialId} for {credential.OrganisationId} ({credential.Role}). The key, shown once:");
        Console.WriteLine(apiKey);
        return 0;
    }

    private static async Task<int> ListAsync(IServiceProvider services, Dictionary<string, string> options)
    {
        var registry = services.GetRequiredService<IGrainFactory>().GetGrain<ICredentialRegistryGrain>(ICredentialRegistryGrain.Key);
        foreach (var c in await registry.List(options.GetValueOrDefault("organisation", "")))
        {
            var state = c.RevokedAt is { } at ? $"revoked {at:yyyy-MM-dd} ({c.RevokedReason})" : "valid";
            Console.WriteLine($"{c.CredentialId}\t{c.Role}\t{c.Label}\tissued {c.CreatedAt:yyyy-MM-dd} by {c.CreatedBy}\t{state}");
        }
        return 0;
    }

    private static async Task<int> RevokeAsync(IServiceProvider services, Dictionary<string, string> options)
    {
        var id = options.GetValueOrDefault("credential", "");
        var credential = await services.GetRequiredService<GrainReferences<ICredentialGrain>>()
            .Get(Field.Id(id, "credential")).Revoke(options.GetValueOrDefault("reason", ""));
        await Console.Error.WriteLineAsync($"Revoked {credential.CredentialId} of {credential.OrganisationId}.");
        return 0;
    }

    private static Role? ParseRole(string name) => name.Replace("-", "", StringComparison.Ordinal).ToLowerInvariant() switch
    {
        "admin" => Role.Admin,
        "cityoffice" => Role.CityOffice,
        "partneragency" => Role.PartnerAgency,
        "donor" => Role.Donor,
        _ => null,
    };

    private static Dictionary<string, string>? Options(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
                return null;
            options[args[i][2..]] = args[i + 1];
        }
        return options;
    }

    private static int Usage()
    {
        Console.Error.WriteLine("""
            usage: credentials create --organisation ID --role admin|city-office|partner-agency|donor --label TEXT
                   credentials list --organisation ID
                   credentials revoke --credential ID --reason TEXT
            ("platform" is the organisation of the platform's own admins.)
            """);
        return 2;
    }
}
