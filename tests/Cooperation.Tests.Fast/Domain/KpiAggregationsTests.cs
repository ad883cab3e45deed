using Cooperation.Contracts.Common;
using Cooperation.Contracts.Kpis;
using Cooperation.Contracts.Kpis.Aggregations;
using Cooperation.Reports;
using Cooperation.Reports.Rendering;
using Cooperation.Silo.Kpis;
using Cooperation.Silo.Kpis.Readings;
using Cooperation.Tests.Support;

namespace Cooperation.Tests.Domain;

/// <summary>
/// The aggregation kinds' registry: one class per enum value, and the kind's rules used alike by
/// the definition, the reading check, the progress (the report's table) and the report's chart.
/// </summary>
public sealed class KpiAggregationsTests
{
    [Fact]
    public void Every_aggregation_value_has_exactly_one_class()
    {
        var classes = typeof(KpiAggregationKind).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(KpiAggregationKind)) && !t.IsAbstract)
            .Select(t => ((KpiAggregationKind)Activator.CreateInstance(t)!).Kind)
            .ToArray();

        Assert.Equal(Enum.GetValues<KpiAggregation>().Order(), classes.Order());
        Assert.All(Enum.GetValues<KpiAggregation>(), kind => Assert.Equal(kind, KpiAggregations.Of(kind).Kind));
        Assert.Equal(Enum.GetValues<KpiAggregation>(), KpiAggregations.All.Select(k => k.Kind));
        Assert.Throws<ArgumentOutOfRangeException>(() => KpiAggregations.Of((KpiAggregation)99));
    }

    [Theory]
    // kind, breakdowns add up, breaks down, only grows, takes yes/no
    [InlineData(KpiAggregation.Incremental, true, true, true, false)]
    [InlineData(KpiAggregation.Cumulative, true, true, true, false)]
    [InlineData(KpiAggregation.Level, false, true, false, true)]
    [InlineData(KpiAggregation.Ratio, false, false, false, false)]
    public void Each_kind_says_what_a_definition_of_it_may_be(KpiAggregation kind, bool addsUp, bool breaksDown, bool onlyGrows, bool yesNo)
    {
        var rules = KpiAggregations.Of(kind);
        Assert.Equal((addsUp, breaksDown, onlyGrows, yesNo), (rules.BreakdownsAddUp, rules.BreaksDown, rules.OnlyGrows, rules.TakesYesNo));
    }

    [Theory]
    [InlineData(KpiAggregation.Incremental, new[] { 10.0, 30.0, 60.0 })]
    [InlineData(KpiAggregation.Cumulative, new[] { 10.0, 20.0, 30.0 })]
    [InlineData(KpiAggregation.Level, new[] { 10.0, 20.0, 30.0 })]
    // Σ numerators ÷ Σ denominators so far: 1/10, 3/20, 6/30, as percentages.
    [InlineData(KpiAggregation.Ratio, new[] { 10.0, 15.0, 20.0 })]
    public void Each_kind_combines_the_periods_its_way(KpiAggregation kind, double[] expected)
    {
        var kpi = Kpi(kind);
        PeriodFigure[] periods = [new(10, 1, 10), new(20, 2, 10), new(30, 3, 10)];

        var values = KpiAggregations.Of(kind).ValuesAfterEach(kpi, periods).ToArray();

        Assert.Equal(expected, values.Select(v => Math.Round(v, 9)));
        Assert.Equal(values[^1], KpiAggregations.Of(kind).CurrentValue(kpi, periods));
    }

    /// <summary>The chart's latest point is the table's progress, for every kind (the chart once drew a ratio's periods one by one).</summary>
    [Theory]
    [InlineData(KpiAggregation.Incremental)]
    [InlineData(KpiAggregation.Cumulative)]
    [InlineData(KpiAggregation.Level)]
    [InlineData(KpiAggregation.Ratio)]
    public void The_chart_draws_the_progress_the_table_shows(KpiAggregation kind)
    {
        var kpi = Kpi(kind);
        // Unequal denominators: the ratio of the sums differs from each period's own ratio.
        StoredKpiReading[] readings =
        [
            Reading("2025-01", 10, 5, 50), Reading("2025-02", 40, 40, 100), Reading("2025-03", 20, 2, 10),
        ];
        var progress = KpiProgressCalculator.Calculate(kpi, KpiReadingLedger.Of(readings).For("k"));
        var section = new KpiSection(new KpiView(kpi, progress), "K",
            [.. readings.Select(r => new KpiReportPoint(r.Period, r.Value, false, null, r.RecordedAt, false, r.Numerator, r.Denominator))]);

        var points = ReportCharts.Progress(section);

        Assert.Equal(3, points.Length);
        Assert.Equal(Math.Round(progress.PercentOfTarget!.Value, 1), points[^1].Y);
        if (kind == KpiAggregation.Ratio)
            Assert.Equal(Math.Round((5 + 40 + 2) / 160.0 * 100 / 80 * 100, 1), points[^1].Y);
    }

    [Fact]
    public void A_ratio_reading_holds_its_parts_and_a_plain_one_its_value()
    {
        var violations = new List<FieldViolation>();
        var ratio = KpiAggregations.Of(KpiAggregation.Ratio);
        var level = KpiAggregations.Of(KpiAggregation.Level);
        var march = ReportingPeriod.Parse("2025-03", "p");

        Assert.Equal(25, ratio.ValueOf(Kpi(KpiAggregation.Ratio), new("k", march, null, 1, 4), "r", violations));
        Assert.Null(ratio.ValueOf(Kpi(KpiAggregation.Ratio), new("k", march, 25), "r", violations));
        Assert.Equal(7, level.ValueOf(Kpi(KpiAggregation.Level), new("k", march, 7), "r", violations));
        // Parts sent to a plain KPI are named; the reading is refused as a whole (KpiReadingRules) for any violation.
        level.ValueOf(Kpi(KpiAggregation.Level), new("k", march, 7, 1, 4), "r", violations);
        Assert.Equal(["r.value", "r.numerator", "r.denominator", "r.numerator"], violations.Select(v => v.Field));
    }

    /// <summary>A percentage from 0 to 100 % of the way up: baseline 0 at 2024-01-01, target 80 at 2026-12-31.</summary>
    private static KpiDefinition Kpi(KpiAggregation kind) => Sample.Kpi("k") with
    {
        Aggregation = kind,
        Measure = kind == KpiAggregation.Ratio ? KpiMeasure.Percentage : KpiMeasure.Number,
        Baseline = new KpiPoint(0, new DateOnly(2024, 1, 1)),
        Target = new KpiPoint(80, new DateOnly(2026, 12, 31)),
    };

    private static StoredKpiReading Reading(string period, double value, double numerator, double denominator) =>
        new("k", ReportingPeriod.Parse(period, "p"), value, numerator, denominator, [], null, null, 0, DateTimeOffset.UnixEpoch);
}
