using Cooperation.Contracts.Common;
using Cooperation.Contracts.Kpis;
using Cooperation.Tests.Support;

namespace Cooperation.Tests.Domain;

public sealed class KpiDefinitionTests
{
    private static readonly DateOnly Start = new(2024, 1, 1);
    private static readonly DateOnly End = new(2026, 12, 31);

    [Fact]
    public void The_sample_and_a_falling_kpi_are_valid()
    {
        Sample.Kpi().Validate();
        (Sample.Kpi() with
        {
            Direction = KpiDirection.LowerIsBetter,
            Aggregation = KpiAggregation.Level,
            Baseline = new KpiPoint(500, Start),
            Target = new KpiPoint(350, End),
        }).Validate();
    }

    [Fact]
    public void Baseline_and_target_may_come_later()
    {
        (Sample.Kpi() with { Baseline = null, Target = null }).Validate();
        (Sample.Kpi() with { Target = null }).Validate();
    }

    public static TheoryData<string, KpiDefinition> Invalid => new()
    {
        { "target.value", Sample.Kpi() with { Target = new KpiPoint(0, End) } },
        { "target.value", Sample.Kpi() with { Direction = KpiDirection.LowerIsBetter, Aggregation = KpiAggregation.Level } },
        { "direction", Sample.Kpi() with { Direction = KpiDirection.LowerIsBetter, Target = new KpiPoint(-5, End) } },
        { "target.date", Sample.Kpi() with { Target = new KpiPoint(1200, Start) } },
        { "baseline.value", Sample.Kpi() with { Baseline = new KpiPoint(double.NaN, Start) } },
        { "target.value", Sample.Kpi() with { Target = new KpiPoint(double.PositiveInfinity, End) } },
        { "target.value", Sample.Kpi() with { Measure = KpiMeasure.Percentage, Target = new KpiPoint(120, End) } },
        { "baseline.value", Sample.Kpi() with { Measure = KpiMeasure.YesNo, Aggregation = KpiAggregation.Level, Baseline = new KpiPoint(0.5, Start), Target = new KpiPoint(1, End) } },
        { "aggregation", Sample.Kpi() with { Measure = KpiMeasure.YesNo } },
        { "kpi_code", Sample.Kpi("Compost") },
        { "unit", Sample.Kpi() with { Unit = " " } },
        { "unit", Sample.Kpi() with { Unit = " t" } },
        { "unit", Sample.Kpi() with { Unit = new string('t', 33) } },
        { "aggregation", Sample.Kpi() with { Aggregation = 0 } },
        { "direction", Sample.Kpi() with { Direction = 0 } },
        { "measure", Sample.Kpi() with { Measure = (KpiMeasure)9 } },
        { "dimensions", Sample.Kpi() with { Dimensions = ["a", "b", "c", "d"] } },
        { "dimensions[1]", Sample.Kpi() with { Dimensions = ["sector", "sector"] } },
        { "dimensions", Sample.Kpi() with { Aggregation = KpiAggregation.Ratio, Dimensions = ["sector"] } },
        { "name", Sample.Kpi() with { Name = null! } },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Refuses_a_broken_rule_naming_the_field(string field, KpiDefinition kpi)
    {
        var error = Assert.Throws<InvalidFieldException>(kpi.Validate);
        Assert.Equal(field, Assert.Single(error.Violations).Field);
    }

    [Fact]
    public void Only_names_direction_and_targets_may_change_once_readings_exist()
    {
        var kpi = Sample.Kpi();
        Assert.True(kpi.KeepsReadingsOf(kpi with { Target = new KpiPoint(2000, End), Name = new LocalizedText(null, null, "Compost") }));
        Assert.False(kpi.KeepsReadingsOf(kpi with { Unit = "kg" }));
        Assert.False(kpi.KeepsReadingsOf(kpi with { Aggregation = KpiAggregation.Cumulative }));
        Assert.False(kpi.KeepsReadingsOf(kpi with { Dimensions = ["sector"] }));
    }
}
