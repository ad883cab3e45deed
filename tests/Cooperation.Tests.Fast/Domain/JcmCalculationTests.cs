using Cooperation.Contracts.Common;
using Cooperation.Contracts.Jcm;

namespace Cooperation.Tests.Domain;

/// <summary>
/// Hand computation (VN_AM003 ver 1.0 as the platform computes it), with EC_PJ = 1,200 MWh,
/// η_RE = 0.80, η_PJ = 0.95, EF_grid = 0.9 tCO2/MWh:
/// RE = 1,200 × 0.95 / 0.80 × 0.9 = 1,200 × 1.1875 × 0.9 = 1,282.5 tCO2e;
/// PE = 1,200 × 0.9 = 1,080 tCO2e; ER = 202.5 tCO2e; credits 202 (rounded down), allocated as
/// the Government of Japan 50 % (⌈101⌉ = 101), the Government of Viet Nam 10 % (⌈20.2⌉ = 21) and
/// the participants the remaining 80.
/// </summary>
public sealed class JcmCalculationTests
{
    private static readonly CreditShare Japan = new("Government of Japan", 50, CreditHolder.GovernmentOfJapan);
    private static readonly CreditShare VietNam = new("Government of Viet Nam", 10, CreditHolder.PartnerGovernment);
    private static readonly CreditShare Participants = new("Participants", 40, CreditHolder.ProjectParticipant);

    public static JcmMonitoringPlan Plan(double projectEfficiency = 0.95, params CreditShare[] shares) => new(
        "VN_AM003", "1.0",
        [new MonitoredParameter("ec-pj", "MWh", MonitoringOption.C, "M-017", new DateOnly(2024, 11, 15))],
        Factors(0.9, 0.80, projectEfficiency),
        shares.Length > 0 ? shares : [Japan, VietNam, Participants],
        CreditRounding.GovernmentsRoundedUp);

    private static ValueList<FixedFactor> Factors(double grid, double reference, double project) =>
    [
        new FixedFactor("ef-grid", grid, "tCO2/MWh", "Test grid factor", 2023),
        new FixedFactor("eta-re", reference, "-", "Methodology default"),
        new FixedFactor("eta-pj", project, "-", "Manufacturer's specification"),
    ];

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
        Assert.Equal([new CreditAllocation("Government of Japan", 101, CreditHolder.GovernmentOfJapan),
            new CreditAllocation("Government of Viet Nam", 21, CreditHolder.PartnerGovernment),
            new CreditAllocation("Participants", 80, CreditHolder.ProjectParticipant)], result.Allocations);
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
        var plan = Plan() with { Factors = Factors(1, 1, 2) };

        var result = JcmCalculation.Compute(plan, Period(12.9999996), ReportingFrequency.Monthly);

        Assert.Equal(12.9999996m, result.EmissionReductions);
        Assert.Equal(12, result.Credits);
    }

    [Fact]
    public void Implausibly_large_emissions_are_refused_not_overflowed()
    {
        var plan = Plan() with { Factors = Factors(1e15, 1e-15, 1e15) };

        var error = Assert.Throws<InvalidFieldException>(() => JcmCalculation.Compute(plan, Period(1e15), ReportingFrequency.Monthly));
        Assert.Equal("values", Assert.Single(error.Violations).Field);
    }

    [Fact]
    public void Issued_credits_in_viet_nam_151_t_gave_japan_76_and_viet_nam_16()
    {
        // 151 × 50 % = 75.5 → 76; 151 × 10 % = 15.1 → 16; the participants take the remaining 59.
        var allocation = JcmCalculation.Allocate(151, [Japan, VietNam, Participants], CreditRounding.GovernmentsRoundedUp);

        Assert.Equal([76L, 16L, 59L], allocation.Select(a => a.Credits));
    }

    [Fact]
    public void Issued_credits_in_viet_nam_189_t_gave_japan_95()
    {
        // 189 × 50 % = 94.5 → 95; the rest is shared by the others and all 189 are allocated.
        var allocation = JcmCalculation.Allocate(189, [Japan, VietNam, Participants], CreditRounding.GovernmentsRoundedUp);

        Assert.Equal(95, allocation[0].Credits);
        Assert.Equal(189, allocation.Sum(a => a.Credits));
    }

    [Fact]
    public void Participants_share_the_remainder_by_their_percentages_and_governments_never_exceed_the_issuance()
    {
        CreditShare[] shares = [Japan, VietNam, new("Builder", 30, CreditHolder.ProjectParticipant), new("Operator", 10, CreditHolder.ProjectParticipant)];

        // 151: governments 76 + 16; the remaining 59 split 30 : 10 = 44.25 / 14.75 → 44 / 15.
        Assert.Equal([76L, 16L, 44L, 15L], JcmCalculation.Allocate(151, shares, CreditRounding.GovernmentsRoundedUp).Select(a => a.Credits));
        // 1 t: Japan's ⌈0.5⌉ takes it; nothing is left to round Viet Nam's 0.1 up to.
        Assert.Equal([1L, 0L, 0L, 0L], JcmCalculation.Allocate(1, shares, CreditRounding.GovernmentsRoundedUp).Select(a => a.Credits));
    }

    [Fact]
    public void Credits_split_by_largest_remainder_and_add_up()
    {
        // 202 × 40/35/25 % = 80.8 / 70.7 / 50.5: floors 80 + 70 + 50 = 200, the two left go to 0.8 and 0.7.
        CreditShare[] shares = [new("A", 40, CreditHolder.GovernmentOfJapan), new("B", 35, CreditHolder.PartnerGovernment), new("C", 25, CreditHolder.ProjectParticipant)];
        Assert.Equal([81L, 71L, 50L], JcmCalculation.Allocate(202, shares, CreditRounding.LargestRemainder).Select(a => a.Credits));

        // Ties go to the earlier holder: 161 × 50/50 = 80.5 / 80.5.
        CreditShare[] halves = [new("Japan", 50, CreditHolder.GovernmentOfJapan), new("Viet Nam", 50, CreditHolder.PartnerGovernment)];
        Assert.Equal([81L, 80L], JcmCalculation.Allocate(161, halves, CreditRounding.LargestRemainder).Select(a => a.Credits));
    }

    [Fact]
    public void Totals_add_each_holders_credits_over_the_periods()
    {
        var first = JcmCalculation.Compute(Plan(), Period(), ReportingFrequency.Monthly);
        var second = JcmCalculation.Compute(Plan(), Period(1000) with { PeriodId = "mp-2025-h2" }, ReportingFrequency.Monthly);

        // 1,000 MWh: ER 168.75 → 168 credits: 84 / ⌈16.8⌉ = 17 / 67.
        Assert.Equal([185L, 38L, 147L], JcmCalculation.Totals([first, second]).Select(a => a.Credits));
    }

    public static TheoryData<string, JcmMonitoringPlan> InvalidPlans => new()
    {
        { "credit_shares", Plan(0.95, Japan, VietNam with { Percent = 40 }) },
        { "methodology_id", Plan() with { MethodologyId = "VN_AM999" } },
        { "factors", Plan() with { Factors = ValueList.Of(Factors(0.9, 0.8, 0.95).Take(2)) } },
        { "factors", Plan() with { Factors = Factors(0.9, 0, 0.95) } },
        { "factors[1].source", Plan() with { Factors = Factors(0.9, 0.8, 0.95).Replace(f => f.Code == "eta-re", new FixedFactor("eta-re", 0.8, "-")) } },
        { "factors[0].year", Plan() with { Factors = Factors(0.9, 0.8, 0.95).Replace(f => f.Code == "ef-grid", new FixedFactor("ef-grid", 0.9, "tCO2/MWh", "MONRE")) } },
        { "credit_shares", Plan(0.95, Japan, VietNam with { Percent = 50 }) },
        { "credit_shares[1].holder", Plan(0.95, Japan, Japan with { Party = "Japan again" }, Participants with { Percent = 0.5m, Party = "x" }) },
        { "credit_rounding", Plan() with { Rounding = 0 } },
        { "parameters", Plan() with { Parameters = [] } },
        { "parameters[0].meter_id", Plan() with { Parameters = [new MonitoredParameter("ec-pj", "MWh", MonitoringOption.C, null, new DateOnly(2024, 1, 1))] } },
        { "parameters[0].calibration_date", Plan() with { Parameters = [new MonitoredParameter("ec-pj", "MWh", MonitoringOption.C, "M-1", null)] } },
        { "parameters[0].unit", Plan() with { Parameters = [new MonitoredParameter("ec-pj", " MWh", MonitoringOption.B, null, null)] } },
        { "credit_shares[1].party", Plan(0.95, Japan, Japan with { Holder = CreditHolder.ProjectParticipant }) },
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
