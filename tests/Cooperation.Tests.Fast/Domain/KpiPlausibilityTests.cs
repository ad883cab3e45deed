using Cooperation.Contracts.Kpis;
using Cooperation.Tests.Support;
using static Cooperation.Contracts.Kpis.PlausibilityWarning;

namespace Cooperation.Tests.Domain;

/// <summary>
/// Warnings before a partner submits (never refusals): a value far from the previous period's, a
/// negative value where the KPI can only grow, a running total that went down, a yes gone back to no.
/// </summary>
public sealed class KpiPlausibilityTests
{
    private static KpiDefinition Kpi(KpiAggregation aggregation, KpiMeasure measure = KpiMeasure.Number) =>
        Sample.Kpi() with { Aggregation = aggregation, Measure = measure };

    [Theory]
    // previous, value, warning: more than 3× or less than a third of the previous period, by size
    [InlineData(100.0, 301.0, FarAbovePrevious)]
    [InlineData(100.0, 33.0, FarBelowPrevious)]
    [InlineData(-100.0, 20.0, FarBelowPrevious)]
    public void A_value_far_from_the_previous_period_is_questioned(double previous, double value, PlausibilityWarning warning) =>
        Assert.Equal([warning], KpiPlausibility.Of(Kpi(KpiAggregation.Level), value, previous));

    [Theory]
    [InlineData(100.0, 300.0)]
    [InlineData(100.0, 34.0)]
    [InlineData(0.0, 5000.0)]     // nothing to compare with
    [InlineData(null, 5000.0)]    // the first period
    public void A_value_within_three_times_or_without_a_previous_one_is_not(double? previous, double value) =>
        Assert.Empty(KpiPlausibility.Of(Kpi(KpiAggregation.Level), value, previous));

    [Fact]
    public void A_negative_value_is_questioned_where_the_kpi_only_grows()
    {
        Assert.Equal([NegativeWhereOnlyGrowing], KpiPlausibility.Of(Kpi(KpiAggregation.Incremental), -5, null));
        Assert.Equal([FarAbovePrevious, NegativeWhereOnlyGrowing], KpiPlausibility.Of(Kpi(KpiAggregation.Incremental), -50, 10));
        Assert.Empty(KpiPlausibility.Of(Kpi(KpiAggregation.Level), -5, null));
    }

    [Fact]
    public void A_running_total_that_went_down_is_questioned_and_one_that_held_is_not()
    {
        Assert.Equal([RunningTotalWentDown], KpiPlausibility.Of(Kpi(KpiAggregation.Cumulative), 990, 1000));
        Assert.Empty(KpiPlausibility.Of(Kpi(KpiAggregation.Cumulative), 1000, 1000));
        // An incremental KPI's period may well be smaller than the one before.
        Assert.Empty(KpiPlausibility.Of(Kpi(KpiAggregation.Incremental), 990, 1000));
    }

    [Fact]
    public void A_yes_gone_back_to_no_is_questioned_and_yes_no_values_are_not_compared_by_size()
    {
        var done = Kpi(KpiAggregation.Level, KpiMeasure.YesNo);
        Assert.Equal([YesWentBackToNo], KpiPlausibility.Of(done, 0, 1));
        Assert.Empty(KpiPlausibility.Of(done, 1, 0));
        Assert.Empty(KpiPlausibility.Of(done, 1, 1));
    }
}
