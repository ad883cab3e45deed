using Cooperation.Contracts.Common;
using Cooperation.Contracts.Pilots;
using Cooperation.Web.Forms;
using Microsoft.AspNetCore.Mvc;

namespace Cooperation.Web.Pages.Pilots;

/// <summary>
/// What a city office (or an admin) does on the pilot's page: move its status with a reason, add a
/// milestone, add or replace a funding line. Through the pilot grain's calls the API makes, as the
/// person: the grain decides who may (<see cref="IPilotGrain.MayManage"/> decides who sees the forms)
/// and the domain's rules refuse a field, shown next to it in the person's language; a refused form
/// stores nothing and shows the page again with what was sent.
/// </summary>
public sealed partial class IndexModel
{
    /// <summary>The status form's fields.</summary>
    public const string StatusField = "status", ReasonField = "statusReason", EffectiveOnField = "statusEffectiveOn";

    /// <summary>The milestone form's fields.</summary>
    public const string MilestoneIdField = "milestoneId", MilestoneTitleField = "milestoneTitle", PlannedDateField = "milestonePlannedDate";

    /// <summary>The funding form's fields.</summary>
    public const string LineIdField = "lineId", DonorField = "lineDonor", CurrencyField = "lineCurrency",
        CommittedField = "lineCommitted", DisbursedField = "lineDisbursed";

    // The domain's field names (as the API spells them) → each form's.
    private static readonly Dictionary<string, string> StatusFields = new()
    {
        ["status"] = StatusField, ["reason"] = ReasonField, ["effective_on"] = EffectiveOnField,
    };

    private static readonly Dictionary<string, string> MilestoneFields = new()
    {
        ["milestone_id"] = MilestoneIdField, ["title"] = MilestoneTitleField, ["title.en"] = MilestoneTitleField,
        ["title.vi"] = MilestoneTitleField, ["title.ja"] = MilestoneTitleField, ["planned_date"] = PlannedDateField,
    };

    private static readonly Dictionary<string, string> FundingFields = new()
    {
        ["line_id"] = LineIdField, ["donor_organisation_id"] = DonorField, ["currency"] = CurrencyField,
        ["committed"] = CommittedField, ["disbursed"] = DisbursedField,
    };

    /// <summary>Each form: the sentence confirming its change (query <c>changed</c>), and the section that shows it.</summary>
    private static readonly Dictionary<string, (string Confirmation, string Section)> Forms = new()
    {
        ["status"] = ("manage.status.done", "status-heading"),
        ["milestone"] = ("manage.milestone.done", "milestones-heading"),
        ["funding"] = ("manage.funding.done", "funding-heading"),
        ["kpi"] = ("manage.kpi.done", "kpis-heading"),
        ["created"] = ("manage.pilot.done", "status-heading"),
    };

    /// <summary>Whether the person may change the pilot's set-up (the grain's decision): the page shows the forms.</summary>
    public bool MayManage { get; private set; }

    /// <summary>The statuses the pilot may move to (the domain's lifecycle); none when it is final.</summary>
    public IReadOnlyList<PilotStatus> NextStatuses => PilotLifecycle.Next(Pilot.Status);

    /// <summary>Field name → its message, for the form that was refused.</summary>
    public Dictionary<string, string> FieldErrors { get; } = new(StringComparer.Ordinal);

    /// <summary>A message about a whole form (a move the lifecycle refuses), by form: status, milestone, funding.</summary>
    public (string Form, string Message)? FormProblem { get; private set; }

    /// <summary>The message of <paramref name="field"/>, or null.</summary>
    public string? FieldError(string field) => FieldErrors.GetValueOrDefault(field);

    /// <summary>What the refused form sent in <paramref name="field"/>, to show it again; null on a read.</summary>
    public string? Sent(string field) => HttpMethods.IsPost(Request.Method) && Request.HasFormContentType ? Request.Form[field].ToString() : null;

    /// <summary>The sentence confirming the last change (query <c>changed</c>), or null.</summary>
    public string? Confirmation => Forms.TryGetValue(Request.Query["changed"].ToString(), out var form) ? W[form.Confirmation] : null;

    /// <summary>Moves the pilot's status, with its reason and the day it took effect.</summary>
    public async Task<IActionResult> OnPostStatusAsync(string id)
    {
        var pilot = Grains.GetGrain<IPilotGrain>(PathId(id, "pilot"));
        var status = Choice<PilotStatus>(StatusField);
        var effectiveOn = Checked(() => Field.OptionalDate(Sent(EffectiveOnField)?.Trim(), "effective_on"), StatusFields);
        return await ChangeAsync(id, "status", StatusFields, async () =>
        {
            await pilot.ChangeStatus(status!.Value, Sent(ReasonField), effectiveOn);
        });
    }

    /// <summary>Adds a milestone, its title in the person's language.</summary>
    public async Task<IActionResult> OnPostMilestoneAsync(string id)
    {
        var pilot = Grains.GetGrain<IPilotGrain>(PathId(id, "pilot"));
        var title = Checked(() => FormText.InLanguage(Sent(MilestoneTitleField), W.Language, "title"), MilestoneFields);
        var planned = Checked(() => (DateOnly?)Field.Date(Sent(PlannedDateField)?.Trim(), "planned_date"), MilestoneFields);
        // Each field's rule before the grain's call, so every field at fault is named at once.
        var milestoneId = Checked(() => Field.Id(Sent(MilestoneIdField)?.Trim(), "milestone_id"), MilestoneFields);
        return await ChangeAsync(id, "milestone", MilestoneFields, async () =>
        {
            try
            {
                await pilot.AddMilestone(new MilestoneDefinition(milestoneId!, title!, planned!.Value));
            }
            catch (EntityExistsException)
            {
                FieldErrors.TryAdd(MilestoneIdField, W["manage.milestone.exists"]);
            }
        });
    }

    /// <summary>Adds a funding line, or replaces the one of the same id.</summary>
    public async Task<IActionResult> OnPostFundingAsync(string id)
    {
        var pilot = Grains.GetGrain<IPilotGrain>(PathId(id, "pilot"));
        var currency = Choice<Currency>(CurrencyField);
        var committed = Checked(() => (decimal?)Field.Amount(Sent(CommittedField)?.Trim(), "committed"), FundingFields);
        var disbursedText = Sent(DisbursedField)?.Trim();
        var disbursed = string.IsNullOrEmpty(disbursedText) ? 0 : Checked(() => (decimal?)Field.Amount(disbursedText, "disbursed"), FundingFields);
        var lineId = Checked(() => Field.Id(Sent(LineIdField)?.Trim(), "line_id"), FundingFields);
        var donor = Checked(() => Field.Id(Sent(DonorField)?.Trim(), "donor_organisation_id"), FundingFields);
        return await ChangeAsync(id, "funding", FundingFields, async () =>
        {
            try
            {
                await pilot.SetFundingLine(new FundingLine(lineId!, donor!, currency!.Value, committed!.Value, disbursed!.Value));
            }
            catch (EntityNotFoundException)
            {
                // The pilot was read before; what is unknown is the donor typed.
                FieldErrors.TryAdd(DonorField, W.Format("manage.funding.donor-unknown", donor));
            }
            catch (InvalidFieldException invalid) when (invalid.Violations.Any(v => v.Field == "donor_organisation_id"))
            {
                // Its id was checked above: the grain refuses an organisation that is no donor (its words name the id).
                FieldErrors.TryAdd(DonorField, W.Format("manage.funding.not-a-donor", donor));
            }
        });
    }

    // Makes the change when every field read well; a refused one shows the page again (400), nothing stored.
    private async Task<IActionResult> ChangeAsync(string id, string form, IReadOnlyDictionary<string, string> fields, Func<Task> change)
    {
        if (FieldErrors.Count == 0)
        {
            try
            {
                await change();
                if (FieldErrors.Count == 0)
                    return Redirect($"/pilots/{Uri.EscapeDataString(id)}?changed={form}#{Forms[form].Section}");
            }
            catch (InvalidFieldException invalid)
            {
                foreach (var (field, message) in FormPage.Messages(invalid, fields, W))
                    FieldErrors.TryAdd(field, message);
            }
            catch (RuleViolationException refused)
            {
                FormProblem = (form, W.Rule(refused.Message));
            }
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        await OnGetAsync(id);
        return Page();
    }

    // The value of a domain rule, or null with its field refused.
    private T? Checked<T>(Func<T> read, IReadOnlyDictionary<string, string> fields) where T : class?
    {
        try
        {
            return read();
        }
        catch (InvalidFieldException invalid)
        {
            foreach (var (field, message) in FormPage.Messages(invalid, fields, W))
                FieldErrors.TryAdd(field, message);
            return null;
        }
    }

    private T? Checked<T>(Func<T?> read, IReadOnlyDictionary<string, string> fields) where T : struct
    {
        try
        {
            return read();
        }
        catch (InvalidFieldException invalid)
        {
            foreach (var (field, message) in FormPage.Messages(invalid, fields, W))
                FieldErrors.TryAdd(field, message);
            return null;
        }
    }

    // A value of the list <paramref name="field"/> offers (the enum's names), or null with the field refused.
    private TEnum? Choice<TEnum>(string field) where TEnum : struct, Enum
    {
        if (Enum.TryParse<TEnum>(Sent(field), ignoreCase: false, out var chosen) && Field.IsChoice(chosen))
            return chosen;
        FieldErrors.TryAdd(field, W["manage.choose"]);
        return null;
    }
}
