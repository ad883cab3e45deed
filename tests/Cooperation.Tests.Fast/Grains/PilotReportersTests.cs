using Cooperation.Contracts.Access;
using Cooperation.Contracts.Common;
using Cooperation.Contracts.Pilots;
using Cooperation.Tests.Grains.People;
using Cooperation.Tests.Support;

namespace Cooperation.Tests.Grains;

/// <summary>
/// Whether a caller may submit updates to a pilot, as pages ask before offering the form: the
/// decision SubmitUpdate makes (ReportOnPilot on the pilot's scope), refused as Get to those who may not read it.
/// </summary>
[Collection(TestClusterCollection.Name)]
public sealed class PilotReportersTests(TestClusterFixture fixture)
{
    [Fact]
    public async Task Participants_and_the_citys_office_may_submit_a_funding_donor_reads_but_may_not_and_a_stranger_is_refused()
    {
        var world = await World.CreateAsync(fixture.Client);
        var pilot = fixture.Client.GetGrain<IPilotGrain>(await world.CreatePilotWithKpiAsync(fixture.Client));
        await pilot.SetFundingLine(new FundingLine("moej", world.DonorId, Currency.Jpy, 1_000_000, 0));

        Assert.True(await Acting.As(new Caller(world.AgencyId, Role.PartnerAgency, null, world.FirstCityId), pilot.MaySubmitUpdates));
        Assert.True(await Acting.As(new Caller(Ids.New("office"), Role.CityOffice, null, world.FirstCityId), pilot.MaySubmitUpdates));
        var donor = new Caller(world.DonorId, Role.Donor, null, world.SecondCityId);
        Assert.False(await Acting.As(donor, pilot.MaySubmitUpdates));
        Assert.NotNull(await Acting.As(donor, () => pilot.Get()));
        await Assert.ThrowsAsync<AccessDeniedException>(() =>
            Acting.As(new Caller(Ids.New("agency"), Role.PartnerAgency, null, world.FirstCityId), pilot.MaySubmitUpdates));
    }
}
