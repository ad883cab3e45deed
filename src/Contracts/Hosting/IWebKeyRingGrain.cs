using Cooperation.Contracts.Common;
using Orleans.Concurrency;

namespace Cooperation.Contracts.Hosting;

/// <summary>One key of the web hosts' data protection, as ASP.NET Core writes it.</summary>
/// <param name="Name">The key's name (its id), unique in the ring.</param>
/// <param name="Xml">The key's XML element (its material included, unencrypted: see <see cref="IWebKeyRingGrain"/>).</param>
[GenerateSerializer, Immutable, Alias("coop.WebKey")]
public sealed record WebKey([property: Id(0)] string Name, [property: Id(1)] string Xml);

/// <summary>
/// The data-protection key ring every web host shares: the keys that encrypt session cookies and
/// anti-forgery tokens, kept in the grain's persistent state (PostgreSQL, table OrleansStorage), so
/// a cookie issued by one web host opens on every other behind a load balancer, and survives
/// restarts. The web host needs no database driver of its own. The platform's own (the web hosts
/// act as the platform for it); the keys are secrets, readable only by the cluster's clients, like
/// the reporting keys. One ring, key <see cref="Key"/>.
/// </summary>
[Alias("coop.IWebKeyRingGrain")]
public interface IWebKeyRingGrain : IGrainWithStringKey
{
    /// <summary>The ring's only key.</summary>
    public const string Key = "web";

    /// <summary>Every key stored, oldest first.</summary>
    [Alias("Keys"), ReadOnly]
    Task<ValueList<WebKey>> Keys();

    /// <summary>Stores <paramref name="key"/> (again under the same name: replaced), acknowledged once stored.</summary>
    [Alias("Store")]
    Task Store(WebKey key);
}
