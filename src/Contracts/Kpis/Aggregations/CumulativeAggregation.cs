using Cooperation.Contracts.Common;

namespace Cooperation.Contracts.Kpis.Aggregations;

/// <summary>
/// <see cref="KpiAggregation.Cumulative"/>: each period reports the running total (capacity
/// installed, households served); the latest period counts, never summed. A running total only
/// grows, and a breakdown adds up.
/// </summary>
public sealed class CumulativeAggregation()
    : KpiAggregationKind(KpiAggregation.Cumulative, breakdownsAddUp: true, breaksDown: true, onlyGrows: true, takesYesNo: false)
{
    /// <inheritdoc/>
    public override double? ValueOf(KpiDefinition kpi, KpiReadingInput reading, string field, List<FieldViolation> violations) =>
        PlainValue(kpi, reading, field, violations);

    /// <summary>The warnings every kind has, and a running total that went down.</summary>
    public override IEnumerable<PlausibilityWarning> WarningsAbout(KpiDefinition kpi, double value, double? previous) =>
        previous is { } before && value < before
            ? base.WarningsAbout(kpi, value, previous).Append(PlausibilityWarning.RunningTotalWentDown)
            : base.WarningsAbout(kpi, value, previous);

    /// <summary>Each period's own value: it already is the total.</summary>
    public override IEnumerable<double> ValuesAfterEach(KpiDefinition kpi, IEnumerable<PeriodFigure> periods) =>
        periods.Select(p => p.Value);
}
