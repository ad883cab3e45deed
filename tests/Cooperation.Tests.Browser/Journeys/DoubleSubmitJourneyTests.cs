using Cooperation.Contracts.Grpc;
using Cooperation.Gateway.Demo;
using Cooperation.Tests.Browser.Support;
using Cooperation.Tests.Support;

namespace Cooperation.Tests.Browser.Journeys;

/// <summary>A partner double-clicks "Submit" in Chromium, the answer is lost, and the same form is sent twice more: one update is stored.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DoubleSubmitJourneyTests(BrowserPlatform platform)
{
    [Fact]
    public async Task A_double_click_and_resubmissions_after_a_lost_answer_store_one_update()
    {
        var pilotId = $"browser-pilot-{Guid.NewGuid():N}"[..30];
        await platform.Api.Pilots.CreatePilotAsync(new CreatePilotRequest
        {
            PilotId = pilotId, PartnershipId = DemoScenario.PartnershipId, ProgrammeId = "hp-ggpp",
            Title = new LocalizedText { En = "Street-light retrofit", Ja = "街路灯の改修", Vi = "Cải tạo đèn đường" },
            Kind = PilotKind.Compost, CityId = "hai-phong", LeadOrganisationId = "kitakyushu-city", SkipKpiTemplates = true,
        });
        await platform.Api.Kpis.DefineKpiAsync(Requests.Kpi(pilotId));
        var form = $"/pilots/{pilotId}/update?period=2025-02";

        await using var partner = await platform.SignedInAsync("KITAKYUSHU");
        var page = partner.Page;
        await page.GotoAsync(form);
        await page.FillAsync("[name='kpi.compost-produced.value']", "37");
        // The first submission reaches the server, but its answer is lost on the way back (a weak network).
        string? body = null;
        var lost = new TaskCompletionSource();
        await page.RouteAsync(new System.Text.RegularExpressions.Regex("/update\\?period=2025-02$"), async route =>
        {
            if (route.Request.Method == "POST" && body is null)
            {
                body = route.Request.PostData;
                await route.FetchAsync();
                await route.AbortAsync("connectionreset");
                lost.TrySetResult();
            }
            else
                await route.ContinueAsync();
        });
        // A double click: Chromium usually keeps one of the two submissions, but on a loaded machine the
        // second may go too (then its answer arrives); either way the form's idempotency key decides.
        await page.DblClickAsync("button[value=submit]");
        await lost.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.NotNull(body);
        // The browser sends the same form again, twice (a retry, then an impatient second one), cookies and all.
        foreach (var attempt in new[] { 1, 2 })
        {
            var retry = await page.Context.APIRequest.PostAsync(new Uri(platform.Address, form).ToString(), new()
            {
                Headers = new Dictionary<string, string> { ["Content-Type"] = "application/x-www-form-urlencoded" },
                DataString = body, MaxRedirects = 0,
            });
            Assert.Equal(303, retry.Status);
            Assert.Contains("updated=2025-02", retry.Headers["location"]);
        }

        var stored = await platform.Api.Cluster.Postgres.ScalarAsync<long>(
            "SELECT count(*) FROM entity_event WHERE entity_type = 'pilot' AND entity_id = @id AND kind = 'pilot.update-submitted'", ("id", pilotId));
        Assert.Equal(1, stored);
        Assert.Equal(1, await platform.Api.Cluster.StoredReadingsAsync($"pilots/{pilotId}"));
    }
}
