using Cooperation.Contracts.Access;
using Cooperation.Contracts.Common;
using Cooperation.Contracts.Pilots;
using Cooperation.Web.Forms;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cooperation.Web.Pages.Pilots;

/// <summary>
/// A partner reports on one milestone on its own (<c>/pilots/{id}/milestones/{milestoneId}</c>),
/// without a whole update: status, actual date, evidence link, through
/// <see cref="IPilotGrain.UpdateMilestone"/> as the person. Only those who may report on the pilot
/// see it (<see cref="IPilotGrain.MaySubmitUpdates"/>); the domain's rules refuse next to the fields.
/// </summary>
internal sealed class MilestoneModel(IGrainFactory grains) : FormPage
{
    /// <summary>The pilot.</summary>
    public PilotView Pilot { get; private set; } = null!;

    /// <summary>The milestone.</summary>
    public MilestoneView Milestone { get; private set; } = null!;

    /// <summary>The text of <paramref name="field"/> as sent, else <paramref name="shown"/>.</summary>
    public string? Value(string field, string? shown) => HttpMethods.IsPost(Request.Method) ? Request.Form[field].ToString() : shown;

    /// <summary>The form's field of <paramref name="part"/>, as the update form names it.</summary>
    public string Field(string part) => UpdateForm.MilestoneField(Milestone.Definition.MilestoneId, part);

    /// <summary>Shows the milestone's progress in a form.</summary>
    public Task OnGetAsync(string id, string milestoneId) => PrepareAsync(id, milestoneId);

    /// <summary>Reports the progress, or shows what to correct.</summary>
    public async Task<IActionResult> OnPostAsync(string id, string milestoneId)
    {
        await PrepareAsync(id, milestoneId);
        var unreadable = new Dictionary<string, string>(StringComparer.Ordinal);
        var progress = UpdateForm.Progress(Milestone.Definition.MilestoneId, field => Request.Form[field].ToString(), unreadable);
        foreach (var (field, word) in unreadable)
            Refuse(field, W[word]);
        if (progress is null && unreadable.Count == 0)
            Refuse(Field("status"), W["update.not-a-status"]);
        if (!Valid)
            return Refused();
        try
        {
            await grains.GetGrain<IPilotGrain>(Pilot.PilotId).UpdateMilestone(Milestone.Definition.MilestoneId, progress!);
        }
        catch (InvalidFieldException invalid)
        {
            Refuse(invalid, new Dictionary<string, string>
            {
                ["status"] = Field("status"), ["actual_date"] = Field("actual_date"), ["evidence_link"] = Field("evidence_link"),
                ["milestone_id"] = Field("status"),
            });
            return Refused();
        }
        catch (RuleViolationException)
        {
            Problem = W["milestone.progress.closed"];
            return Refused();
        }
        Response.Headers.Location = $"/pilots/{Uri.EscapeDataString(Pilot.PilotId)}#milestones-heading";
        return StatusCode(StatusCodes.Status303SeeOther);
    }

    private PageResult Refused()
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task PrepareAsync(string id, string milestoneId)
    {
        var pilot = grains.GetGrain<IPilotGrain>(ReadPage.PathId(id, "pilot"));
        // Refused as the pilot page is, then as UpdateMilestone would be: one decision, the grain's.
        if (!await pilot.MaySubmitUpdates())
            throw new AccessDeniedException($"You may not report on pilot '{id}'.");
        Pilot = await pilot.Get();
        Milestone = Pilot.Milestones.FirstOrDefault(m => m.Definition.MilestoneId == milestoneId)
            ?? throw new EntityNotFoundException("milestone", milestoneId);
    }
}
