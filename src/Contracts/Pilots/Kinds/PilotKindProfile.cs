using Cooperation.Contracts.Common;
using Cooperation.Contracts.Kpis;

namespace Cooperation.Contracts.Pilots.Kinds;

/// <summary>
/// What a kind of pilot implies, read from its data file (<c>Pilots/Kinds/{kind}.json</c>): the
/// KPIs a new pilot of the kind starts with, those the platform computes instead of partners
/// entering them, and whether it is monitored under the JCM. Every rule that depends on a pilot's
/// kind asks its profile (<see cref="PilotKinds.Of"/>).
/// </summary>
public sealed class PilotKindProfile
{
    internal PilotKindProfile(PilotKind kind, bool jcmMonitored, ValueList<KpiDefinition> kpiTemplates, IReadOnlySet<string> computedKpis)
    {
        Kind = kind;
        JcmMonitored = jcmMonitored;
        KpiTemplates = kpiTemplates;
        ComputedKpis = computedKpis;
    }

    /// <summary>The kind.</summary>
    public PilotKind Kind { get; }

    /// <summary>Whether pilots of the kind take a JCM monitoring plan, monitoring periods and their verification.</summary>
    public bool JcmMonitored { get; }

    /// <summary>
    /// The KPIs a new pilot of the kind starts with, in Vietnamese, Japanese and English. They
    /// carry no baseline or target: those belong to the pilot and are set with UpdateKpi.
    /// </summary>
    public ValueList<KpiDefinition> KpiTemplates { get; }

    /// <summary>Codes of the KPIs the platform computes for pilots of the kind (JCM: the emission reductions).</summary>
    public IReadOnlySet<string> ComputedKpis { get; }

    /// <summary>
    /// Whether the platform computes <paramref name="kpiCode"/> for pilots of the kind: then
    /// nobody records it by hand, a reading template leaves it out, and a period's review does not
    /// approve it (its own verification does).
    /// </summary>
    public bool Computes(string kpiCode) => ComputedKpis.Contains(kpiCode);

    /// <summary>Those of <paramref name="kpis"/> that partners enter: all but the computed ones.</summary>
    public IEnumerable<KpiDefinition> Entered(IEnumerable<KpiDefinition> kpis) => kpis.Where(k => !Computes(k.Code));
}
