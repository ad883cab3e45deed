namespace Cooperation.Contracts.Pilots;

/// <summary>
/// A pilot's view with the version it shows (<see cref="IPilotGrain.GetIfChanged"/>), or only the
/// version when the caller already holds the view of that version.
/// </summary>
/// <param name="Version">
/// Names exactly what the view shows: the pilot's last event, the local day its dates are judged
/// on, the figures counted and the funding lines the caller may see. Opaque to callers: equal
/// versions of one pilot mean equal views.
/// </param>
/// <param name="View">The view; null when it is the one of the version the caller said it holds.</param>
[GenerateSerializer, Immutable, Alias("coop.VersionedPilotView")]
public sealed record VersionedPilotView(
    [property: Id(0)] string Version,
    [property: Id(1)] PilotView? View);
