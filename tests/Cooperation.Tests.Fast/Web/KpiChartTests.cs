using Cooperation.Contracts.Common;
using Cooperation.Contracts.Kpis;
using Cooperation.Silo.Kpis;
using Cooperation.Silo.Kpis.Readings;
using Cooperation.Tests.Support;
using Cooperation.Web.Reading;

namespace Cooperation.Tests.Web;

/// <summary>
/// A KPI's chart on a pilot page: actual values as the aggregation kind combines the periods, the
/// straight line from baseline to target in the KPI's unit, and each point judged as the API judges
/// the latest. Sample KPI: 0 t on 2024-01-01 to 1,200 t by 2026-12-31, incremental; the end of March
/// 2025 is day 455 of 1,095, so the line expects 455 / 1095 × 1,200 = 498.63 t by then.
/// </summary>
public sealed class KpiChartTests
{
    private static StoredKpiReading Reading(string period, double value, long sequence, double? numerator = null, double? denominator = null) =>
        new("k", ReportingPeriod.Parse(period, "period"), value, numerator, denominator, [], null, null, sequence, DateTimeOffset.UnixEpoch);

    private static KpiView View(KpiDefinition kpi, IReadOnlyList<StoredKpiReading> periods)
    {
        var ledger = new KpiReadingLedger();
        ledger.Apply(periods);
        return new(kpi, KpiProgressCalculator.Calculate(kpi, ledger.For(kpi.Code)));
    }

    [Fact]
    public void Actuals_add_up_the_periods_of_an_incremental_kpi_and_the_line_runs_from_baseline_to_target()
    {
        var kpi = Sample.Kpi("k");
        StoredKpiReading[] periods = [Reading("2025-01", 40, 1), Reading("2025-02", 50, 2), Reading("2025-03", 60, 3)];

        var chart = KpiChart.Of(View(kpi, periods), periods, ReportingFrequency.Monthly);

        // Every month from the baseline's to the target's: 2024-01 … 2026-12.
        Assert.Equal(36, chart.Points.Count);
        Assert.Equal("2024-01", chart.Points[0].Period.ToString());
        Assert.Equal("2026-12", chart.Points[^1].Period.ToString());
        var march = chart.Points.Single(p => p.Period.ToString() == "2025-03");
        Assert.Equal(150, march.Actual);
        Assert.Equal(455.0 / 1095 * 1200, march.Expected!.Value, 6);
        Assert.Equal([40d, 90d, 150d], chart.Points.Where(p => p.Actual is not null).Select(p => p.Actual!.Value));
        Assert.Null(chart.Points.Single(p => p.Period.ToString() == "2025-04").Actual);
        Assert.Equal(1200, chart.Points[^1].Expected);
        Assert.True(chart.HasData);
    }

    [Theory]
    [InlineData(KpiAggregation.Incremental)]
    [InlineData(KpiAggregation.Cumulative)]
    [InlineData(KpiAggregation.Level)]
    [InlineData(KpiAggregation.Ratio)]
    public void The_latest_point_is_judged_as_the_apis_progress_judges_the_kpi(KpiAggregation aggregation)
    {
        var kpi = Sample.Kpi("k") with
        {
            Aggregation = aggregation,
            Measure = aggregation == KpiAggregation.Ratio ? KpiMeasure.Percentage : KpiMeasure.Number,
            Baseline = new KpiPoint(0, new DateOnly(2024, 1, 1)),
            Target = new KpiPoint(aggregation == KpiAggregation.Ratio ? 80 : 1200, new DateOnly(2026, 12, 31)),
        };
        StoredKpiReading[] periods = aggregation == KpiAggregation.Ratio
            ? [Reading("2025-01", 20, 1, 20, 100), Reading("2025-02", 50, 2, 100, 200), Reading("2025-03", 40, 3, 40, 100)]
            : [Reading("2025-01", 100, 1), Reading("2025-02", 300, 2), Reading("2025-03", 420, 3)];
        var view = View(kpi, periods);

        var chart = KpiChart.Of(view, periods, ReportingFrequency.Monthly);

        var latest = chart.Points.Last(p => p.Actual is not null);
        Assert.Equal(view.Progress.CurrentValue, latest.Actual);
        Assert.Equal(view.Progress.Status, latest.Status);
    }

    [Fact]
    public void A_kpi_without_target_draws_its_readings_and_no_line()
    {
        var kpi = Sample.Kpi("k") with { Baseline = null, Target = null, Aggregation = KpiAggregation.Level };
        StoredKpiReading[] periods = [Reading("2025-Q1", 5, 1), Reading("2025-Q3", 7, 2)];

        var chart = KpiChart.Of(View(kpi, periods), periods, ReportingFrequency.Monthly);

        // The readings' calendar (quarters), from the first to the last.
        Assert.Equal(["2025-Q1", "2025-Q2", "2025-Q3"], chart.Points.Select(p => p.Period.ToString()));
        Assert.All(chart.Points, p => Assert.Null(p.Expected));
        Assert.Equal(KpiStatus.NoTarget, chart.Points[0].Status);
    }

    [Fact]
    public void A_kpi_with_nothing_yet_has_an_empty_chart_and_one_with_only_a_target_shows_the_line()
    {
        var bare = Sample.Kpi("k") with { Baseline = null, Target = null };
        Assert.False(KpiChart.Of(View(bare, []), [], ReportingFrequency.Monthly).HasData);

        var planned = KpiChart.Of(View(Sample.Kpi("k"), []), [], ReportingFrequency.Quarterly);
        Assert.Equal(12, planned.Points.Count);
        Assert.True(planned.HasData);
        Assert.All(planned.Points, p => Assert.Null(p.Actual));
    }

    [Fact]
    public void A_very_long_line_keeps_its_latest_periods()
    {
        var kpi = Sample.Kpi("k") with { Target = new KpiPoint(1200, new DateOnly(2049, 12, 31)) };

        var chart = KpiChart.Of(View(kpi, []), [], ReportingFrequency.Monthly);

        Assert.Equal(KpiChart.MaxPoints, chart.Points.Count);
        Assert.Equal("2049-12", chart.Points[^1].Period.ToString());
    }

    [Fact]
    public void The_chart_json_keeps_letters_escapes_markup_and_rounds_the_noise_of_sums()
    {
        var kpi = Sample.Kpi("k") with { Unit = "t" };
        StoredKpiReading[] periods = [Reading("2025-01", 0.1, 1), Reading("2025-02", 0.2, 2)];
        var chart = KpiChart.Of(View(kpi, periods), periods, ReportingFrequency.Monthly);

        var json = ChartData.Kpi(chart, "ja", p => $"{p}月</script>", ("実績", "計画", "目標")).ToJson();

        Assert.Contains("\"実績\"", json);
        Assert.Contains("月\\u003C/script\\u003E", json);
        Assert.DoesNotContain("</script>", json);
        // 0.1 + 0.2 is 0.30000000000000004 in doubles; the chart gets 0.3. The line's 498.6301369863014 keeps 7 digits.
        Assert.Contains("0.1,0.3,", json);
        Assert.Equal(0.3, ChartData.Rounded(0.1 + 0.2));
        Assert.Equal(498.6301, ChartData.Rounded(455 / 1095.0 * 1200));
        Assert.Equal(-12345679, ChartData.Rounded(-12345678.9)); // whole numbers stay whole
        Assert.Null(ChartData.Rounded(null));
    }
}
