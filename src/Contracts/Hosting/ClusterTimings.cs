using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;

namespace Cooperation.Contracts.Hosting;

/// <summary>
/// The times that decide how long a lost silo costs: how fast the others declare it dead (so its
/// grains come back on them), how long a call may wait for an answer, how soon a client sees a
/// restarted silo. One home for silos and clients alike: defaults here, overridden from the
/// configuration sections <c>Orleans:Membership</c> (silos), <c>Orleans:Messaging</c> and
/// <c>Orleans:Gateway</c> (clients), e.g. <c>Orleans__Membership__ProbeTimeout=00:00:03</c>.
/// </summary>
public static class ClusterTimings
{
    /// <summary>A silo's: membership (how fast a dead silo is declared dead), defaults then configuration.</summary>
    public static IServiceCollection AddSiloTimings(this IServiceCollection services, IConfiguration configuration)
    {
        Bind<ClusterMembershipOptions>(services, configuration.GetSection("Orleans:Membership"), Membership);
        return services;
    }

    /// <summary>A client's (gateway, web, worker): how long a call waits and how often gateways are listed, defaults then configuration.</summary>
    public static IServiceCollection AddClientTimings(this IServiceCollection services, IConfiguration configuration)
    {
        Bind<ClientMessagingOptions>(services, configuration.GetSection("Orleans:Messaging"), Messaging);
        Bind<GatewayOptions>(services, configuration.GetSection("Orleans:Gateway"), Gateways);
        return services;
    }

    /// <summary>
    /// A silo killed on a quiet network is declared dead 2–3 s after it died: each other silo
    /// probes it every MinProbeTimeout (half of ProbeTimeout, 1 s, while answers come fast; up to
    /// four times ProbeTimeout when they come slowly or this silo is overloaded); after two failed
    /// direct probes the third goes through another silo, and its failure carries both silos'
    /// votes, which is what NumVotesForDeathDeclaration asks for. Orleans' 5 s took 5–7.5 s.
    /// </summary>
    private static void Membership(ClusterMembershipOptions options)
    {
        options.ProbeTimeout = TimeSpan.FromSeconds(2);
        options.NumMissedProbesLimit = 3;
        options.NumVotesForDeathDeclaration = 2;
        // Gossip tells the others of a death at once; the table read is the fallback when a
        // gossip message is lost (default 60 s).
        options.TableRefreshTimeout = TimeSpan.FromSeconds(10);
        // A row not refreshed for 3 × this is stale: a silo that died unseen stops counting as
        // active within 30 s instead of 90 s (one UPDATE per silo every 10 s).
        options.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(10);
        // Votes older than this do not count: long enough to gather the second vote even when
        // probes are stretched to their 8 s maximum, short enough that old suspicions of a slow
        // but living silo do not add up to a death.
        options.DeathVoteExpirationTimeout = TimeSpan.FromSeconds(60);
    }

    /// <summary>
    /// How long a partner's update (<c>IPilotGrain.SubmitUpdate</c>) waits for its answer before
    /// it fails as DeadlineExceeded: short, because it is safe to send again (under its
    /// idempotency key a retry stores nothing twice and returns the first receipt) and normally
    /// takes milliseconds (p99 0.06–0.2 s under load). With Orleans' checks once a second, an
    /// update in flight through a silo that dies fails within 3–4 s and its retry goes to a living
    /// one: the 5 s budget of a lost silo.
    /// </summary>
    public const string IdempotentWriteTimeout = "00:00:03";

    /// <summary>
    /// Every other call from a client. One sent through a silo that dies gets no answer and no
    /// error (the client does not fail calls sent through a gateway whose connection dropped): it
    /// waits this long (up to 1 s more), then fails as DeadlineExceeded. Orleans' 30 s made a
    /// killed silo cost every call in flight through it 30 s; 10 s still leaves room for the
    /// calls that gather over a thousand grains on a busy machine. Methods that may run longer
    /// (a file's import, a report's archive) carry their own [ResponseTimeout]. Calls between
    /// silos keep 30 s: a dead silo's are failed when it is declared dead.
    /// </summary>
    private static void Messaging(ClientMessagingOptions options) =>
        options.ResponseTimeout = TimeSpan.FromSeconds(10);

    // A restarted silo is used within seconds rather than the default minute; a dead one is
    // dropped as soon as its connection closes.
    private static void Gateways(GatewayOptions options) =>
        options.GatewayListRefreshPeriod = TimeSpan.FromSeconds(5);

    // Orleans binds some of these sections itself before the code's defaults would apply:
    // binding again after the defaults keeps configuration the last word.
    private static void Bind<TOptions>(IServiceCollection services, IConfigurationSection section, Action<TOptions> defaults)
        where TOptions : class
    {
        services.Configure(defaults);
        services.Configure<TOptions>(section);
    }
}
