using System.Net;
using Cooperation.Contracts.Access;
using Cooperation.Contracts.DonorReports;
using Cooperation.Tests.Support;
using Cooperation.Tests.Web;
using static Cooperation.Tests.Web.WebPeople;
using Proto = Cooperation.Contracts.Grpc;

namespace Cooperation.Tests.WebForms;

/// <summary>
/// A funded JCM pilot's verifier in the browser: the funding donor appoints it in the pilot's JCM
/// section; the verifier, taking part in nothing else, approves or returns each monitoring period
/// on its verification page (a comment required to return); both through the pilot grain as the
/// person, so those who may not are refused and a refused form changes nothing.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class JcmVerifierFormTests(WebFixture web)
{
    private sealed record Setup(ApiWorld World, string PilotId, string VerifierId)
    {
        public string Page => $"/pilots/{PilotId}";

        public string Verification => $"/pilots/{PilotId}/verification";
    }

    /// <summary>A JCM pilot funded by the world's donor, with its plan, and an outside organisation to verify it.</summary>
    private async Task<Setup> JcmPilotAsync()
    {
        var api = web.Api;
        var world = await api.CreateWorldAsync();
        var pilotId = Ids.New("jcm");
        var pilot = Requests.Pilot(pilotId, world, Proto.PilotKind.JcmEquipment);
        pilot.SkipKpiTemplates = false;
        await api.Pilots.CreatePilotAsync(pilot);
        await api.Pilots.SetFundingLineAsync(new Proto.SetFundingLineRequest
        {
            PilotId = pilotId, LineId = "moej", DonorOrganisationId = world.DonorId, Currency = Proto.Currency.Jpy, Committed = "45000000", Disbursed = "0",
        });
        await api.Jcm.SetJcmPlanAsync(Requests.JcmPlan(pilotId));
        var verifierId = Ids.New("verifier");
        await api.Organisations.CreateOrganisationAsync(Requests.Organisation(verifierId, world.FirstCityId, Proto.OrganisationKind.PartnerAgency));
        return new Setup(world, pilotId, verifierId);
    }

    private Proto.JcmMonitoring Monitoring(string pilotId) => web.Api.Jcm.GetJcmMonitoring(new Proto.GetJcmMonitoringRequest { PilotId = pilotId });

    [Fact]
    public async Task The_funding_donor_appoints_the_verifier_and_an_unknown_organisation_changes_nothing()
    {
        var setup = await JcmPilotAsync();
        var donor = await ActiveAsync(web.Api, setup.World.DonorId, Role.Donor, ReportLanguage.Ja);
        using var browser = web.Browser();
        await browser.SignInAsync(donor);
        var page = await browser.GetAsync(setup.Page);
        Assert.Contains("handler=AppointVerifier", page.Html);

        var unknown = await browser.PostAsync($"{setup.Page}?handler=AppointVerifier", new Dictionary<string, string> { ["verifier"] = "nobody-here" });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.Status);
        Assert.Contains("id=\"verifier-error\">ID が nobody-here の組織はありません。", Text(unknown.Html));
        var malformed = await browser.PostAsync($"{setup.Page}?handler=AppointVerifier", new Dictionary<string, string> { ["verifier"] = "Not Valid" });
        Assert.Equal(HttpStatusCode.BadRequest, malformed.Status);
        Assert.Contains("id=\"verifier-error\"", malformed.Html);
        var empty = await browser.PostAsync($"{setup.Page}?handler=AppointVerifier", new Dictionary<string, string> { ["verifier"] = " " });
        Assert.Equal(HttpStatusCode.BadRequest, empty.Status);
        Assert.Equal("", Monitoring(setup.PilotId).VerifierOrganisationId);

        var appointed = await browser.PostAsync($"{setup.Page}?handler=AppointVerifier", new Dictionary<string, string> { ["verifier"] = setup.VerifierId });
        Assert.Equal(HttpStatusCode.Redirect, appointed.Status);
        Assert.Equal(setup.VerifierId, Monitoring(setup.PilotId).VerifierOrganisationId);
        // The donor funds the pilot but does not verify it: no link to the verification page.
        Assert.DoesNotContain($"/pilots/{setup.PilotId}/verification", (await browser.GetAsync(setup.Page)).Html);

        // The partner leading the pilot may read it but not appoint its verifier.
        var partner = await ActiveAsync(web.Api, setup.World.AgencyId, Role.PartnerAgency);
        using var partnerBrowser = web.Browser();
        await partnerBrowser.SignInAsync(partner);
        Assert.DoesNotContain("handler=AppointVerifier", (await partnerBrowser.GetAsync(setup.Page)).Html);
        var refused = await partnerBrowser.PostAsync($"{setup.Page}?handler=AppointVerifier", new Dictionary<string, string> { ["verifier"] = setup.World.AgencyId });
        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        Assert.Equal(setup.VerifierId, Monitoring(setup.PilotId).VerifierOrganisationId);
    }

    [Fact]
    public async Task The_verifier_returns_a_period_with_a_comment_and_approves_another_and_others_may_not()
    {
        var setup = await JcmPilotAsync();
        await web.Api.Jcm.AppointJcmVerifierAsync(new Proto.AppointJcmVerifierRequest { PilotId = setup.PilotId, OrganisationId = setup.VerifierId });
        await web.Api.Jcm.RecordMonitoringPeriodAsync(Requests.MonitoringPeriod(setup.PilotId));
        var second = Requests.MonitoringPeriod(setup.PilotId);
        (second.PeriodId, second.Start, second.End) = ("mp-2", "2025-07-01", "2025-12-31");
        await web.Api.Jcm.RecordMonitoringPeriodAsync(second);
        var verifier = await ActiveAsync(web.Api, setup.VerifierId, Role.PartnerAgency, ReportLanguage.Vi);
        using var browser = web.Browser();
        await browser.SignInAsync(verifier);

        var page = await browser.GetAsync(setup.Verification);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Đang chờ thẩm định (2)", Text(page.Html));
        Assert.Contains("<label for=\"comment-mp-1\">", page.Html);

        // Returning needs a comment: named next to that period's field, nothing changes.
        var bare = await browser.PostAsync(setup.Verification, new Dictionary<string, string> { ["periodId"] = "mp-1", ["decision"] = "return", ["comment-mp-1"] = "" });
        Assert.Equal(HttpStatusCode.BadRequest, bare.Status);
        Assert.Contains("id=\"comment-mp-1-error\"", bare.Html);
        Assert.All(Monitoring(setup.PilotId).Verifications, v => Assert.Equal(Proto.ReviewStatus.Submitted, v.Status));
        var unknownDecision = await browser.PostAsync(setup.Verification, new Dictionary<string, string> { ["periodId"] = "mp-1", ["decision"] = "reopen" });
        Assert.Equal(HttpStatusCode.BadRequest, unknownDecision.Status);

        var returned = await browser.PostAsync(setup.Verification, new Dictionary<string, string>
        {
            ["periodId"] = "mp-1", ["decision"] = "return", ["comment-mp-1"] = "The meter log for March is missing.",
        });
        Assert.Equal(HttpStatusCode.SeeOther, returned.Status);
        Assert.Contains("Kỳ giám sát mp-1", Text((await browser.GetAsync(returned.Location!)).Html));
        var approved = await browser.PostAsync(setup.Verification, new Dictionary<string, string> { ["periodId"] = "mp-2", ["decision"] = "approve", ["comment-mp-2"] = "" });
        Assert.Equal(HttpStatusCode.SeeOther, approved.Status);

        var monitoring = Monitoring(setup.PilotId);
        var decisions = monitoring.Verifications.ToDictionary(v => v.PeriodId);
        Assert.Equal((Proto.ReviewStatus.Returned, "The meter log for March is missing."), (decisions["mp-1"].Status, decisions["mp-1"].Comment));
        Assert.Equal(Proto.ReviewStatus.Approved, decisions["mp-2"].Status);
        Assert.True(monitoring.VerifiedReductions > 0);
        var after = await browser.GetAsync(approved.Location!);
        Assert.Contains("Không có kỳ giám sát nào đang chờ thẩm định.", Text(after.Html));
        Assert.Contains("The meter log for March is missing.", Text(after.Html));
        // A decided period is not decided again.
        var again = await browser.PostAsync(setup.Verification, new Dictionary<string, string> { ["periodId"] = "mp-2", ["decision"] = "return", ["comment-mp-2"] = "Late doubts." });
        Assert.Equal(HttpStatusCode.BadRequest, again.Status);
        Assert.Equal(Proto.ReviewStatus.Approved, Monitoring(setup.PilotId).Verifications.Single(v => v.PeriodId == "mp-2").Status);

        // The pilot's partner and its donor read the pilot but do not verify it.
        foreach (var (organisation, role) in new[] { (setup.World.AgencyId, Role.PartnerAgency), (setup.World.DonorId, Role.Donor) })
        {
            using var other = web.Browser();
            await other.SignInAsync(await ActiveAsync(web.Api, organisation, role));
            Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync(setup.Verification)).Status);
        }
    }

    [Fact]
    public async Task The_verifiers_home_lists_the_pilots_it_verifies_until_another_is_appointed()
    {
        var setup = await JcmPilotAsync();
        var verifier = await ActiveAsync(web.Api, setup.VerifierId, Role.PartnerAgency);
        using var browser = web.Browser();
        await browser.SignInAsync(verifier);
        Assert.DoesNotContain("to-verify-heading", (await browser.GetAsync("/")).Html);

        await web.Api.Jcm.AppointJcmVerifierAsync(new Proto.AppointJcmVerifierRequest { PilotId = setup.PilotId, OrganisationId = setup.VerifierId });
        await web.Api.Jcm.RecordMonitoringPeriodAsync(Requests.MonitoringPeriod(setup.PilotId));
        var home = await browser.GetAsync("/");
        Assert.Contains("JCM monitoring to verify", Text(home.Html));
        // The verifier takes part in nothing else, so the pilot is named by its id, linked to its verification page.
        Assert.Contains($"<a href=\"/pilots/{setup.PilotId}/verification\">{setup.PilotId}</a>", home.Html);
        Assert.Contains("1 awaiting your decision, of 1 periods", Text(home.Html));

        // The pilot's partner reads the pilot but does not verify it: not on its home.
        using var partner = web.Browser();
        await partner.SignInAsync(await ActiveAsync(web.Api, setup.World.AgencyId, Role.PartnerAgency));
        Assert.DoesNotContain("to-verify-heading", (await partner.GetAsync("/")).Html);

        // Another verifier appointed: the first one's home no longer lists the pilot.
        var other = Ids.New("verifier");
        await web.Api.Organisations.CreateOrganisationAsync(Requests.Organisation(other, setup.World.FirstCityId, Proto.OrganisationKind.PartnerAgency));
        await web.Api.Jcm.AppointJcmVerifierAsync(new Proto.AppointJcmVerifierRequest { PilotId = setup.PilotId, OrganisationId = other });
        Assert.DoesNotContain("to-verify-heading", (await browser.GetAsync("/")).Html);
    }
}
