using Cooperation.Contracts.Access;
using Cooperation.Contracts.Common;
using Cooperation.Contracts.Kpis;
using Cooperation.Contracts.Pilots;
using Cooperation.Contracts.Submissions;
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

    /// <summary>The period's review so far: a returned period's comment, the submission a correction starts from.</summary>
    public PeriodRecord? Record { get; private set; }

    /// <summary>The organisation's draft of this update, when one is kept.</summary>
    public UpdateDraft? Draft { get; private set; }

    /// <summary>Whether the draft was just saved (the page confirms it).</summary>
    public bool DraftSaved { get; private set; }

    /// <summary>What the form sent (null on the first showing: the pilot's own progress then fills the milestones).</summary>
    private IFormCollection? Sent { get; set; }

    /// <summary>What the first showing fills in: the draft, else the period's figures as submitted (a correction).</summary>
    private IReadOnlyDictionary<string, string> Shown { get; set; } = new Dictionary<string, string>();

    /// <summary>The text of <paramref name="field"/> as sent, else as the draft or the submission had it, else <paramref name="shown"/>.</summary>
    public string? Value(string field, string? shown = null) =>
        Sent is { } sent ? sent[field].ToString() : Shown.TryGetValue(field, out var kept) ? kept : shown;

    /// <summary>Shows the form with a fresh key: filled from the draft, or from the period's submission when it was submitted already.</summary>
    public async Task OnGetAsync(string id)
    {
        var series = await PrepareAsync(id);
        Key = UpdateForm.NewKey();
        var pilot = grains.GetGrain<IPilotGrain>(Pilot.PilotId);
        var draft = DraftOf().Get();
        Record = Pilot.Reporting.Any(p => p.Review.Period == Period && p.Review.Submissions > 0) ? await pilot.GetPeriodRecord(Period) : null;
        Draft = await draft;
        if (Record?.Reporting.Review.DecidedBy is { } decidedBy)
            ReturnedBy = await records.OrganisationNameAsync(decidedBy, W);
        Shown = Draft is { } kept
            ? kept.Fields.ToDictionary(f => f.Name, f => f.Value, StringComparer.Ordinal)
            : Record is { } record ? UpdateForm.Submitted(Kpis, series, Period, record.LastSubmission?.Text, W.Language) : Shown;
    }

    /// <summary>Submits the update once (or keeps it as a draft), or shows what to correct or confirm.</summary>
    public async Task<IActionResult> OnPostAsync(string id)
    {
        await PrepareAsync(id);
        Sent = Request.Form;
        Key = Request.Form[UpdateForm.KeyField].ToString() is { Length: > 0 } key ? key : UpdateForm.NewKey();
        if (Request.Form[UpdateForm.ActionField] == UpdateForm.SaveDraft)
        {
            Draft = await DraftOf().Save(UpdateForm.DraftOf(Request.Form.Select(f => (f.Key, f.Value.ToString()))));
            DraftSaved = true;
            return Page();
        }
        var reading = UpdateForm.Read(Period, Kpis, Pilot.Milestones, W.Language, field => Request.Form[field].ToString());
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
        // Submitted: the draft has become the update. Forgetting it may fail without harm to the update.
        try
        {
            await DraftOf().Discard();
        }
        catch (Exception kept) when (kept is not AccessDeniedException)
        {
            HttpContext.RequestServices.GetRequiredService<ILogger<UpdateModel>>().LogWarning(kept, "The draft of {Pilot} {Period} was kept after its update was submitted", Pilot.PilotId, Period);
        }
        Response.Headers.Location = $"/pilots/{Pilot.PilotId}?updated={Period}#reporting-heading";
        return StatusCode(StatusCodes.Status303SeeOther);
    }

    private IUpdateDraftGrain DraftOf() =>
        grains.GetGrain<IUpdateDraftGrain>(IUpdateDraftGrain.KeyOf(Pilot.PilotId, Period, CallerContext.Current.OrganisationId));

    private async Task<IReadOnlyList<KpiSeriesView>> PrepareAsync(string id)
    {
        var pilot = grains.GetGrain<IPilotGrain>(ReadPage.PathId(id, "pilot"));
        // Refused as the pilot page is, then as SubmitUpdate would be: one decision, the grain's.
        if (!await pilot.MaySubmitUpdates())
            throw new AccessDeniedException($"You may not report on pilot '{id}'.");
        Pilot = await pilot.Get();
        var city = await records.CityAsync(Pilot.Definition.CityId);
        TimeZone = city.TimeZone;
        Period = ChosenPeriod(city.TimeZone);
        var series = await pilot.ListKpiSeries();
        Kpis = UpdateKpiRow.Of(Pilot, series, Period);
        return series;
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
                // As read pages answer a wrong query parameter: the message, the default, and 400.
                Response.StatusCode = StatusCodes.Status400BadRequest;
            }
        }
        return UpdateForm.PeriodBefore(ReportingPeriod.Containing(ReportCulture.DateIn(clock.GetUtcNow(), timeZone), frequency));
    }

    /// <summary>The pilot's city's time zone, in which the draft's time is read.</summary>
    public string TimeZone { get; private set; } = "UTC";

    /// <summary>The name of the organisation that returned the period, in the page's language.</summary>
    public string? ReturnedBy { get; private set; }

    /// <summary>The words of <paramref name="warning"/>.</summary>
    public string Warning(PlausibilityWarning warning) => W["update.warning." + warning];
}
