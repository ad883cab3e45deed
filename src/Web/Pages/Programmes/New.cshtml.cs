using Cooperation.Contracts.Common;
using Cooperation.Contracts.Programmes;
using Cooperation.Contracts.Submissions;
using Cooperation.Web.Forms;
using Microsoft.AspNetCore.Mvc;

namespace Cooperation.Web.Pages.Programmes;

/// <summary>
/// A city office creates a programme of one of its partnerships (<c>/partnerships/{id}/programmes/new</c>)
/// through the programme grain's Create (the API's call) as the person: the grain decides who may,
/// the definition's own rules refuse a field, shown next to it; a refused form stores nothing.
/// </summary>
internal sealed class NewModel(IGrainFactory grains) : PartnershipForm(grains)
{
    /// <summary>The form's fields.</summary>
    public const string ProgrammeIdField = "programmeId", NameField = "name", StartField = "start", EndField = "end",
        FrequencyField = "frequency", WindowField = "submissionWindowDays";

    // The definition's field names (as the API spells them) → the form's.
    private static readonly Dictionary<string, string> ProgrammeFields = new()
    {
        ["programme_id"] = ProgrammeIdField, ["name"] = NameField, ["name.en"] = NameField, ["name.vi"] = NameField, ["name.ja"] = NameField,
        ["start"] = StartField, ["end"] = EndField, ["reporting_frequency"] = FrequencyField, ["submission_window_days"] = WindowField,
    };

    /// <inheritdoc/>
    protected override IReadOnlyDictionary<string, string> Fields => ProgrammeFields;

    /// <summary>The days after a period ends that updates are on time, by default.</summary>
    public static int DefaultWindow => SubmissionWindow.DefaultDays;

    /// <summary>Shows the form.</summary>
    public async Task<IActionResult> OnGetAsync(string id)
    {
        await ReadPartnershipAsync(id);
        return Page();
    }

    /// <summary>Creates the programme, then shows the partnership.</summary>
    public async Task<IActionResult> OnPostAsync(string id)
    {
        await ReadPartnershipAsync(id);
        var programmeId = Checked(() => Field.Id(Sent(ProgrammeIdField)?.Trim(), "programme_id"));
        var name = Checked(() => FormText.InLanguage(Sent(NameField), W.Language, "name"));
        var start = Date(() => Field.Date(Sent(StartField)?.Trim(), "start"));
        var end = Date(() => Field.OptionalDate(Sent(EndField)?.Trim(), "end"));
        var frequency = Frequency(FrequencyField);
        var windowText = Sent(WindowField)?.Trim();
        var window = string.IsNullOrEmpty(windowText) ? DefaultWindow : int.TryParse(windowText, out var days) ? days : (int?)null;
        if (window is null)
            Refuse(WindowField, W["update.not-a-number"]);
        if (Valid)
        {
            var definition = new ProgrammeDefinition(ProgrammeOwnerKind.Partnership, Partnership.PartnershipId, name!, start!.Value,
                end, frequency!.Value, window!.Value);
            try
            {
                await Grains.GetGrain<IProgrammeGrain>(programmeId!).Create(definition);
                return Redirect($"/partnerships/{Uri.EscapeDataString(Partnership.PartnershipId)}?created={Uri.EscapeDataString(programmeId!)}#programmes-heading");
            }
            catch (InvalidFieldException invalid)
            {
                Refuse(invalid, Fields);
            }
            catch (EntityExistsException)
            {
                Refuse(ProgrammeIdField, W["manage.programme.exists"]);
            }
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
