using Cooperation.Contracts.Common;
using Cooperation.Contracts.Jcm;
using Cooperation.Contracts.Pilots;
using Cooperation.Contracts.Submissions;
using Cooperation.Web.Forms;
using Cooperation.Web.Reading;
using Microsoft.AspNetCore.Mvc;

namespace Cooperation.Web.Pages.Pilots;

/// <summary>
/// The appointed verifier's page of a JCM pilot (<c>/pilots/{id}/verification</c>): each monitoring
/// period with its reductions and credits, and for those awaiting verification, approve or return
/// (a comment required to return). The pilot grain shows it only to the verifier (and admins),
/// whether or not the verifier takes part in the pilot, and decides as the API does: four eyes
/// (the organisation that recorded a period may not verify it), only a submitted period.
/// </summary>
internal sealed class VerificationModel(IGrainFactory grains) : FormPage
{
    /// <summary>The pilot's id.</summary>
    public string PilotId { get; private set; } = "";

    /// <summary>The pilot's title, when the person may read the pilot (an outside verifier may not).</summary>
    public LocalizedText? Title { get; private set; }

    /// <summary>The monitoring, as the verifier sees it.</summary>
    public JcmView Jcm { get; private set; } = null!;

    /// <summary>Each period with its verification.</summary>
    public IReadOnlyList<JcmPeriodRow> Periods { get; private set; } = [];

    /// <summary>The comment field of <paramref name="periodId"/>'s form.</summary>
    public static string CommentField(string periodId) => "comment-" + periodId;

    /// <summary>What the comment fields sent, shown again when refused.</summary>
    public string? Sent(string field) => Request.HasFormContentType ? Request.Form[field].ToString() : null;

    /// <summary>The verification of <paramref name="periodId"/>, if decided.</summary>
    public MonitoringVerification? VerificationOf(string periodId) => Jcm.Verifications.FirstOrDefault(v => v.PeriodId == periodId);

    /// <summary>Shows the periods.</summary>
    public Task OnGetAsync(string id) => PrepareAsync(id);

    /// <summary>Approves or returns one period, then shows the periods again.</summary>
    public async Task<IActionResult> OnPostAsync(string id, string? periodId, string? decision)
    {
        await PrepareAsync(id);
        var chosen = decision switch { "approve" => ReviewDecision.Approve, "return" => ReviewDecision.Return, _ => (ReviewDecision?)null };
        var field = CommentField(periodId ?? "");
        if (chosen is null || string.IsNullOrEmpty(periodId))
            Problem = W["jcm.verify.choose"];
        else
        {
            try
            {
                await grains.GetGrain<IPilotGrain>(PilotId).ReviewMonitoringPeriod(periodId, chosen.Value, Request.Form[field].ToString());
                Response.Headers.Location = $"/pilots/{Uri.EscapeDataString(PilotId)}/verification?decided={Uri.EscapeDataString(periodId)}";
                return StatusCode(StatusCodes.Status303SeeOther);
            }
            catch (InvalidFieldException invalid)
            {
                Refuse(invalid, new Dictionary<string, string> { ["comment"] = field });
            }
            catch (RuleViolationException)
            {
                Problem = W["jcm.verify.not-submitted"];
            }
            catch (EntityNotFoundException)
            {
                Problem = W["jcm.verify.unknown-period"];
            }
            catch (AccessDeniedException)
            {
                // The page was shown, so the person verifies: the grain refused this period (four eyes).
                Problem = W["jcm.verify.four-eyes"];
            }
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task PrepareAsync(string id)
    {
        PilotId = ReadPage.PathId(id, "pilot");
        var pilot = grains.GetGrain<IPilotGrain>(PilotId);
        // The verifier's read first: anyone else is refused before anything is shown.
        Jcm = await pilot.GetJcmToVerify();
        Title = (await pilot.GetSummaryIfReadable())?.Title;
        Periods = JcmFigures.Of(Jcm).Periods;
    }
}
