using Cooperation.Contracts.Grpc;
using Cooperation.Tests.Browser.Support;
using Cooperation.Tests.Support;

namespace Cooperation.Tests.Browser.Journeys;

/// <summary>
/// The JCM verifier in Chromium: MOEJ, which funds the JCM chillers pilot, appoints an outside
/// verification body on the pilot's page; the body's person finds the pilot on its home, returns a
/// monitoring period without a comment (refused next to the field), then approves it; the pilot's
/// verified reductions count it. The home and the verification page pass axe.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class JcmVerificationJourneyTests(BrowserPlatform platform)
{
    private const string PilotId = "jcm-nck-chillers";

    [Fact]
    public async Task Moej_appoints_a_verifier_who_finds_the_pilot_at_home_and_verifies_a_period()
    {
        var verifierId = $"browser-verifier-{Guid.NewGuid():N}"[..30];
        await platform.Api.Organisations.CreateOrganisationAsync(new CreateOrganisationRequest
        {
            OrganisationId = verifierId, CityId = "tokyo", Kind = OrganisationKind.PartnerAgency,
            Names = new LocalizedText { En = "Tokyo Verification Body", Ja = "東京検証機関" },
        });
        var person = await TestPeople.ActiveAsync(platform.Api, verifierId, Contracts.Access.Role.PartnerAgency, Contracts.DonorReports.ReportLanguage.Ja);

        await using (var moej = await platform.SignedInAsync("MOEJ"))
        {
            var page = moej.Page;
            await page.GotoAsync($"/pilots/{PilotId}");
            await page.FillAsync("input[name=verifier]", verifierId);
            await page.Locator("form[action*='handler=AppointVerifier'] button[type=submit]").ClickAsync();
            await page.WaitForLoadStateAsync();
            Assert.Empty(moej.ScriptErrors);
        }
        Assert.Equal(verifierId, (await platform.Api.Jcm.GetJcmMonitoringAsync(new GetJcmMonitoringRequest { PilotId = PilotId })).VerifierOrganisationId);

        await using var session = await platform.SessionAsync(acceptLanguage: "ja");
        await BrowserPlatform.SignInAsync(session, person.Email, person.Password);
        var home = session.Page;
        Assert.True(await home.Locator("#to-verify-heading").IsVisibleAsync());
        await AccessibilityTests.AssertCleanAsync(home, "verifier's home");
        await home.Locator($"a[href='/pilots/{PilotId}/verification']").ClickAsync();
        await home.WaitForLoadStateAsync();
        await AccessibilityTests.AssertCleanAsync(home, "verification page");

        const string periodId = "mp-2025-h1";
        var form = home.Locator($"form:has(input[name=periodId][value='{periodId}'])");
        await form.Locator("button[value=return]").ClickAsync();
        await home.Locator($"#comment-{periodId}-error").WaitForAsync();
        Assert.Equal("true", await home.Locator($"#comment-{periodId}").GetAttributeAsync("aria-invalid"));
        await AccessibilityTests.AssertCleanAsync(home, "verification page with an error");

        await home.Locator($"form:has(input[name=periodId][value='{periodId}']) button[value=approve]").ClickAsync();
        await home.WaitForURLAsync($"**/pilots/{PilotId}/verification?decided={periodId}*");
        var monitoring = await platform.Api.Jcm.GetJcmMonitoringAsync(new GetJcmMonitoringRequest { PilotId = PilotId });
        Assert.Equal(ReviewStatus.Approved, monitoring.Verifications.Single(v => v.PeriodId == periodId).Status);
        Assert.True(monitoring.VerifiedReductions > 0);
        Assert.DoesNotContain(session.ScriptErrors, e => !e.Contains("status of 400", StringComparison.Ordinal));
    }
}
