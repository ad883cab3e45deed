using Cooperation.Contracts.Common;
using Cooperation.Contracts.Pilots;
using Cooperation.Tests.Support;

namespace Cooperation.Tests.Domain;

public sealed class KpiDefinitionTests
{
    [Fact]
    public void The_sample_is_valid_and_rises() 
    {
        Sample.Kpi().Validate();
        Assert.Equal(KpiDirection.HigherIsBetter, Sample.Kpi().Direction);
    }

    [Fact]
    public void A_target_below_the_baseline_means_lower_is_better()
    {
        var energy = Sample.Kpi() with { Baseline = new KpiPoint(500, new DateOnly(2024, 1, 1)), Target = new KpiPoint(350, new DateOnly(2026, 1, 1)) };
        energy.Validate();
        Assert.Equal(KpiDirection.LowerIsBetter, energy.Direction);
    }

    public static TheoryData<string, KpiDefinition> Invalid => new()
    {
        { "target.value", Sample.Kpi() with { Target = new KpiPoint(0, new DateOnly(2026, 12, 31)) } },
        { "target.date", Sample.Kpi() with { Target = new KpiPoint(1200, new DateOnly(2024, 1, 1)) } },
        { "baseline.value", Sample.Kpi() with { Baseline = new KpiPoint(double.NaN, new DateOnly(2024, 1, 1)) } },
        { "target.value", Sample.Kpi() with { Target = new KpiPoint(double.PositiveInfinity, new DateOnly(2026, 12, 31)) } },
        { "kpi_code", Sample.Kpi("Compost") },
        { "unit", Sample.Kpi() with { Unit = " " } },
        { "unit", Sample.Kpi() with { Unit = new string('t', 33) } },
        { "aggregation", Sample.Kpi() with { Aggregation = 0 } },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Refuses_a_broken_rule_naming_the_field(string field, KpiDefinition kpi)
    {
        var error = Assert.Throws<InvalidFieldException>(kpi.Validate);
        Assert.Equal(field, Assert.Single(error.Violations).Field);
    }
}
