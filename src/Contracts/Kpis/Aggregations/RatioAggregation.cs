using Cooperation.Contracts.Common;

namespace Cooperation.Contracts.Kpis.Aggregations;

/// <summary>
/// <see cref="KpiAggregation.Ratio"/>: each period reports a numerator and a denominator (water
/// lost and water supplied); the value is the sum of the numerators divided by the sum of the
/// denominators (× 100 for percentages), never an average of percentages. A ratio is not broken
/// down.
/// </summary>
public sealed class RatioAggregation()
    : KpiAggregationKind(KpiAggregation.Ratio, breakdownsAddUp: false, breaksDown: false, onlyGrows: false, takesYesNo: false)
{
    /// <summary>A numerator of at least 0 and a denominator above 0, no value; stores numerator ÷ denominator (× 100 for percentages).</summary>
    public override double? ValueOf(KpiDefinition kpi, KpiReadingInput reading, string field, List<FieldViolation> violations)
    {
        if (reading.Value is not null)
            violations.Add(new($"{field}.value", "a ratio KPI takes numerator and denominator, not value"));
        var numeratorOk = reading.Numerator is { } n && Field.IsNumber(n) && n >= 0;
        var denominatorOk = reading.Denominator is { } d && Field.IsNumber(d) && d > 0;
        if (!numeratorOk)
            violations.Add(new($"{field}.numerator", "must be a number of at least 0"));
        if (!denominatorOk)
            violations.Add(new($"{field}.denominator", "must be a number above 0"));
        if (!numeratorOk || !denominatorOk)
            return null;
        var value = reading.Numerator!.Value / reading.Denominator!.Value * Scale(kpi);
        if (kpi.CheckValue(value) is { } problem)
        {
            violations.Add(new($"{field}.numerator", $"numerator ÷ denominator {problem}"));
            return null;
        }
        return value;
    }

    /// <summary>Σ numerators ÷ Σ denominators of the periods so far.</summary>
    public override IEnumerable<double> ValuesAfterEach(KpiDefinition kpi, IEnumerable<PeriodFigure> periods)
    {
        var (numerators, denominators) = (0.0, 0.0);
        foreach (var period in periods)
        {
            numerators += period.Numerator ?? 0;
            denominators += period.Denominator ?? 0;
            yield return numerators / denominators * Scale(kpi);
        }
    }

    private static double Scale(KpiDefinition kpi) => kpi.Measure == KpiMeasure.Percentage ? 100 : 1;
}
