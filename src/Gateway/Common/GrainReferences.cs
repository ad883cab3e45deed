namespace Cooperation.Gateway.Common;

/// <summary>
/// Hands out references to string-keyed grains of one interface. <c>IGrainFactory.GetGrain</c>
/// resolves the interface's type names through attribute reflection on every call (a few
/// percent of the gateway's CPU under load); this resolves them once.
/// </summary>
internal sealed class GrainReferences<TGrain>(IGrainFactory grains) where TGrain : IGrainWithStringKey
{
    // Lazy: the grain type comes from the cluster manifest, known once the client is connected.
    // PublicationOnly: a failure (client not connected yet) is not cached.
    private readonly Lazy<(GrainType Grain, GrainInterfaceType Interface)> _types = new(() =>
    {
        var probe = (GrainReference)(object)grains.GetGrain<TGrain>("probe");
        return (probe.GrainId.Type, probe.InterfaceType);
    }, LazyThreadSafetyMode.PublicationOnly);

    /// <summary>The grain with <paramref name="key"/>.</summary>
    public TGrain Get(string key)
    {
        var (grain, @interface) = _types.Value;
        return (TGrain)grains.GetGrain(GrainId.Create(grain, key), @interface);
    }
}
