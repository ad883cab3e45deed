using Cooperation.Tests.Support;
using Proto = Cooperation.Contracts.Grpc;

namespace Cooperation.Tests.Api;

/// <summary>Pilots, KPIs and JCM monitoring over gRPC, end to end.</summary>
[Collection(ApiCollection.Name)]
public sealed class PilotRoundTripTests(ApiFixture api)
{
    [Fact]
    public async Task The_slice_works_end_to_end_over_grpc()
    {
        var world = await api.CreateWorldAsync();
        var pilotId = await api.CreatePilotWithKpiAsync(world);

        var kpi = await api.Kpis.DefineKpiAsync(Requests.Kpi(pilotId));   // again: returns the KPI
        var stored = await api.Kpis.RecordKpiReadingsAsync(Requests.Reading(pilotId, "2025-01", 42.5));
        var pilot = await api.Pilots.GetPilotAsync(new Proto.GetPilotRequest { PilotId = pilotId });
        var listed = await api.Partnerships.ListPartnershipPilotsAsync(new Proto.ListPartnershipPilotsRequest { PartnershipId = world.PartnershipId });
        var series = await api.Kpis.GetKpiSeriesAsync(new Proto.GetKpiSeriesRequest { Subject = $"pilots/{pilotId}", KpiCode = "compost-produced" });

        Assert.Equal(Proto.KpiDirection.HigherIsBetter, kpi.Direction);
        Assert.Equal(1, Assert.Single(stored.Readings).Sequence);
        Assert.Equal("堆肥化", pilot.Title.Ja);
        Assert.Equal(Proto.PilotStatus.Proposed, pilot.Status);
        var progress = Assert.Single(pilot.Kpis).Progress;
        Assert.Equal(42.5, progress.CurrentValue);
        Assert.Equal(3.54, progress.PercentOfTarget);
        Assert.Equal("2025-01", progress.LatestPeriod);
        Assert.Equal(pilotId, Assert.Single(listed.Pilots).PilotId);
        Assert.Equal("2025-01", Assert.Single(series.Periods).Period);
    }

    [Fact]
    public async Task Lifecycle_funding_and_milestones_round_trip()
    {
        var world = await api.CreateWorldAsync();
        var pilotId = await api.CreatePilotWithKpiAsync(world);

        await api.Pilots.ChangePilotStatusAsync(new Proto.ChangePilotStatusRequest { PilotId = pilotId, Status = Proto.PilotStatus.Approved });
        var suspended = await api.Pilots.ChangePilotStatusAsync(new Proto.ChangePilotStatusRequest { PilotId = pilotId, Status = Proto.PilotStatus.Suspended, Reason = "Budget" });
        var funded = await api.Pilots.SetFundingLineAsync(new Proto.SetFundingLineRequest
        {
            PilotId = pilotId, LineId = "moej", DonorOrganisationId = world.DonorId, Currency = Proto.Currency.Jpy, Committed = "45000000", Disbursed = "30000000",
        });
        var milestone = await api.Pilots.AddMilestoneAsync(new Proto.AddMilestoneRequest
        {
            PilotId = pilotId, MilestoneId = "plant-built", Title = new() { En = "Plant built" }, PlannedDate = "2025-03-31",
        });
        var done = await api.Pilots.UpdateMilestoneAsync(new Proto.UpdateMilestoneRequest
        {
            PilotId = pilotId, MilestoneId = "plant-built", Status = Proto.MilestoneStatus.Done, ActualDate = "2025-03-20", EvidenceLink = "https://example.org/plant.pdf",
        });
        var pilot = await api.Pilots.GetPilotAsync(new Proto.GetPilotRequest { PilotId = pilotId });

        Assert.Equal("Budget", suspended.StatusHistory[^1].Reason);
        Assert.Equal("45000000", Assert.Single(funded.FundingTotals).Committed);
        Assert.True(milestone.Overdue);
        Assert.False(done.Overdue);
        Assert.Equal(100, pilot.MilestoneCompletion);
        Assert.Equal(Proto.PilotStatus.Suspended, pilot.Status);
    }

    [Fact]
    public async Task A_pilot_starts_with_the_kpi_templates_named_and_an_unknown_one_is_refused_by_its_index()
    {
        var world = await api.CreateWorldAsync();
        var request = Requests.Pilot(Ids.New("pilot"), world, Proto.PilotKind.EcoIndustrialPark);
        request.SkipKpiTemplates = false;
        request.KpiTemplateCodes.Add("trees-planted");
        var pilot = await api.Pilots.CreatePilotAsync(request);
        Assert.Equal(["trees-planted"], pilot.Kpis.Select(k => k.KpiCode));

        var unknown = Requests.Pilot(Ids.New("pilot"), world, Proto.PilotKind.EcoIndustrialPark);
        unknown.SkipKpiTemplates = false;
        unknown.KpiTemplateCodes.Add("trees-planted");
        unknown.KpiTemplateCodes.Add("compost-produced");
        var refused = await Assert.ThrowsAsync<Grpc.Core.RpcException>(() => api.Pilots.CreatePilotAsync(unknown).ResponseAsync);
        Assert.Equal(Grpc.Core.StatusCode.InvalidArgument, refused.StatusCode);
        Assert.StartsWith("kpi_template_codes[1]: ", refused.Status.Detail);
        var both = Requests.Pilot(Ids.New("pilot"), world, Proto.PilotKind.EcoIndustrialPark);
        both.KpiTemplateCodes.Add("trees-planted");
        Assert.Equal(Grpc.Core.StatusCode.InvalidArgument,
            (await Assert.ThrowsAsync<Grpc.Core.RpcException>(() => api.Pilots.CreatePilotAsync(both).ResponseAsync)).StatusCode);
    }

    [Fact]
    public async Task Templates_and_kpi_updates_round_trip()
    {
        var world = await api.CreateWorldAsync();
        var pilotId = Ids.New("pilot");
        var request = Requests.Pilot(pilotId, world, Proto.PilotKind.EcoIndustrialPark);
        request.SkipKpiTemplates = false;

        var pilot = await api.Pilots.CreatePilotAsync(request);
        var templates = await api.Kpis.ListKpiTemplatesAsync(new Proto.ListKpiTemplatesRequest { Kind = Proto.PilotKind.EcoIndustrialPark });
        var update = new Proto.DefineKpiRequest
        {
            Subject = $"pilots/{pilotId}",
            KpiCode = "trees-planted",
            Name = pilot.Kpis.Single(k => k.KpiCode == "trees-planted").Name,
            Unit = "trees",
            Direction = Proto.KpiDirection.HigherIsBetter,
            Aggregation = Proto.KpiAggregation.Cumulative,
            Baseline = new Proto.KpiPoint { Value = 0, Date = "2024-01-01" },
            Target = new Proto.KpiPoint { Value = 20000, Date = "2027-12-31" },
        };
        var updated = await api.Kpis.UpdateKpiAsync(update);

        Assert.Equal(Assert.Single(templates.Sets).Kpis.Select(k => k.KpiCode), pilot.Kpis.Select(k => k.KpiCode));
        Assert.Equal(20000, updated.Target.Value);
        Assert.Equal(8, (await api.Kpis.ListKpiTemplatesAsync(new Proto.ListKpiTemplatesRequest())).Sets.Count);
    }

    /// <summary>The kind added by its data file alone: a water-loss pilot starts with its KPIs, and its non-revenue water is lost ÷ supplied over all periods.</summary>
    [Fact]
    public async Task A_water_loss_pilot_starts_with_its_kinds_kpis()
    {
        var world = await api.CreateWorldAsync();
        var pilotId = Ids.New("pilot");
        var request = Requests.Pilot(pilotId, world, Proto.PilotKind.WaterLossReduction);
        request.SkipKpiTemplates = false;

        var pilot = await api.Pilots.CreatePilotAsync(request);
        await api.Kpis.UpdateKpiAsync(new Proto.DefineKpiRequest
        {
            Subject = $"pilots/{pilotId}",
            KpiCode = "non-revenue-water",
            Baseline = new Proto.KpiPoint { Value = 24, Date = "2025-01-01" },
            Target = new Proto.KpiPoint { Value = 15, Date = "2026-12-31" },
        });
        var readings = new Proto.RecordKpiReadingsRequest { Subject = $"pilots/{pilotId}" };
        readings.Readings.Add(new Proto.KpiReadingInput { KpiCode = "non-revenue-water", Period = "2025-01", Numerator = 240, Denominator = 1000 });
        readings.Readings.Add(new Proto.KpiReadingInput { KpiCode = "non-revenue-water", Period = "2025-02", Numerator = 60, Denominator = 500 });
        await api.Kpis.RecordKpiReadingsAsync(readings);
        var nrw = (await api.Pilots.GetPilotAsync(new Proto.GetPilotRequest { PilotId = pilotId })).Kpis.Single(k => k.KpiCode == "non-revenue-water");
        var template = await api.Submissions.GetReadingsTemplateAsync(new() { Kind = Proto.PilotKind.WaterLossReduction });

        Assert.Equal(["non-revenue-water", "leaks-repaired", "district-metered-areas", "pipes-renewed"], pilot.Kpis.Select(k => k.KpiCode));
        Assert.All(pilot.Kpis, k => Assert.True(k.Name is { Vi.Length: > 0, Ja.Length: > 0, En.Length: > 0 }, k.KpiCode));
        Assert.Equal("無収水率", nrw.Name.Ja);
        Assert.Equal((Proto.KpiAggregation.Ratio, Proto.KpiDirection.LowerIsBetter), (nrw.Aggregation, nrw.Direction));
        // (240 + 60) ÷ (1000 + 500), not the average of 24 % and 12 %.
        Assert.Equal(20, nrw.Progress.CurrentValue, 9);
        Assert.Contains("your-pilot-id,leaks-repaired,YYYY-MM", template.Csv);
    }

    [Fact]
    public async Task Jcm_monitoring_round_trips_with_the_hand_computed_reductions()
    {
        var world = await api.CreateWorldAsync();
        var pilotId = Ids.New("jcm");
        var request = Requests.Pilot(pilotId, world, Proto.PilotKind.JcmEquipment);
        request.SkipKpiTemplates = false;
        await api.Pilots.CreatePilotAsync(request);

        var methodologies = await api.Jcm.ListJcmMethodologiesAsync(new Proto.ListJcmMethodologiesRequest());
        await api.Jcm.SetJcmPlanAsync(Requests.JcmPlan(pilotId));
        var result = await api.Jcm.RecordMonitoringPeriodAsync(Requests.MonitoringPeriod(pilotId));
        var monitoring = await api.Jcm.GetJcmMonitoringAsync(new Proto.GetJcmMonitoringRequest { PilotId = pilotId });

        Assert.Equal("VN_AM003", Assert.Single(methodologies.Methodologies).MethodologyId);
        Assert.Equal((1282.5, 1080.0, 202.5, 202L), (result.ReferenceEmissions, result.ProjectEmissions, result.EmissionReductions, result.Credits));
        // 202 t: Japan ⌈101⌉ = 101, Viet Nam ⌈20.2⌉ = 21, participants the remaining 80.
        Assert.Equal([101L, 21L, 80L], result.Allocations.Select(a => a.Credits));
        Assert.Equal("2025-06", result.KpiPeriod);
        Assert.Equal(202, monitoring.TotalCredits);
        Assert.Equal(Proto.CreditRounding.GovernmentsRoundedUp, monitoring.CreditRounding);
        Assert.Equal([(Proto.CreditHolder.GovernmentOfJapan, 101L), (Proto.CreditHolder.PartnerGovernment, 21L), (Proto.CreditHolder.ProjectParticipant, 80L)],
            monitoring.AllocatedCredits.Select(a => (a.Holder, a.Credits)));
        Assert.Empty(monitoring.VerifiedAllocatedCredits);
        Assert.Equal(("Test grid factor", 2023), (monitoring.Factors[0].Source, monitoring.Factors[0].Year));
        var methodology = methodologies.Methodologies[0];
        Assert.Equal("Improving the energy efficiency of commercial buildings by utilization of high efficiency equipment", methodology.Title);
        Assert.Equal(("3. Energy demand", "2015-01-14"), (methodology.SectoralScope, methodology.ApprovedOn));
        Assert.Equal(["ef-grid"], methodology.DatedFactors);
    }
}
