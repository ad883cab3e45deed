using Cooperation.Contracts.Common;
using Cooperation.Contracts.Kpis;
using Cooperation.Silo.Kpis;
using Cooperation.Silo.Kpis.Readings;
using Cooperation.Tests.Support;

namespace Cooperation.Tests.Domain;

/// <summary>
/// Hand-computed: baseline 2024-01-01, target 2026-12-31 is 1,095 days; the end of March 2025 is
/// day 455, so the straight line expects 455 / 1095 = 41.55 % of the way by then.
/// </summary>
public sealed class KpiProgressCalculatorTests
{
    private static readonly KpiPoint Baseline = new(0, new DateOnly(2024, 1, 1));

    private static KpiReadingSeries? Series(params (string Period, double Value)[] readings) =>
        Ledger(readings.Select(r => (r.Period, r.Value, (double?)null, (double?)null)).ToArray());

    private static KpiReadingSeries? Ledger(params (string Period, double Value, double? Numerator, double? Denominator)[] readings)
    {
        var ledger = new KpiReadingLedger();
        var sequence = 0;
        ledger.Apply(readings.Select(r => new StoredKpiReading("k", ReportingPeriod.Parse(r.Period, "p"), r.Value, r.Numerator, r.Denominator,
            [], null, null, ++sequence, DateTimeOffset.UnixEpoch)));
        return ledger.For("k");
    }

    private static KpiDefinition Kpi(double baseline, double target, KpiAggregation aggregation,
        KpiDirection direction = KpiDirection.HigherIsBetter, KpiMeasure measure = KpiMeasure.Number) =>
        Sample.Kpi("k") with
        {
            Baseline = Baseline with { Value = baseline },
            Target = new KpiPoint(target, new DateOnly(2026, 12, 31)),
            Aggregation = aggregation,
            Direction = direction,
            Measure = measure,
        };

    [Fact]
    public void Expected_share_follows_the_straight_line_and_is_clamped()
    {
        var target = new KpiPoint(1200, new DateOnly(2026, 12, 31));
        Assert.Equal(455.0 / 1095, KpiProgressCalculator.ExpectedShare(Baseline, target, new DateOnly(2025, 3, 31)), 10);
        Assert.Equal(0, KpiProgressCalculator.ExpectedShare(Baseline, target, new DateOnly(2023, 6, 30)));
        Assert.Equal(1, KpiProgressCalculator.ExpectedShare(Baseline, target, new DateOnly(2027, 6, 30)));
    }

    [Fact]
    public void Incremental_kpis_sum_their_periods()
    {
        var progress = KpiProgressCalculator.Calculate(Kpi(0, 1200, KpiAggregation.Incremental),
            Series(("2025-01", 40), ("2025-02", 50), ("2025-03", 60)));

        Assert.Equal(150, progress.CurrentValue);
        Assert.Equal(12.5, progress.PercentOfTarget!.Value, 10);
        // 12.5 % reached of 41.55 % expected: 30 % of the way, off track.
        Assert.Equal(KpiStatus.OffTrack, progress.Status);
        Assert.Equal("2025-03", progress.Latest!.Period.ToString());
        Assert.Equal(3, progress.PeriodCount);
        Assert.Equal(3, progress.ReadingCount);
    }

    [Theory]
    [InlineData(420, 42.0, KpiStatus.OnTrack)]    // 42 / 41.55 = 1.01
    [InlineData(380, 38.0, KpiStatus.OnTrack)]    // 38 / 41.55 = 0.915
    [InlineData(300, 30.0, KpiStatus.AtRisk)]     // 30 / 41.55 = 0.722
    [InlineData(240, 24.0, KpiStatus.OffTrack)]   // 24 / 41.55 = 0.578
    public void Cumulative_kpis_count_the_latest_period(double latest, double percent, KpiStatus status)
    {
        var progress = KpiProgressCalculator.Calculate(Kpi(0, 1000, KpiAggregation.Cumulative),
            Series(("2025-01", 100), ("2025-03", latest), ("2025-02", 200)));

        Assert.Equal(latest, progress.CurrentValue);
        Assert.Equal(percent, progress.PercentOfTarget!.Value, 10);
        Assert.Equal(status, progress.Status);
    }

    [Fact]
    public void A_falling_kpi_measures_progress_downwards()
    {
        // Energy use 500 → 350: 450 is a third of the way (33.3 % of 41.55 % expected = 0.80).
        var progress = KpiProgressCalculator.Calculate(Kpi(500, 350, KpiAggregation.Level, KpiDirection.LowerIsBetter), Series(("2025-03", 450)));

        Assert.Equal(100.0 / 3, progress.PercentOfTarget!.Value, 10);
        Assert.Equal(KpiStatus.AtRisk, progress.Status);
    }

    [Fact]
    public void Ratios_sum_numerators_and_denominators_never_average_percentages()
    {
        // 10/100 and 90/100 average to 50 %; (10 + 45) / (100 + 50) is 36.67 %.
        var progress = KpiProgressCalculator.Calculate(Kpi(0, 100, KpiAggregation.Ratio, measure: KpiMeasure.Percentage),
            Ledger(("2025-02", 10, 10, 100), ("2025-03", 90, 45, 50)));

        Assert.Equal(55.0 / 150 * 100, progress.CurrentValue!.Value, 10);
    }

    [Fact]
    public void A_later_reading_of_a_period_supersedes_the_earlier_one()
    {
        var progress = KpiProgressCalculator.Calculate(Kpi(0, 1000, KpiAggregation.Cumulative),
            Series(("2025-03", 420), ("2025-03", 380)));

        Assert.Equal(380, progress.CurrentValue);
        Assert.Equal(1, progress.PeriodCount);
        Assert.Equal(2, progress.ReadingCount);
    }

    [Fact]
    public void Without_readings_before_the_baseline_or_without_targets_nothing_is_judged()
    {
        var kpi = Kpi(0, 1200, KpiAggregation.Incremental);

        var none = KpiProgressCalculator.Calculate(kpi, null);
        Assert.Null(none.CurrentValue);
        Assert.Equal(KpiStatus.NotStarted, none.Status);
        Assert.Equal(KpiStatus.NotStarted, KpiProgressCalculator.Calculate(kpi, Series(("2023-12", 5))).Status);

        var untargeted = KpiProgressCalculator.Calculate(kpi with { Target = null }, Series(("2025-01", 5)));
        Assert.Equal(KpiStatus.NoTarget, untargeted.Status);
        Assert.Equal(5, untargeted.CurrentValue);
        Assert.Null(untargeted.PercentOfTarget);
    }
}
