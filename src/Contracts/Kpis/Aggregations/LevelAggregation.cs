using Cooperation.Contracts.Common;

namespace Cooperation.Contracts.Kpis.Aggregations;

/// <summary>
/// <see cref="KpiAggregation.Level"/>: each period reports a level such as a rate or a count at
/// that time (wastewater treated per day, a milestone reached); the latest period counts. A level
/// may rise or fall; its breakdown need not add up.
/// </summary>
public sealed class LevelAggregation()
    : KpiAggregationKind(KpiAggregation.Level, breakdownsAddUp: false, breaksDown: true, onlyGrows: false, takesYesNo: true)
{
    /// <inheritdoc/>
    public override double? ValueOf(KpiDefinition kpi, KpiReadingInput reading, string field, List<FieldViolation> violations) =>
        PlainValue(kpi, reading, field, violations);

    /// <summary>Each period's own value.</summary>
    public override IEnumerable<double> ValuesAfterEach(KpiDefinition kpi, IEnumerable<PeriodFigure> periods) =>
        periods.Select(p => p.Value);
}
