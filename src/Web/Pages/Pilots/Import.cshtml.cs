using System.Text;
using Cooperation.Contracts.Common;
using Cooperation.Contracts.Pilots;
using Cooperation.Contracts.Submissions;
using Cooperation.Reports.Readings;
using Cooperation.Reports.Rendering;
using Cooperation.Web.Forms;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cooperation.Web.Pages.Pilots;

/// <summary>
/// A partner's file of readings for a pilot (<c>/pilots/{id}/import</c>): a CSV file or an Excel
/// workbook in the shape of the template (<c>?handler=Template</c>), read by the API's parser (<see cref="ReadingCsv"/>) and
/// stored through the same import grain (<see cref="IReadingImportGrain"/>) as the person, all or
/// nothing or row by row. The refused rows come back in a table with their cells and messages, and
/// what was stored below. The form carries its idempotency key: a reload stores the file once.
/// </summary>
internal sealed class ImportModel(IGrainFactory grains, PublicRecords records, TimeProvider clock) : FormPage
{
    /// <summary>The pilot.</summary>
    public PilotView Pilot { get; private set; } = null!;

    /// <summary>The mode chosen (all or nothing by default).</summary>
    public ImportMode Mode { get; private set; } = ImportMode.AllOrNothing;

    /// <summary>The upload's idempotency key, kept across the form's retries.</summary>
    public string Key { get; private set; } = "";

    /// <summary>What the import did, once a file was taken.</summary>
    public ReadingImportResult? Result { get; private set; }

    /// <summary>The file's columns, as its header names them.</summary>
    public IReadOnlyList<string> Columns { get; private set; } = [];

    /// <summary>The refused rows, in file order.</summary>
    public IReadOnlyList<RefusedRow> Refused { get; private set; } = [];

    /// <summary>The period the template is for: the last one that has ended in the pilot's city.</summary>
    public ReportingPeriod TemplatePeriod { get; private set; }

    /// <summary>Shows the form with a fresh key.</summary>
    public async Task OnGetAsync(string id)
    {
        await PrepareAsync(id);
        Key = UpdateForm.NewKey();
    }

    /// <summary>The template of the pilot, as CSV or (<c>format=xlsx</c>) a workbook: the parser's header and a row per KPI the partner enters.</summary>
    public async Task<IActionResult> OnGetTemplateAsync(string id, string? format)
    {
        await PrepareAsync(id);
        if (format == "xlsx")
        {
            var rows = ReadingCsv.TemplateRows(Pilot.PilotId, TemplatePeriod.ToString(), ReadingCsv.KpisEntered(Pilot));
            return File(ReadingWorkbook.Write(rows), ReadingWorkbook.ContentType, $"{Pilot.PilotId}-readings-{TemplatePeriod}.xlsx");
        }
        // With a byte order mark, so spreadsheets open Vietnamese and Japanese names as UTF-8.
        var csv = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(ReadingCsv.Template(Pilot, TemplatePeriod))).ToArray();
        return File(csv, "text/csv; charset=utf-8", $"{Pilot.PilotId}-readings-{TemplatePeriod}.csv");
    }

    /// <summary>Imports the file once, then shows what was refused and what was stored.</summary>
    public async Task<IActionResult> OnPostAsync(string id, [FromForm(Name = ReadingUpload.FileField)] IFormFile? file)
    {
        await PrepareAsync(id);
        Key = Request.Form[UpdateForm.KeyField].ToString() is { Length: > 0 } key ? key : UpdateForm.NewKey();
        var mode = Request.Form[ReadingUpload.ModeField].ToString();
        if (Enum.TryParse<ImportMode>(mode, ignoreCase: false, out var chosen) && Enum.IsDefined(chosen) && !int.TryParse(mode, out _))
            Mode = chosen;
        else
            Refuse(ReadingUpload.ModeField, W["import.mode-invalid"]);

        if (file is null)
            Refuse(ReadingUpload.FileField, W["import.file-missing"]);
        var read = file is null ? null : Read(file);
        if (!Valid || read is null)
            return Refusal();
        try
        {
            var import = grains.GetGrain<IReadingImportGrain>(IReadingImportGrain.KeyOf(ReadPage.Caller.OrganisationId, Key));
            Result = await import.Import(ReadingUpload.Request(read, Pilot.PilotId, Mode));
        }
        catch (EntityExistsException)
        {
            // The key was used for another file: this one is new, under a fresh key.
            Problem = W["import.key-used"];
            Key = UpdateForm.NewKey();
            return Refusal();
        }
        Columns = read.Columns;
        Refused = ReadingUpload.Refused(Result, read, W.Rule);
        // A file stored in part or whole is a new upload next time; a refused one may be sent again corrected.
        if (Result.Stored)
            Key = UpdateForm.NewKey();
        return Result.Stored || Refused.Count == 0 ? Page() : Refusal();
    }

    /// <summary>The file's readings, or null with the file field refused.</summary>
    private ReadingFile? Read(IFormFile file)
    {
        using var content = file.OpenReadStream();
        var (text, refusal) = ReadingUpload.TextOf(file.FileName, file.Length, content);
        if (refusal is not null)
        {
            Refuse(ReadingUpload.FileField, W.Format(refusal, ReportCulture.Count(ReadingUpload.MaxBytes / 1024 / 1024, W.Language)));
            return null;
        }
        try
        {
            var read = ReadingCsv.Read(text!);
            if (read.RowCount == 0)
                Refuse(ReadingUpload.FileField, W["import.header-only"]);
            return Valid ? read : null;
        }
        catch (InvalidFieldException invalid)
        {
            Refuse(ReadingUpload.FileField, W.Rule(invalid.Violations[0].Description));
            return null;
        }
    }

    private PageResult Refusal()
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task PrepareAsync(string id)
    {
        var pilot = grains.GetGrain<IPilotGrain>(ReadPage.PathId(id, "pilot"));
        // Refused as the pilot page is, then as the import would be: one decision, the grain's.
        if (!await pilot.MaySubmitUpdates())
            throw new AccessDeniedException($"You may not report on pilot '{id}'.");
        Pilot = await pilot.Get();
        var city = await records.CityAsync(Pilot.Definition.CityId);
        TemplatePeriod = UpdateForm.PeriodBefore(ReportingPeriod.Containing(ReportCulture.DateIn(clock.GetUtcNow(), city.TimeZone), Pilot.Definition.Frequency));
    }
}
