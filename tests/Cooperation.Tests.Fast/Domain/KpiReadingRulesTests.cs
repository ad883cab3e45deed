using Cooperation.Contracts.Common;
using Cooperation.Contracts.Kpis;
using Cooperation.Tests.Support;

namespace Cooperation.Tests.Domain;

public sealed class KpiReadingRulesTests
{
    private static readonly ReportingPeriod March = ReportingPeriod.Parse("2025-03", "p");

    private static (double? Value, string[] Fields) Check(KpiDefinition kpi, KpiReadingInput reading)
    {
        var violations = new List<FieldViolation>();
        var value = KpiReadingRules.Check(kpi, reading, "readings[0]", violations);
        return (value, violations.Select(v => v.Field).ToArray());
    }

    private static readonly KpiDefinition Waste = Sample.Kpi("waste") with { Dimensions = ["waste-stream"] };
    private static readonly KpiDefinition Share = Sample.Kpi("share") with
    {
        Measure = KpiMeasure.Percentage,
        Aggregation = KpiAggregation.Ratio,
        Baseline = new KpiPoint(10, new DateOnly(2024, 1, 1)),
        Target = new KpiPoint(50, new DateOnly(2026, 12, 31)),
    };

    [Fact]
    public void A_breakdown_of_a_sum_must_add_up_to_the_value()
    {
        var good = new KpiReadingInput("waste", March, 100, Breakdown:
            [new BreakdownValue("waste-stream", "markets", 60), new BreakdownValue("waste-stream", "households", 40)]);
        Assert.Equal((100.0, Array.Empty<string>()), Check(Waste, good));

        var bad = good with { Breakdown = [new BreakdownValue("waste-stream", "markets", 60), new BreakdownValue("waste-stream", "households", 30)] };
        Assert.Equal(["readings[0].breakdown"], Check(Waste, bad).Fields);
    }

    [Fact]
    public void A_breakdown_names_known_dimensions_and_distinct_categories()
    {
        var reading = new KpiReadingInput("waste", March, 100, Breakdown:
            [new BreakdownValue("colour", "green", 100), new BreakdownValue("waste-stream", "markets", 50), new BreakdownValue("waste-stream", "markets", 50)]);

        Assert.Equal(["readings[0].breakdown[0].dimension", "readings[0].breakdown[2].category"], Check(Waste, reading).Fields);
    }

    [Fact]
    public void A_ratio_takes_numerator_and_denominator_and_stores_their_quotient()
    {
        Assert.Equal(25.0, Check(Share, new KpiReadingInput("share", March, null, 5, 20)).Value);
        Assert.Equal(["readings[0].value"], Check(Share, new KpiReadingInput("share", March, 25, 5, 20)).Fields);
        Assert.Equal(["readings[0].denominator"], Check(Share, new KpiReadingInput("share", March, null, 5, 0)).Fields);
        Assert.Equal(["readings[0].numerator"], Check(Share, new KpiReadingInput("share", March, null, 30, 20)).Fields);
    }

    [Theory]
    [InlineData(KpiMeasure.Percentage, 101, "readings[0].value")]
    [InlineData(KpiMeasure.Percentage, -1, "readings[0].value")]
    [InlineData(KpiMeasure.YesNo, 0.5, "readings[0].value")]
    [InlineData(KpiMeasure.Number, double.NaN, "readings[0].value")]
    [InlineData(KpiMeasure.Number, 1e16, "readings[0].value")]
    public void Values_must_fit_the_measure(KpiMeasure measure, double value, string field)
    {
        var kpi = Sample.Kpi() with { Measure = measure, Aggregation = KpiAggregation.Level, Baseline = null, Target = null };
        Assert.Equal([field], Check(kpi, Sample.Reading("2025-03", value)).Fields);
    }

    [Fact]
    public void Notes_are_checked()
    {
        var reading = Sample.Reading("2025-03", 1) with { Note = new string('x', 501) };
        Assert.Equal(["readings[0].note"], Check(Sample.Kpi(), reading).Fields);
    }
}
