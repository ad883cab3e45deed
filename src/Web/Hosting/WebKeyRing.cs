using System.Xml.Linq;
using Cooperation.Contracts.Access;
using Cooperation.Contracts.Hosting;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Options;

namespace Cooperation.Web.Hosting;

/// <summary>
/// ASP.NET Core's data-protection key store on the cluster's key-ring grain
/// (<see cref="IWebKeyRingGrain"/>, PostgreSQL behind it): every web host reads and adds keys
/// there, so a session cookie or an anti-forgery token made by one host opens on any other, and
/// after restarts. Data protection reads the ring rarely (at start, then about once a day, and
/// when it makes a key) and synchronously; the grain call then blocks one thread-pool thread.
/// </summary>
internal sealed class WebKeyRing(IGrainFactory grains) : IXmlRepository
{
    /// <summary>The application name every web host shares: keys are isolated per application.</summary>
    public const string ApplicationName = "cooperation-web";

    /// <summary>Keeps the web hosts' keys on the ring grain.</summary>
    public static void AddTo(IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName(ApplicationName);
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(provider =>
            new ConfigureOptions<KeyManagementOptions>(options => options.XmlRepository = new WebKeyRing(provider.GetRequiredService<IGrainFactory>())));
    }

    /// <inheritdoc/>
    public IReadOnlyCollection<XElement> GetAllElements() =>
        AsPlatform(async ring => (await ring.Keys()).Select(k => XElement.Parse(k.Xml)).ToList());

    /// <inheritdoc/>
    public void StoreElement(XElement element, string friendlyName) =>
        AsPlatform(async ring =>
        {
            await ring.Store(new WebKey(friendlyName, element.ToString(SaveOptions.DisableFormatting)));
            return true;
        });

    // On a task of its own: the platform caller stays there, not on the request that needed a key.
    private T AsPlatform<T>(Func<IWebKeyRingGrain, Task<T>> call) => Task.Run(() =>
    {
        CallerContext.ActAsPlatform();
        return call(grains.GetGrain<IWebKeyRingGrain>(IWebKeyRingGrain.Key));
    }).GetAwaiter().GetResult();
}
