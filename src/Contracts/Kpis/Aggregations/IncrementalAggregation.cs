using Cooperation.Contracts.Common;

namespace Cooperation.Contracts.Kpis.Aggregations;

/// <summary>
/// <see cref="KpiAggregation.Incremental"/>: each period reports what happened in it (tonnes
/// diverted, people trained); the value is their sum, so it only grows, and a breakdown adds up.
/// </summary>
public sealed class IncrementalAggregation : KpiAggregationKind
{
    /// <inheritdoc/>
    public override KpiAggregation Kind => KpiAggregation.Incremental;

    /// <inheritdoc/>
    public override bool BreakdownsAddUp => true;

    /// <inheritdoc/>
    public override bool BreaksDown => true;

    /// <inheritdoc/>
    public override bool OnlyGrows => true;

    /// <inheritdoc/>
    public override bool TakesYesNo => false;

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
