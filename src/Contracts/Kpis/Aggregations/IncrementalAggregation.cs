using Cooperation.Contracts.Common;

namespace Cooperation.Contracts.Kpis.Aggregations;

/// <summary>
/// <see cref="KpiAggregation.Incremental"/>: each period reports what happened in it (tonnes
/// diverted, people trained); the value is their sum, so it only grows, and a breakdown adds up.
/// </summary>
public sealed class IncrementalAggregation()
    : KpiAggregationKind(KpiAggregation.Incremental, breakdownsAddUp: true, breaksDown: true, onlyGrows: true, takesYesNo: false)
{
    /// <inheritdoc/>
    public override double? ValueOf(KpiDefinition kpi, KpiReadingInput reading, string field, List<FieldViolation> violations) =>
        PlainValue(kpi, reading, field, violations);

    /// <summary>The running sum of the periods.</summary>
    public override IEnumerable<double> ValuesAfterEach(KpiDefinition kpi, IEnumerable<PeriodFigure> periods)
    {
        var sum = 0.0;
        foreach (var period in periods)
            yield return sum += period.Value;
    }
}
