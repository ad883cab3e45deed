using Cooperation.Contracts.Common;
using Cooperation.Contracts.Kpis;
using Cooperation.Contracts.Kpis.Aggregations;

namespace Cooperation.Web.Reading;

/// <summary>One period of a KPI's chart.</summary>
/// <param name="Period">The period.</param>
/// <param name="Actual">The KPI's value after the period, as its aggregation kind combines the periods so far; null without a reading for it.</param>
/// <param name="Expected">What the straight line from baseline to target expects by the period's end; null before the baseline or without baseline and target.</param>
/// <param name="Status">How <paramref name="Actual"/> stands at the period's end, judged as the API judges the latest; null without a reading.</param>
internal sealed record KpiChartPoint(ReportingPeriod Period, double? Actual, double? Expected, KpiStatus? Status);

/// <summary>
/// A KPI's chart on a pilot page: its actual value period by period against the trajectory it is
/// judged on and its target, in the KPI's unit. Values come from the KPI's aggregation kind
/// (<see cref="KpiAggregationKind.ValuesAfterEach"/>), each point's status from its
/// <see cref="KpiAggregationKind.Judge"/> and the line from <see cref="KpiTrajectory"/>: the same
/// judgement as the API's progress, never a second one.
/// </summary>
/// <param name="Kpi">The KPI with its progress, as the grain shows it (its status is the API's).</param>
/// <param name="Points">Every period from the first of baseline, readings and target to the last, oldest first.</param>
internal sealed record KpiChart(KpiView Kpi, IReadOnlyList<KpiChartPoint> Points)
{
    /// <summary>Most periods a chart shows (twenty years of months); the latest are kept.</summary>
    public const int MaxPoints = 240;

    /// <summary>Whether the chart has anything to draw: a reading, or a baseline and target to draw the line between.</summary>
    public bool HasData => Points.Any(p => p.Actual is not null || p.Expected is not null);

    /// <summary>
    /// The chart of <paramref name="kpi"/> from <paramref name="periods"/>, the value that counts per
    /// period (the grain's series, oldest first), on a calendar of <paramref name="frequency"/>.
    /// </summary>
    public static KpiChart Of(KpiView kpi, IReadOnlyList<StoredKpiReading> periods, ReportingFrequency frequency)
    {
        var definition = kpi.Definition;
        var aggregation = KpiAggregations.Of(definition.Aggregation);
        var actuals = new Dictionary<ReportingPeriod, (double Value, KpiStatus Status)>();
        foreach (var (reading, value) in periods.Zip(aggregation.ValuesAfterEach(definition, periods.Select(PeriodFigure.Of))))
            actuals[reading.Period] = (value, aggregation.Judge(definition, value, reading.Period.End).Status);

        var ends = new List<DateOnly>(periods.Select(p => p.Period.End));
        if (definition is { Baseline: { } baseline, Target: { } target })
            ends.AddRange([baseline.Date, target.Date]);
        if (ends.Count == 0)
            return new(kpi, []);
        // Readings decide the calendar; a KPI without any follows its pilot's.
        var calendar = periods.Count > 0 ? periods[0].Period.Frequency : frequency;
        var first = ReportingPeriod.Containing(ends.Min(), calendar);
        var last = ReportingPeriod.Containing(ends.Max(), calendar);

        var points = new List<KpiChartPoint>();
        for (var period = first; period.CompareTo(last) <= 0; period = period.Next())
        {
            var actual = actuals.TryGetValue(period, out var a) ? a : ((double, KpiStatus)?)null;
            points.Add(new(period, actual?.Item1, Expected(definition, period), actual?.Item2));
        }
        return new(kpi, points.Count > MaxPoints ? points[^MaxPoints..] : points);
    }

    private static double? Expected(KpiDefinition definition, ReportingPeriod period) =>
        definition is { Baseline: { } baseline, Target: { } target } && period.End >= baseline.Date
            ? KpiTrajectory.ExpectedValue(baseline, target, period.End)
            : null;
}
