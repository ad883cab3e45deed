using Cooperation.Contracts.Pilots.Kinds;
using Cooperation.Contracts.Audit;
using Cooperation.Contracts.Common;
using Cooperation.Contracts.Kpis;
using Cooperation.Contracts.Partnerships;
using Cooperation.Contracts.Pilots;
using Cooperation.Tests.Support;

namespace Cooperation.Tests.Grains;

[Collection(TestClusterCollection.Name)]
public sealed class PilotGrainTests(TestClusterFixture fixture)
{
    private IPilotGrain Pilot(string id) => fixture.Client.GetGrain<IPilotGrain>(id);

    [Fact]
    public async Task A_new_pilot_is_proposed_listed_and_starts_with_its_kinds_kpis()
    {
        var world = await World.CreateAsync(fixture.Client);
        var pilotId = Ids.New("pilot");

        var pilot = await Pilot(pilotId).Create(Sample.Pilot(world), KpiTemplateChoice.All);

        Assert.Equal(PilotStatus.Proposed, pilot.Status);
        Assert.Equal(["organic-waste-diverted", "compost-produced", "households-served"], pilot.Kpis.Select(k => k.Definition.Code));
        Assert.Equal([pilotId], (await fixture.Client.GetGrain<IPartnershipGrain>(world.PartnershipId).Get()).PilotIds);
        Assert.Null(pilot.Jcm);
    }

    [Fact]
    public async Task Creation_checks_programme_city_and_organisations_and_stores_nothing_otherwise()
    {
        var world = await World.CreateAsync(fixture.Client);
        var pilot = Pilot(Ids.New("pilot"));

        await Assert.ThrowsAsync<EntityNotFoundException>(() => pilot.Create(Sample.Pilot(world) with { ProgrammeId = Ids.New("elsewhere") }, KpiTemplateChoice.All));
        await Assert.ThrowsAsync<EntityNotFoundException>(() => pilot.Create(Sample.Pilot(world) with { PartnershipId = Ids.New("nowhere") }, KpiTemplateChoice.All));
        await Assert.ThrowsAsync<EntityNotFoundException>(() => pilot.Create(Sample.Pilot(world) with { LeadOrganisationId = Ids.New("nobody") }, KpiTemplateChoice.All));
        var error = await Assert.ThrowsAsync<InvalidFieldException>(() => pilot.Create(Sample.Pilot(world) with { CityId = Ids.New("other-city") }, KpiTemplateChoice.All));
        Assert.Equal("city_id", Assert.Single(error.Violations).Field);
        await Assert.ThrowsAsync<EntityNotFoundException>(() => pilot.Get());
        Assert.Empty((await fixture.Client.GetGrain<IPartnershipGrain>(world.PartnershipId).Get()).PilotIds);
    }

    [Fact]
    public async Task The_lifecycle_moves_only_as_allowed_and_keeps_its_history()
    {
        var world = await World.CreateAsync(fixture.Client);
        var pilot = Pilot(await world.CreatePilotWithKpiAsync(fixture.Client));

        await pilot.ChangeStatus(PilotStatus.Approved, null);
        await pilot.ChangeStatus(PilotStatus.Approved, null);
        await Assert.ThrowsAsync<RuleViolationException>(() => pilot.ChangeStatus(PilotStatus.Completed, null));
        await Assert.ThrowsAsync<InvalidFieldException>(() => pilot.ChangeStatus(PilotStatus.Suspended, null));
        await pilot.ChangeStatus(PilotStatus.Suspended, "Awaiting budget");
        var view = await pilot.ChangeStatus(PilotStatus.InProgress, null);

        Assert.Equal(PilotStatus.InProgress, view.Status);
        Assert.Equal(
            [(PilotStatus.Proposed, PilotStatus.Approved, (string?)null), (PilotStatus.Approved, PilotStatus.Suspended, "Awaiting budget"), (PilotStatus.Suspended, PilotStatus.InProgress, null)],
            view.StatusHistory.Select(c => (c.From, c.To, c.Reason)));
    }

    [Fact]
    public async Task Funding_comes_from_donors_and_totals_per_currency()
    {
        var world = await World.CreateAsync(fixture.Client);
        var pilot = Pilot(await world.CreatePilotWithKpiAsync(fixture.Client));

        await pilot.SetFundingLine(new FundingLine("moej-1", world.DonorId, Currency.Jpy, 45_000_000, 30_000_000));
        await pilot.SetFundingLine(new FundingLine("moej-2", world.DonorId, Currency.Jpy, 5_000_000, 0));
        var view = await pilot.SetFundingLine(new FundingLine("jica-1", world.DonorId, Currency.Usd, 250_000.50m, 120_000));
        var error = await Assert.ThrowsAsync<InvalidFieldException>(() => pilot.SetFundingLine(new FundingLine("x", world.AgencyId, Currency.Vnd, 1, 0)));

        Assert.Equal([new FundingTotal(Currency.Jpy, 50_000_000, 30_000_000), new FundingTotal(Currency.Usd, 250_000.50m, 120_000)], view.FundingTotals);
        Assert.Equal("donor_organisation_id", Assert.Single(error.Violations).Field);
    }

    [Fact]
    public async Task A_reminder_marks_a_past_due_milestone_overdue_and_persists_it()
    {
        var world = await World.CreateAsync(fixture.Client);
        var pilot = Pilot(await world.CreatePilotWithKpiAsync(fixture.Client));
        var title = new LocalizedText(null, null, "Plant built");
        await pilot.AddMilestone(new MilestoneDefinition("plant-built", title, new DateOnly(2025, 1, 1)));
        await pilot.AddMilestone(new MilestoneDefinition("far-future", title, new DateOnly(2099, 1, 1)));

        var overdueSince = await Eventually(async () =>
            (await pilot.Get()).Milestones.Single(m => m.Definition.MilestoneId == "plant-built").OverdueSince);

        // Persisted: a new activation still knows when it was found overdue.
        await fixture.Client.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        var view = await pilot.Get();
        Assert.Equal(overdueSince, view.Milestones.Single(m => m.Definition.MilestoneId == "plant-built").OverdueSince);
        Assert.False(view.Milestones.Single(m => m.Definition.MilestoneId == "far-future").Overdue);

        var done = await pilot.UpdateMilestone("plant-built", new MilestoneProgress(MilestoneStatus.Done, new DateOnly(2025, 2, 1), "https://example.org/evidence.pdf"));
        Assert.False(done.Overdue);
        Assert.Null(done.OverdueSince);
        Assert.Equal(50, (await pilot.Get()).MilestoneCompletion);
    }

    [Fact]
    public async Task Readings_are_numbered_and_show_in_progress()
    {
        var world = await World.CreateAsync(fixture.Client);
        var pilotId = await world.CreatePilotWithKpiAsync(fixture.Client);

        var first = await Pilot(pilotId).RecordReadings([Sample.Reading("2025-01", 40), Sample.Reading("2025-02", 50)]);
        var second = await Pilot(pilotId).RecordReadings([Sample.Reading("2025-02", 55)]);

        Assert.Equal([1L, 2L, 3L], first.Concat(second).Select(r => r.Sequence));
        var progress = Assert.Single((await Pilot(pilotId).Get()).Kpis).Progress;
        Assert.Equal(95, progress.CurrentValue);     // 40 + 55: the correction of February counts
        Assert.Equal(3, progress.ReadingCount);
        Assert.Equal(3, await fixture.StoredReadingsAsync($"pilots/{pilotId}"));
        Assert.Equal([40.0, 55.0], (await Pilot(pilotId).GetKpiSeries("compost-produced")).Periods.Select(p => p.Value));
    }

    [Fact]
    public async Task All_series_in_one_call_are_each_kpis_series_in_the_kpis_order()
    {
        var world = await World.CreateAsync(fixture.Client);
        var pilotId = await world.CreatePilotWithKpiAsync(fixture.Client);
        var pilot = Pilot(pilotId);
        await pilot.DefineKpi(Sample.Kpi("energy-saved"));
        await pilot.RecordReadings([Sample.Reading("2025-01", 40), Sample.Reading("2025-01", 7, code: "energy-saved")]);

        var all = await pilot.ListKpiSeries();

        Assert.Equal((await pilot.Get()).Kpis.Select(k => k.Definition.Code), all.Select(s => s.Definition.Code));
        foreach (var series in all)
            Assert.Equal(await pilot.GetKpiSeries(series.Definition.Code), series);
    }

    [Fact]
    public async Task The_newest_history_page_shows_a_change_made_after_it_was_read()
    {
        var world = await World.CreateAsync(fixture.Client);
        var pilot = Pilot(await world.CreatePilotWithKpiAsync(fixture.Client));
        var newest = new HistoryQuery(NewestFirst: true, From: null, Limit: 5);
        var before = await pilot.GetHistory(newest);
        Assert.Equal(before, await pilot.GetHistory(newest));

        await pilot.ChangeStatus(PilotStatus.Approved, null);
        var after = await pilot.GetHistory(newest);

        Assert.Equal("pilot.status-changed", after.Events[0].Kind);
        Assert.Equal(before.Events[0].Sequence + 1, after.Events[0].Sequence);
        // A shorter page of the same moment is the start of the longer one.
        Assert.Equal(after.Events.Take(2), (await pilot.GetHistory(newest with { Limit = 2 })).Events);
    }

    [Fact]
    public async Task A_request_with_one_bad_reading_stores_none_and_names_every_bad_field()
    {
        var world = await World.CreateAsync(fixture.Client);
        var pilotId = await world.CreatePilotWithKpiAsync(fixture.Client);

        var error = await Assert.ThrowsAsync<InvalidFieldException>(() => Pilot(pilotId).RecordReadings(
        [
            Sample.Reading("2025-01", 40),
            Sample.Reading("2025-02", double.NaN),
            Sample.Reading("2999-01", 1),
            Sample.Reading("2025-Q1", 1),
            Sample.Reading("2025-01", 1, code: "unknown-kpi"),
        ]));

        Assert.Equal(
            ["readings[1].value", "readings[2].period", "readings[3].period", "readings[4].kpi_code"],
            error.Violations.Select(v => v.Field));
        Assert.Equal(0, await fixture.StoredReadingsAsync($"pilots/{pilotId}"));
    }

    [Fact]
    public async Task A_kpi_with_readings_keeps_its_unit_but_may_get_new_targets()
    {
        var world = await World.CreateAsync(fixture.Client);
        var pilot = Pilot(await world.CreatePilotWithKpiAsync(fixture.Client));
        await pilot.RecordReadings([Sample.Reading("2025-01", 40)]);

        await Assert.ThrowsAsync<RuleViolationException>(() => pilot.UpdateKpi(new KpiChange(Sample.Kpi().Code, Unit: "kg")));
        var updated = await pilot.UpdateKpi(new KpiChange(Sample.Kpi().Code, Target: new KpiPoint(2400, new DateOnly(2026, 12, 31))));
        await Assert.ThrowsAsync<EntityNotFoundException>(() => pilot.UpdateKpi(KpiChange.To(Sample.Kpi("unknown"))));

        Assert.Equal(40.0 / 2400 * 100, updated.Progress.PercentOfTarget!.Value, 9);
    }

    [Fact]
    public async Task State_and_readings_survive_deactivation()
    {
        var world = await World.CreateAsync(fixture.Client);
        var pilotId = await world.CreatePilotWithKpiAsync(fixture.Client);
        await Pilot(pilotId).RecordReadings([Sample.Reading("2025-01", 40), Sample.Reading("2025-01", 42), Sample.Reading("2025-02", 50)]);
        var before = await Pilot(pilotId).Get();

        await fixture.Client.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        var after = await Pilot(pilotId).Get();
        var next = await Pilot(pilotId).RecordReadings([Sample.Reading("2025-03", 60)]);

        Assert.Equal(before.Kpis.Single().Progress, after.Kpis.Single().Progress);
        Assert.Equal(92, after.Kpis.Single().Progress.CurrentValue);
        Assert.Equal(4, Assert.Single(next).Sequence);
    }

    /// <summary>Polls until <paramref name="read"/> gives a value (reminders tick every second here).</summary>
    public static async Task<T> Eventually<T>(Func<Task<T?>> read) where T : struct
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (await read() is { } value)
                return value;
            await Task.Delay(200);
        }
        throw new TimeoutException("The reminder did not fire within 20 seconds.");
    }
}
