using System.Net;
using Cooperation.Contracts.Access;
using Cooperation.Tests.Api;
using Cooperation.Tests.Support;
using Cooperation.Tests.Web;
using Proto = Cooperation.Contracts.Grpc;

namespace Cooperation.Tests.WebForms;

/// <summary>
/// Parties sign an MoU on its page, each for its own organisation, and owners set their
/// commitments' status: through the MoU's grain as the person, so a refused date changes nothing
/// and the history names who signed.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class MouSigningTests(WebFixture web)
{
    [Fact]
    public async Task Each_party_signs_for_itself_and_the_mou_turns_from_draft_to_signed()
    {
        var api = web.Api;
        var world = await api.CreateWorldAsync();
        var mouId = Ids.New("mou");
        // Effective only in 2099: once both parties have signed it is signed, not yet active.
        var request = BadInputWorld.Mou(mouId, world);
        request.EffectiveDate = "2099-01-01";
        await api.Mous.CreateMouAsync(request);
        var agency = await WebPeople.ActiveAsync(api, world.AgencyId, Role.PartnerAgency, name: "Tanaka Yuki");
        var donor = await WebPeople.ActiveAsync(api, world.DonorId, Role.Donor);
        Proto.Mou Stored() => api.Mous.GetMou(new Proto.GetMouRequest { MouId = mouId });

        using var agencyBrowser = web.Browser();
        await agencyBrowser.SignInAsync(agency);
        // The party's home lists what awaits its signature, linked.
        Assert.Contains($"href=\"/mous/{mouId}#parties-heading\"", (await agencyBrowser.GetAsync("/")).Html);
        var page = await agencyBrowser.GetAsync($"/mous/{mouId}");
        Assert.Contains("handler=Sign", page.Html);

        // A date to come is the grain's to refuse: named next to the field, nothing stored.
        var future = await agencyBrowser.PostAsync($"/mous/{mouId}?handler=Sign", new Dictionary<string, string> { ["signedOn"] = "2999-01-01" });
        Assert.Equal(HttpStatusCode.BadRequest, future.Status);
        Assert.Contains("id=\"signedOn-error\"", future.Html);
        var notADate = await agencyBrowser.PostAsync($"/mous/{mouId}?handler=Sign", new Dictionary<string, string> { ["signedOn"] = "30/11/2026" });
        Assert.Equal(HttpStatusCode.BadRequest, notADate.Status);
        Assert.Empty(Stored().Signatures);

        var signed = await agencyBrowser.PostAsync($"/mous/{mouId}?handler=Sign", new Dictionary<string, string> { ["signedOn"] = "2026-11-30" });
        Assert.Equal(HttpStatusCode.Redirect, signed.Status);
        Assert.Equal(Proto.MouStatus.Draft, Stored().Status);
        var afterOne = await agencyBrowser.GetAsync($"/mous/{mouId}");
        Assert.DoesNotContain("handler=Sign", afterOne.Html);
        Assert.Contains("Tanaka Yuki", afterOne.Html);   // the history names who signed
        Assert.DoesNotContain($"/mous/{mouId}#parties-heading", (await agencyBrowser.GetAsync("/")).Html);

        using var donorBrowser = web.Browser();
        await donorBrowser.SignInAsync(donor);
        await donorBrowser.GetAsync($"/mous/{mouId}");
        Assert.Equal(HttpStatusCode.Redirect, (await donorBrowser.PostAsync($"/mous/{mouId}?handler=Sign",
            new Dictionary<string, string> { ["signedOn"] = "2026-12-01" })).Status);

        var mou = Stored();
        Assert.Equal(Proto.MouStatus.Signed, mou.Status);
        Assert.Equal(["2026-11-30", "2026-12-01"], mou.Signatures.OrderBy(s => s.SignedOn).Select(s => s.SignedOn));
    }

    [Fact]
    public async Task An_owner_sets_its_commitments_status_and_a_wrong_status_changes_nothing()
    {
        var api = web.Api;
        var world = await api.CreateWorldAsync();
        var mouId = Ids.New("mou");
        await api.Mous.CreateMouAsync(BadInputWorld.Mou(mouId, world));
        await api.Mous.AddCommitmentAsync(new Proto.AddCommitmentRequest
        {
            MouId = mouId, CommitmentId = "study", Text = "Deliver the study.", OwnerOrganisationId = world.AgencyId, DueDate = "2099-12-31",
        });
        var agency = await WebPeople.ActiveAsync(api, world.AgencyId, Role.PartnerAgency);
        using var browser = web.Browser();
        await browser.SignInAsync(agency);
        await browser.GetAsync($"/mous/{mouId}");

        var wrong = await browser.PostAsync($"/mous/{mouId}?handler=Commitment", new Dictionary<string, string> { ["commitmentId"] = "study", ["status"] = "Finished" });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.Status);
        Assert.Contains("id=\"status-study-error\"", wrong.Html);
        Assert.Equal(Proto.CommitmentStatus.Open, Assert.Single(api.Mous.GetMou(new Proto.GetMouRequest { MouId = mouId }).Commitments).Status);

        var done = await browser.PostAsync($"/mous/{mouId}?handler=Commitment", new Dictionary<string, string> { ["commitmentId"] = "study", ["status"] = "Done" });
        Assert.Equal(HttpStatusCode.Redirect, done.Status);
        Assert.Equal(Proto.CommitmentStatus.Done, Assert.Single(api.Mous.GetMou(new Proto.GetMouRequest { MouId = mouId }).Commitments).Status);
    }
}
