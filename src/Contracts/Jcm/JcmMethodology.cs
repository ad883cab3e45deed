using Cooperation.Contracts.Common;

namespace Cooperation.Contracts.Jcm;

/// <summary>Reference and project emissions of a monitoring period, tCO2e, exact in decimal.</summary>
/// <param name="Reference">RE: what the reference (less efficient) equipment would have emitted.</param>
/// <param name="Project">PE: what the project equipment emitted.</param>
public readonly record struct Emissions(decimal Reference, decimal Project);

/// <summary>
/// An approved JCM methodology as a plain calculation: which parameters and factors it needs and
/// how they give RE and PE. A new methodology is a new class registered in <see cref="JcmMethodologies"/>;
/// grains never change for it.
/// </summary>
public interface IJcmMethodology
{
    /// <summary>Methodology id, e.g. "VN_AM003".</summary>
    string Id { get; }

    /// <summary>Methodology version, e.g. "1.0".</summary>
    string Version { get; }

    /// <summary>Its title as the Joint Committee approved it.</summary>
    string Title { get; }

    /// <summary>Its sectoral scope, e.g. "3. Energy demand".</summary>
    string SectoralScope { get; }

    /// <summary>When the Joint Committee approved this version.</summary>
    DateOnly ApprovedOn { get; }

    /// <summary>What the methodology covers, and which part of it the platform computes.</summary>
    string Scope { get; }

    /// <summary>The formulas, for people.</summary>
    string Formula { get; }

    /// <summary>Codes of the parameters a plan must monitor.</summary>
    IReadOnlyList<string> MonitoredParameters { get; }

    /// <summary>Codes of the factors a plan must fix.</summary>
    IReadOnlyList<string> FixedFactors { get; }

    /// <summary>Codes of the fixed factors whose value is published per year (a plan states the year), e.g. the grid emission factor.</summary>
    IReadOnlyList<string> DatedFactors { get; }

    /// <summary>Refuses factor values the calculation cannot use, naming the field.</summary>
    void CheckFactors(IReadOnlyDictionary<string, decimal> factors);

    /// <summary>
    /// RE and PE from a period's monitored values and the plan's factors (all present and checked),
    /// in decimal so that rounding credits down is exact.
    /// </summary>
    Emissions Calculate(IReadOnlyDictionary<string, decimal> monitored, IReadOnlyDictionary<string, decimal> factors);
}

/// <summary>The methodologies the platform can compute.</summary>
public static class JcmMethodologies
{
    /// <summary>Every methodology.</summary>
    public static IReadOnlyList<IJcmMethodology> All { get; } = [new CommercialBuildingEfficiencyMethodology()];

    /// <summary>The methodology with this id and version, or null.</summary>
    public static IJcmMethodology? Find(string id, string version) =>
        All.FirstOrDefault(m => m.Id == id && m.Version == version);

    /// <summary>
    /// Refuses a plan its methodology cannot compute with: unknown methodology, a required
    /// parameter or factor missing, or factor values out of range.
    /// </summary>
    public static IJcmMethodology CheckPlan(JcmMonitoringPlan plan)
    {
        plan.Validate();
        var methodology = Find(plan.MethodologyId, plan.MethodologyVersion)
            ?? throw new InvalidFieldException("methodology_id",
                $"{plan.MethodologyId} ver {plan.MethodologyVersion} is not one the platform computes ({string.Join(", ", All.Select(m => $"{m.Id} ver {m.Version}"))})");
        foreach (var code in methodology.MonitoredParameters.Where(code => plan.Parameters.All(p => p.Code != code)))
            throw new InvalidFieldException("parameters", $"{methodology.Id} needs monitored parameter '{code}'");
        foreach (var code in methodology.FixedFactors.Where(code => plan.Factors.All(f => f.Code != code)))
            throw new InvalidFieldException("factors", $"{methodology.Id} needs fixed factor '{code}'");
        for (var i = 0; i < plan.Factors.Count; i++)
        {
            if (plan.Factors[i].Year is null && methodology.DatedFactors.Contains(plan.Factors[i].Code))
                throw new InvalidFieldException($"factors[{i}].year", $"'{plan.Factors[i].Code}' is published per year: state the year its value applies to");
        }
        methodology.CheckFactors(Decimals(plan.Factors.Select(f => (f.Code, f.Value))));
        return methodology;
    }

    /// <summary>Values as exact decimals (their shortest round-trip form); values are bounded, so they fit.</summary>
    public static IReadOnlyDictionary<string, decimal> Decimals(IEnumerable<(string Code, double Value)> values) =>
        values.ToDictionary(v => v.Code, v => decimal.Parse(v.Value.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
            System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture));
}

/// <summary>
/// VN_AM003 ver 1.0, "Improving the energy efficiency of commercial buildings by utilization of
/// high efficiency equipment" (Viet Nam–Japan Joint Committee, approved 14 January 2015). Existing
/// facilities are replaced by high efficiency equipment; reference emissions are the project's
/// consumption times the ratio of project to reference efficiency times the emission factor, and
/// project emissions the monitored consumption times the emission factor. The platform computes
/// the case of equipment run on grid electricity:
/// RE = EC_PJ × (η_PJ ÷ η_RE) × EF_grid and PE = EC_PJ × EF_grid.
/// </summary>
public sealed class CommercialBuildingEfficiencyMethodology : IJcmMethodology
{
    /// <summary>Electricity consumed by the project equipment in the period, MWh.</summary>
    public const string ProjectConsumption = "ec-pj";

    /// <summary>Grid emission factor, tCO2/MWh.</summary>
    public const string GridFactor = "ef-grid";

    /// <summary>Efficiency of the reference equipment.</summary>
    public const string ReferenceEfficiency = "eta-re";

    /// <summary>Efficiency of the project equipment.</summary>
    public const string ProjectEfficiency = "eta-pj";

    /// <inheritdoc/>
    public string Id => "VN_AM003";

    /// <inheritdoc/>
    public string Version => "1.0";

    /// <inheritdoc/>
    public string Title => "Improving the energy efficiency of commercial buildings by utilization of high efficiency equipment";

    /// <inheritdoc/>
    public string SectoralScope => "3. Energy demand";

    /// <inheritdoc/>
    public DateOnly ApprovedOn => new(2015, 1, 14);

    /// <inheritdoc/>
    public string Scope =>
        "Existing facilities of commercial buildings replaced or substituted by the high efficiency equipment its eligibility " +
        "criteria list, reducing the electricity and fossil fuel they consume. The platform computes equipment run on grid " +
        "electricity (such as chillers), with the project's metered consumption; fuel-fired equipment and lighting " +
        "(rated power × operating hours) are not computed here.";

    /// <inheritdoc/>
    public string Formula => "RE = ec-pj × (eta-pj ÷ eta-re) × ef-grid; PE = ec-pj × ef-grid; ER = RE − PE";

    /// <inheritdoc/>
    public IReadOnlyList<string> MonitoredParameters { get; } = [ProjectConsumption];

    /// <inheritdoc/>
    public IReadOnlyList<string> FixedFactors { get; } = [GridFactor, ReferenceEfficiency, ProjectEfficiency];

    /// <inheritdoc/>
    public IReadOnlyList<string> DatedFactors { get; } = [GridFactor];

    /// <inheritdoc/>
    public void CheckFactors(IReadOnlyDictionary<string, decimal> factors)
    {
        if (factors[GridFactor] < 0)
            throw new InvalidFieldException("factors", $"'{GridFactor}' must not be negative");
        if (factors[ReferenceEfficiency] <= 0 || factors[ProjectEfficiency] <= 0)
            throw new InvalidFieldException("factors", $"'{ReferenceEfficiency}' and '{ProjectEfficiency}' must be above 0");
    }

    /// <inheritdoc/>
    public Emissions Calculate(IReadOnlyDictionary<string, decimal> monitored, IReadOnlyDictionary<string, decimal> factors)
    {
        var consumption = monitored[ProjectConsumption];
        if (consumption < 0)
            throw new InvalidFieldException("values", $"'{ProjectConsumption}' must not be negative");
        var gridFactor = factors[GridFactor];
        return new Emissions(
            Reference: consumption * (factors[ProjectEfficiency] / factors[ReferenceEfficiency]) * gridFactor,
            Project: consumption * gridFactor);
    }
}
