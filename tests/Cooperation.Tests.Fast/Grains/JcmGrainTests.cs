using Cooperation.Contracts.Pilots.Kinds;
using Cooperation.Contracts.Common;
using Cooperation.Contracts.Jcm;
using Cooperation.Contracts.Kpis;
using Cooperation.Contracts.Pilots;
using Cooperation.Tests.Domain;
using Cooperation.Tests.Support;

namespace Cooperation.Tests.Grains;

[Collection(TestClusterCollection.Name)]
public sealed class JcmGrainTests(TestClusterFixture fixture)
{
    private async Task<IPilotGrain> JcmPilotAsync()
    {
        var world = await World.CreateAsync(fixture.Client);
        var pilot = fixture.Client.GetGrain<IPilotGrain>(Ids.New("jcm"));
        await pilot.Create(Sample.Pilot(world, PilotKind.JcmEquipment), KpiTemplateChoice.All);
        return pilot;
    }

    [Fact]
    public async Task A_monitoring_period_feeds_the_emission_reductions_kpi_and_repeats_harmlessly()
    {
        var pilot = await JcmPilotAsync();
        await pilot.SetJcmPlan(JcmCalculationTests.Plan());

        var result = await pilot.RecordMonitoringPeriod(JcmCalculationTests.Period());
        var again = await pilot.RecordMonitoringPeriod(JcmCalculationTests.Period());
        var view = await pilot.Get();

        Assert.Equal(202.5m, result.EmissionReductions);
        Assert.Equal(result, again);
        Assert.Equal(202, view.Jcm!.TotalCredits);
        var kpi = view.Kpis.Single(k => k.Definition.Code == JcmCalculation.EmissionReductionsKpi);
        Assert.Equal(202.5, kpi.Progress.CurrentValue!.Value, 9);
        Assert.Equal("2025-06", kpi.Progress.Latest!.Period.ToString());
        Assert.Equal(1, kpi.Progress.ReadingCount);
    }

    [Fact]
    public async Task Monitoring_needs_a_plan_a_jcm_pilot_and_one_period_per_reporting_period()
    {
        var pilot = await JcmPilotAsync();
        await Assert.ThrowsAsync<RuleViolationException>(() => pilot.RecordMonitoringPeriod(JcmCalculationTests.Period()));
        await pilot.SetJcmPlan(JcmCalculationTests.Plan());
        await pilot.RecordMonitoringPeriod(JcmCalculationTests.Period());

        await Assert.ThrowsAsync<EntityExistsException>(() => pilot.RecordMonitoringPeriod(JcmCalculationTests.Period(1300)));
        await Assert.ThrowsAsync<RuleViolationException>(() =>
            pilot.RecordMonitoringPeriod(JcmCalculationTests.Period() with { PeriodId = "mp-june", Start = new DateOnly(2025, 6, 1) }));
        await Assert.ThrowsAsync<InvalidFieldException>(() =>
            pilot.RecordMonitoringPeriod(JcmCalculationTests.Period() with { PeriodId = "mp-future", Start = new DateOnly(2099, 1, 1), End = new DateOnly(2099, 6, 30) }));

        await Assert.ThrowsAsync<RuleViolationException>(() =>
            pilot.RecordMonitoringPeriod(JcmCalculationTests.Period() with { PeriodId = "mp-overlap", Start = new DateOnly(2025, 3, 1), End = new DateOnly(2025, 7, 31) }));

        var world = await World.CreateAsync(fixture.Client);
        var compost = fixture.Client.GetGrain<IPilotGrain>(await world.CreatePilotWithKpiAsync(fixture.Client));
        await Assert.ThrowsAsync<RuleViolationException>(() => compost.SetJcmPlan(JcmCalculationTests.Plan()));
        await Assert.ThrowsAsync<RuleViolationException>(() => compost.GetJcm());
    }

    [Fact]
    public async Task Reductions_are_computed_never_recorded_by_hand()
    {
        var pilot = await JcmPilotAsync();
        await pilot.SetJcmPlan(JcmCalculationTests.Plan());

        var error = await Assert.ThrowsAsync<InvalidFieldException>(() =>
            pilot.RecordReadings([Sample.Reading("2025-06", 999, code: JcmCalculation.EmissionReductionsKpi)]));

        Assert.Equal("readings[0].kpi_code", Assert.Single(error.Violations).Field);
    }

    /// <summary>Computed is the kind's rule, plan or no plan: the templates leave the KPI out, so the grain does not take it either.</summary>
    [Fact]
    public async Task Reductions_are_not_recorded_by_hand_before_the_plan_either()
    {
        var pilot = await JcmPilotAsync();

        var error = await Assert.ThrowsAsync<InvalidFieldException>(() =>
            pilot.RecordReadings([Sample.Reading("2025-06", 999, code: JcmCalculation.EmissionReductionsKpi)]));

        Assert.Equal("readings[0].kpi_code", Assert.Single(error.Violations).Field);
        Assert.Contains("computed by the platform", Assert.Single(error.Violations).Description);
        await pilot.RecordReadings([Sample.Reading("2025-06", 120, code: "energy-consumption")]);
    }
}
