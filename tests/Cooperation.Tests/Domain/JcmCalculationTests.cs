using Cooperation.Contracts.Common;
using Cooperation.Contracts.Jcm;

namespace Cooperation.Tests.Domain;

/// <summary>
/// Hand computation (VN_AM003 ver 1.0 as the platform computes it), with EC_PJ = 1,200 MWh,
/// η_RE = 0.80, η_PJ = 0.95, EF_grid = 0.9 tCO2/MWh:
/// RE = 1,200 × 0.95 / 0.80 × 0.9 = 1,200 × 1.1875 × 0.9 = 1,282.5 tCO2e;
/// PE = 1,200 × 0.9 = 1,080 tCO2e; ER = 202.5 tCO2e; credits 202 (rounded down).
/// </summary>
public sealed class JcmCalculationTests
{
    public static JcmMonitoringPlan Plan(double projectEfficiency = 0.95, params CreditShare[] shares) => new(
        "VN_AM003", "1.0",
        [new MonitoredParameter("ec-pj", "MWh", MonitoringOption.C, "M-017", new DateOnly(2024, 11, 15))],
        [new FixedFactor("ef-grid", 0.9, "tCO2/MWh"), new FixedFactor("eta-re", 0.80, "-"), new FixedFactor("eta-pj", projectEfficiency, "-")],
        shares.Length > 0 ? shares : [new CreditShare("Japan", 50), new CreditShare("Viet Nam", 50)]);

    public static MonitoringPeriodInput Period(double consumption = 1200) =>
        new("mp-2025-h1", new DateOnly(2025, 1, 1), new DateOnly(2025, 6, 30), [new MonitoredValue("ec-pj", consumption)]);

    [Fact]
    public void Reductions_equal_the_hand_computation()
    {
        var result = JcmCalculation.Compute(Plan(), Period(), ReportingFrequency.Monthly);

        Assert.Equal(1282.5m, result.ReferenceEmissions);
        Assert.Equal(1080m, result.ProjectEmissions);
        Assert.Equal(202.5m, result.EmissionReductions);
        Assert.Equal(Plan(), result.Plan);
        Assert.Equal(202, result.Credits);
        Assert.Equal([new CreditAllocation("Japan", 101), new CreditAllocation("Viet Nam", 101)], result.Allocations);
        Assert.Empty(result.Warnings);
        Assert.Equal("2025-06", result.KpiPeriod.ToString());
        Assert.Equal("2025-Q2", JcmCalculation.Compute(Plan(), Period(), ReportingFrequency.Quarterly).KpiPeriod.ToString());
    }

    [Fact]
    public void Negative_reductions_are_reported_as_zero_with_a_warning()
    {
        // η_PJ below η_RE: RE = 1,200 × 0.875 × 0.9 = 945 < PE = 1,080.
        var result = JcmCalculation.Compute(Plan(projectEfficiency: 0.70), Period(), ReportingFrequency.Monthly);

        Assert.Equal(0, result.EmissionReductions);
        Assert.Equal(0, result.Credits);
        Assert.Contains("-135", Assert.Single(result.Warnings));
        Assert.All(result.Allocations, a => Assert.Equal(0, a.Credits));
    }

    [Fact]
    public void Credits_are_rounded_down_exactly_even_a_hair_below_a_whole_tonne()
    {
        // η_PJ / η_RE = 2 and EF = 1: ER = EC_PJ = 12.9999996 tCO2e, so 12 credits, not 13.
        var plan = Plan() with { Factors = [new FixedFactor("ef-grid", 1, "tCO2/MWh"), new FixedFactor("eta-re", 1, "-"), new FixedFactor("eta-pj", 2, "-")] };

        var result = JcmCalculation.Compute(plan, Period(12.9999996), ReportingFrequency.Monthly);

        Assert.Equal(12.9999996m, result.EmissionReductions);
        Assert.Equal(12, result.Credits);
    }

    [Fact]
    public void Implausibly_large_emissions_are_refused_not_overflowed()
    {
        var plan = Plan() with { Factors = [new FixedFactor("ef-grid", 1e15, "tCO2/MWh"), new FixedFactor("eta-re", 1e-15, "-"), new FixedFactor("eta-pj", 1e15, "-")] };

        var error = Assert.Throws<InvalidFieldException>(() => JcmCalculation.Compute(plan, Period(1e15), ReportingFrequency.Monthly));
        Assert.Equal("values", Assert.Single(error.Violations).Field);
    }

    [Fact]
    public void Credits_split_by_largest_remainder_and_add_up()
    {
        // 202 × 40/35/25 % = 80.8 / 70.7 / 50.5: floors 80 + 70 + 50 = 200, the two left go to 0.8 and 0.7.
        var split = JcmCalculation.Split(202, [new CreditShare("A", 40), new CreditShare("B", 35), new CreditShare("C", 25)]);
        Assert.Equal([81L, 71L, 50L], split.Select(a => a.Credits));

        // Ties go to the earlier party: 161 × 50/50 = 80.5 / 80.5.
        Assert.Equal([81L, 80L], JcmCalculation.Split(161, [new CreditShare("Japan", 50), new CreditShare("Viet Nam", 50)]).Select(a => a.Credits));
    }

    public static TheoryData<string, JcmMonitoringPlan> InvalidPlans => new()
    {
        { "credit_shares", Plan(0.95, new CreditShare("Japan", 50), new CreditShare("Viet Nam", 40)) },
        { "methodology_id", Plan() with { MethodologyId = "VN_AM999" } },
        { "factors", Plan() with { Factors = [new FixedFactor("ef-grid", 0.9, "tCO2/MWh"), new FixedFactor("eta-re", 0.8, "-")] } },
        { "factors", Plan() with { Factors = [new FixedFactor("ef-grid", 0.9, "tCO2/MWh"), new FixedFactor("eta-re", 0, "-"), new FixedFactor("eta-pj", 0.95, "-")] } },
        { "parameters", Plan() with { Parameters = [] } },
        { "parameters[0].meter_id", Plan() with { Parameters = [new MonitoredParameter("ec-pj", "MWh", MonitoringOption.C, null, new DateOnly(2024, 1, 1))] } },
        { "parameters[0].calibration_date", Plan() with { Parameters = [new MonitoredParameter("ec-pj", "MWh", MonitoringOption.C, "M-1", null)] } },
        { "parameters[0].unit", Plan() with { Parameters = [new MonitoredParameter("ec-pj", " MWh", MonitoringOption.B, null, null)] } },
        { "credit_shares[1].party", Plan(0.95, new CreditShare("Japan", 50), new CreditShare("Japan", 50)) },
    };

    [Theory]
    [MemberData(nameof(InvalidPlans))]
    public void A_plan_the_methodology_cannot_use_is_refused(string field, JcmMonitoringPlan plan)
    {
        var error = Assert.Throws<InvalidFieldException>(() => JcmMethodologies.CheckPlan(plan));
        Assert.Equal(field, Assert.Single(error.Violations).Field);
    }

    [Fact]
    public void A_period_must_give_every_monitored_value_and_nothing_else()
    {
        Assert.Throws<InvalidFieldException>(() => JcmCalculation.Compute(Plan(), Period() with { Values = [] }, ReportingFrequency.Monthly));
        Assert.Throws<InvalidFieldException>(() => JcmCalculation.Compute(Plan(), Period() with { Values = [new MonitoredValue("ec-pj", 1), new MonitoredValue("fuel", 2)] }, ReportingFrequency.Monthly));
        Assert.Throws<InvalidFieldException>(() => JcmCalculation.Compute(Plan(), Period(-5), ReportingFrequency.Monthly));
    }
}
