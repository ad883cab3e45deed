using Cooperation.Contracts.Common;

namespace Cooperation.Contracts.Pilots.Kinds;

/// <summary>Which of its kind's KPI templates (<see cref="PilotKindProfile.KpiTemplates"/>) a new pilot starts with.</summary>
/// <param name="Codes">The templates' KPI codes; null for all of them (an empty list: none).</param>
[GenerateSerializer, Immutable, Alias("coop.KpiTemplateChoice")]
public sealed record KpiTemplateChoice([property: Id(0)] ValueList<string>? Codes)
{
    /// <summary>Every template of the kind.</summary>
    public static KpiTemplateChoice All { get; } = new((ValueList<string>?)null);

    /// <summary>No template: KPIs are added one by one.</summary>
    public static KpiTemplateChoice None { get; } = new(ValueList<string>.Empty);

    /// <summary>The templates with <paramref name="codes"/>.</summary>
    public static KpiTemplateChoice Only(IEnumerable<string> codes) => new(ValueList.Of(codes));

    /// <summary>
    /// The templates of <paramref name="profile"/> chosen, in the kind's order; a code that is not
    /// one of its templates is refused under <paramref name="field"/>.
    /// </summary>
    public ValueList<Kpis.KpiDefinition> Of(PilotKindProfile profile, string field)
    {
        if (Codes is null)
            return profile.KpiTemplates;
        Field.DistinctIds(Codes, field);
        for (var i = 0; i < Codes.Count; i++)
        {
            if (!profile.KpiTemplates.Any(t => t.Code == Codes[i]))
                throw new InvalidFieldException($"{field}[{i}]", $"'{Codes[i]}' is not a KPI template of '{profile.Kind}' pilots");
        }
        return ValueList.Of(profile.KpiTemplates.Where(t => Codes.Contains(t.Code)));
    }
}
