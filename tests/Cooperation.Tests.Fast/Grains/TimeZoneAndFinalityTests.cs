using Cooperation.Contracts.Pilots.Kinds;
using Cooperation.Contracts.Cities;
using Cooperation.Contracts.Common;
using Cooperation.Contracts.Organisations;
using Cooperation.Contracts.Partnerships;
using Cooperation.Contracts.Pilots;
using Cooperation.Contracts.Programmes;
using Cooperation.Silo.DueDates;
using Cooperation.Tests.Support;

namespace Cooperation.Tests.Grains;

[Collection(TestClusterCollection.Name)]
public sealed class TimeZoneAndFinalityTests(TestClusterFixture fixture)
{
    [Fact]
    public async Task A_milestone_due_today_in_pago_pago_is_already_overdue_in_kiritimati()
    {
        // UTC−11 and UTC+14: Kiritimati's date is always at least a day ahead of Pago Pago's.
        var dueToday = LocalCalendar.Today(TimeProvider.System, "Pacific/Pago_Pago");
        var ahead = Ids.New("city");
        var behind = Ids.New("city");
        await fixture.Client.GetGrain<ICityGrain>(ahead).Create(new CityDefinition(new LocalizedText(null, null, "Kiritimati"), "KI", "Pacific/Kiritimati"));
        await fixture.Client.GetGrain<ICityGrain>(behind).Create(new CityDefinition(new LocalizedText(null, null, "Pago Pago"), "AS", "Pacific/Pago_Pago"));
        var agency = Ids.New("agency");
        await fixture.Client.GetGrain<IOrganisationGrain>(agency).Create(Sample.Organisation(ahead));
        var world = new World(ahead, behind, agency, agency, Ids.New("partnership"), Ids.New("programme"));
        await fixture.Client.GetGrain<IPartnershipGrain>(world.PartnershipId).Create(Sample.Partnership(ahead, behind));
        await fixture.Client.GetGrain<IProgrammeGrain>(world.ProgrammeId).Create(Sample.Programme(world.PartnershipId));

        async Task<bool> OverdueIn(string cityId)
        {
            var pilot = fixture.Client.GetGrain<IPilotGrain>(Ids.New("pilot"));
            await pilot.Create(Sample.Pilot(world) with { CityId = cityId, ParticipantOrganisationIds = [] }, KpiTemplateChoice.None);
            return (await pilot.AddMilestone(new MilestoneDefinition("m", new LocalizedText(null, null, "M"), dueToday))).Overdue;
        }

        Assert.True(await OverdueIn(ahead));
        Assert.False(await OverdueIn(behind));
    }

    [Fact]
    public async Task A_completed_pilot_is_final_and_no_longer_overdue()
    {
        var world = await World.CreateAsync(fixture.Client);
        var pilot = fixture.Client.GetGrain<IPilotGrain>(await world.CreatePilotWithKpiAsync(fixture.Client));
        await pilot.AddMilestone(new MilestoneDefinition("late", new LocalizedText(null, null, "Late"), new DateOnly(2025, 1, 1)));
        await pilot.ChangeStatus(PilotStatus.Approved, null);
        await pilot.ChangeStatus(PilotStatus.InProgress, null);

        var completed = await pilot.ChangeStatus(PilotStatus.Completed, null);

        Assert.False(Assert.Single(completed.Milestones).Overdue);
        await Assert.ThrowsAsync<RuleViolationException>(() => pilot.RecordReadings([Sample.Reading("2025-01", 1)]));
        await Assert.ThrowsAsync<RuleViolationException>(() => pilot.AddMilestone(new MilestoneDefinition("more", new LocalizedText(null, null, "More"), new DateOnly(2026, 1, 1))));
        await Assert.ThrowsAsync<RuleViolationException>(() => pilot.DefineKpi(Sample.Kpi("another")));
        await Assert.ThrowsAsync<RuleViolationException>(() => pilot.SetFundingLine(new FundingLine("l", world.DonorId, Currency.Usd, 1, 0)));
        await Assert.ThrowsAsync<RuleViolationException>(() => pilot.ChangeStatus(PilotStatus.InProgress, null));
        // Repeating what is already there is still harmless.
        await pilot.AddMilestone(new MilestoneDefinition("late", new LocalizedText(null, null, "Late"), new DateOnly(2025, 1, 1)));
    }
}
