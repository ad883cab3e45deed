using Cooperation.Contracts.Common;
using Cooperation.Contracts.Kpis;
using Cooperation.Contracts.Pilots;
using Cooperation.Reports.Rendering;
using Cooperation.Web.Forms;
using Microsoft.AspNetCore.Mvc;

namespace Cooperation.Web.Pages.Pilots;

/// <summary>
/// A partner's update of a pilot for one reporting period (<c>/pilots/{id}/update?period=…</c>),
/// generated from the pilot's KPIs and milestones. Only those the pilot grain lets submit see it
/// (<see cref="IPilotGrain.MaySubmitUpdates"/>, the decision of <see cref="IPilotGrain.SubmitUpdate"/>);
/// the form carries its idempotency key, so a double click or a resubmission stores one update;
/// the domain's rules refuse, next to the fields; plausibility warnings ask for a confirmation.
/// </summary>
internal sealed class UpdateModel(IGrainFactory grains, PublicRecords records, TimeProvider clock) : FormPage
{
    /// <summary>The pilot.</summary>
    public PilotView Pilot { get; private set; } = null!;

    /// <summary>The period the update reports on.</summary>
    public ReportingPeriod Period { get; private set; }

    /// <summary>The form's KPI rows, in the pilot's order.</summary>
    public IReadOnlyList<UpdateKpiRow> Kpis { get; private set; } = [];

    /// <summary>The update's idempotency key, kept across the form's retries.</summary>
    public string Key { get; private set; } = "";

    /// <summary>Form field → the plausibility warnings of its value, when the partner has not confirmed them.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<PlausibilityWarning>> Warnings { get; private set; } =
        new Dictionary<string, IReadOnlyList<PlausibilityWarning>>();

    /// <summary>What the form sent (null on the first showing: the pilot's own progress then fills the milestones).</summary>
    private IFormCollection? Sent { get; set; }

    /// <summary>The text of <paramref name="field"/> as sent, or <paramref name="shown"/> on the first showing.</summary>
    public string? Value(string field, string? shown = null) => Sent is { } sent ? sent[field].ToString() : shown;

    /// <summary>Shows the empty form with a fresh key.</summary>
    public async Task OnGetAsync(string id)
    {
        await PrepareAsync(id);
        Key = UpdateForm.NewKey();
    }

    /// <summary>Submits the update once, or shows what to correct or confirm.</summary>
    public async Task<IActionResult> OnPostAsync(string id)
    {
        await PrepareAsync(id);
        Sent = Request.Form;
        Key = Request.Form[UpdateForm.KeyField].ToString() is { Length: > 0 } key ? key : UpdateForm.NewKey();
        var reading = UpdateForm.Read(Period, Kpis, Pilot.Milestones, field => Request.Form[field].ToString());
        foreach (var (field, word) in reading.Unreadable)
            Refuse(field, W[word]);
        if (UpdateForm.Violations(reading, Kpis) is { Count: > 0 } violations)
            Refuse(new InvalidFieldException(violations), reading.Fields);
        if (!Valid)
            return Page();
        if (reading.Warnings.Count > 0 && Request.Form[UpdateForm.ConfirmField] != "yes")
        {
            Warnings = reading.Warnings;
            return Page();
        }
        try
        {
            await grains.GetGrain<IPilotGrain>(Pilot.PilotId).SubmitUpdate(reading.Update, Key);
        }
        catch (InvalidFieldException invalid)
        {
            Refuse(invalid, reading.Fields);
            return Page();
        }
        catch (RuleViolationException)
        {
            Problem = W["update.period-closed"];
            return Page();
        }
        catch (EntityExistsException)
        {
            // The key was used for another update: this one is new, under a fresh key.
            Problem = W["update.key-used"];
            Key = UpdateForm.NewKey();
            return Page();
        }
        Response.Headers.Location = $"/pilots/{Pilot.PilotId}?updated={Period}#reporting-heading";
        return StatusCode(StatusCodes.Status303SeeOther);
    }

    private async Task PrepareAsync(string id)
    {
        var pilot = grains.GetGrain<IPilotGrain>(ReadPage.PathId(id, "pilot"));
        // Refused as the pilot page is, then as SubmitUpdate would be: one decision, the grain's.
        if (!await pilot.MaySubmitUpdates())
            throw new AccessDeniedException($"You may not report on pilot '{id}'.");
        Pilot = await pilot.Get();
        var city = await records.CityAsync(Pilot.Definition.CityId);
        Period = ChosenPeriod(city.TimeZone);
        Kpis = UpdateKpiRow.Of(Pilot, await pilot.ListKpiSeries(), Period);
    }

    /// <summary>The period asked for; by default the last one that has ended in the pilot's city (its window is open or past).</summary>
    private ReportingPeriod ChosenPeriod(string timeZone)
    {
        var frequency = Pilot.Definition.Frequency;
        var asked = Request.Query["period"].ToString();
        if (asked.Length > 0)
        {
            try
            {
                return ReportingPeriod.Parse(asked, "period");
            }
            catch (InvalidFieldException invalid)
            {
                Refuse(invalid, new Dictionary<string, string> { ["period"] = "period" });
            }
        }
        return UpdateForm.PeriodBefore(ReportingPeriod.Containing(ReportCulture.DateIn(clock.GetUtcNow(), timeZone), frequency));
    }

    /// <summary>The words of <paramref name="warning"/>.</summary>
    public string Warning(PlausibilityWarning warning) => W["update.warning." + warning];
}
