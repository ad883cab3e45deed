using Cooperation.Contracts.Access;
using Cooperation.Tests.Support;
using Grpc.Core;
using Proto = Cooperation.Contracts.Grpc;

namespace Cooperation.Tests.Api;

/// <summary>A donor appoints a verifier; the verifier approves or returns JCM monitoring periods.</summary>
[Collection(ApiCollection.Name)]
public sealed class JcmVerificationTests(ApiFixture api)
{
    [Fact]
    public async Task A_verified_period_counts_as_verified_and_a_returned_one_is_recorded_again()
    {
        var (world, pilotId) = await JcmPilotAsync();
        await api.Pilots.SetFundingLineAsync(AccessWorld.Funding(pilotId, world));
        var verifierId = Ids.New("tpe");
        await api.Organisations.CreateOrganisationAsync(Requests.Organisation(verifierId, world.SecondCityId, Proto.OrganisationKind.PartnerAgency));
        var donor = api.As(await api.IssueKeyAsync(world.DonorId, Role.Donor));
        var verifier = api.As(await api.IssueKeyAsync(verifierId, Role.PartnerAgency));
        var partner = api.As(await api.IssueKeyAsync(world.AgencyId, Role.PartnerAgency));

        await donor.Jcm.AppointJcmVerifierAsync(new() { PilotId = pilotId, OrganisationId = verifierId });
        await partner.Jcm.RecordMonitoringPeriodAsync(Requests.MonitoringPeriod(pilotId));
        var second = Requests.MonitoringPeriod(pilotId);
        (second.PeriodId, second.Start, second.End) = ("mp-2", "2025-07-01", "2025-12-31");
        await partner.Jcm.RecordMonitoringPeriodAsync(second);

        var approved = await verifier.Jcm.ApproveMonitoringPeriodAsync(new() { PilotId = pilotId, PeriodId = "mp-1" });
        var returned = await verifier.Jcm.ReturnMonitoringPeriodAsync(new() { PilotId = pilotId, PeriodId = "mp-2", Comment = "Meter NCK-M-017 photo missing." });
        second.Values[0].Value = 1100;
        var corrected = await partner.Jcm.RecordMonitoringPeriodAsync(second);
        var verifiedAgain = await Assert.ThrowsAsync<RpcException>(() => partner.Jcm.RecordMonitoringPeriodAsync(
            With(Requests.MonitoringPeriod(pilotId), r => r.Values[0].Value = 1300)).ResponseAsync);
        var monitoring = await donor.Jcm.GetJcmMonitoringAsync(new() { PilotId = pilotId });

        Assert.Equal(verifierId, approved.VerifierOrganisationId);
        Assert.Equal(approved.Periods.Single(p => p.PeriodId == "mp-1").EmissionReductions, approved.VerifiedReductions);
        Assert.Equal(Proto.ReviewStatus.Returned, returned.Verifications.Single(v => v.PeriodId == "mp-2").Status);
        Assert.Equal("Meter NCK-M-017 photo missing.", returned.Verifications.Single(v => v.PeriodId == "mp-2").Comment);
        Assert.Equal(1100, corrected.Values.Single().Value);
        Assert.Equal(StatusCode.AlreadyExists, verifiedAgain.StatusCode);
        Assert.Equal(2, monitoring.Periods.Count);
        Assert.Equal(Proto.ReviewStatus.Submitted, monitoring.Verifications.Single(v => v.PeriodId == "mp-2").Status);
        Assert.Equal(monitoring.Periods.Sum(p => p.EmissionReductions), monitoring.TotalReductions, 6);
        Assert.Equal(approved.VerifiedCredits, monitoring.VerifiedCredits);
        // The corrected reduction superseded the returned one on the emission-reductions KPI.
        var series = await api.Kpis.GetKpiSeriesAsync(new() { Subject = $"pilots/{pilotId}", KpiCode = "emission-reductions" });
        Assert.Equal(monitoring.Periods.Single(p => p.PeriodId == "mp-2").EmissionReductions, series.Periods.Single(p => p.Period == "2025-12").Value, 6);
    }

    [Fact]
    public async Task The_organisation_that_recorded_a_monitoring_period_may_not_verify_it()
    {
        var (world, pilotId) = await JcmPilotAsync();
        // The lead partner is appointed verifier too, and records the period itself.
        await api.Jcm.AppointJcmVerifierAsync(new() { PilotId = pilotId, OrganisationId = world.AgencyId });
        var partner = api.As(await api.IssueKeyAsync(world.AgencyId, Role.PartnerAgency));
        await partner.Jcm.RecordMonitoringPeriodAsync(Requests.MonitoringPeriod(pilotId));

        var own = await Assert.ThrowsAsync<RpcException>(() => partner.Jcm.ApproveMonitoringPeriodAsync(new() { PilotId = pilotId, PeriodId = "mp-1" }).ResponseAsync);
        var byAdmin = await api.Jcm.ApproveMonitoringPeriodAsync(new() { PilotId = pilotId, PeriodId = "mp-1" });

        Assert.Equal(StatusCode.PermissionDenied, own.StatusCode);
        Assert.Contains("four eyes", own.Status.Detail);
        Assert.Equal(Proto.ReviewStatus.Approved, byAdmin.Verifications.Single().Status);
    }

    /// <summary>A JCM pilot with its KPI templates and monitoring plan, in a new world.</summary>
    private async Task<(ApiWorld World, string PilotId)> JcmPilotAsync()
    {
        var world = await api.CreateWorldAsync();
        var pilotId = Ids.New("jcm");
        var pilot = Requests.Pilot(pilotId, world, Proto.PilotKind.JcmEquipment);
        pilot.SkipKpiTemplates = false;
        await api.Pilots.CreatePilotAsync(pilot);
        await api.Jcm.SetJcmPlanAsync(Requests.JcmPlan(pilotId));
        return (world, pilotId);
    }

    private static T With<T>(T request, Action<T> change)
    {
        change(request);
        return request;
    }
}
