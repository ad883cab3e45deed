using System.Globalization;
using Cooperation.Contracts.Common;
using Cooperation.Contracts.Mous;
using Cooperation.Reports.Rendering;
using Microsoft.AspNetCore.Mvc;

namespace Cooperation.Web.Pages.Mous;

/// <summary>
/// What a party's person does on the MoU's page: sign for their organisation, and set the status of
/// the commitments their organisation owns. The MoU's grain decides who may (a party for itself, the
/// partnership's office for any); a refused field is named next to its form and nothing changes; the
/// person is the journal's actor, so the history names who signed.
/// </summary>
public sealed partial class IndexModel
{
    /// <summary>The signature form's date field.</summary>
    public const string SignedOnField = "signedOn";

    /// <summary>The date the signature form holds: what was sent, else today in the MoU's time zone.</summary>
    public string SignedOn { get; private set; } = "";

    /// <summary>The message about the signature form's date, or null.</summary>
    public string? SignError { get; private set; }

    /// <summary>The commitment whose form was refused, and why.</summary>
    public (string CommitmentId, string Message)? CommitmentError { get; private set; }

    /// <summary>The person's organisation, which signs and owns commitments.</summary>
    public string PersonOrganisation => Caller.OrganisationId;

    /// <summary>Whether the person's organisation is a party that has not signed, while the MoU can still be signed.</summary>
    public bool MaySign => Mou.AwaitsSignatureOf(Caller.OrganisationId);

    /// <summary>Whether the person's organisation owns <paramref name="commitment"/>.</summary>
    public bool Owns(CommitmentView commitment) => commitment.Definition.OwnerOrganisationId == Caller.OrganisationId;

    /// <summary>Signs for the person's organisation on the date sent, then shows the MoU again.</summary>
    public async Task<IActionResult> OnPostSignAsync(string id, [FromForm(Name = SignedOnField)] string? signedOn)
    {
        var mou = Grains.GetGrain<IMouGrain>(PathId(id, "MoU"));
        if (!DateOnly.TryParseExact(signedOn?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            SignError = W[string.IsNullOrWhiteSpace(signedOn) ? "field.required" : "mou.sign.date-invalid"];
        else
        {
            try
            {
                await mou.Sign(new Signature(Caller.OrganisationId, date));
                return Redirect($"/mous/{Uri.EscapeDataString(id)}#parties-heading");
            }
            catch (InvalidFieldException invalid)
            {
                SignError = W.Rule(invalid.Violations[0].Description);
            }
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        await OnGetAsync(id);
        SignedOn = signedOn ?? "";
        return Page();
    }

    /// <summary>Sets the status of a commitment the person's organisation owns, then shows the MoU again.</summary>
    public async Task<IActionResult> OnPostCommitmentAsync(string id, string? commitmentId, string? status)
    {
        var mou = Grains.GetGrain<IMouGrain>(PathId(id, "MoU"));
        if (Enum.TryParse<CommitmentStatus>(status, ignoreCase: false, out var chosen) && Enum.IsDefined(chosen) && !string.IsNullOrEmpty(commitmentId))
        {
            await mou.SetCommitmentStatus(commitmentId, chosen);
            return Redirect($"/mous/{Uri.EscapeDataString(id)}#commitments-heading");
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        await OnGetAsync(id);
        CommitmentError = (commitmentId ?? "", W["mou.commitment.status-invalid"]);
        return Page();
    }

    // Today in the MoU's time zone (UTC when the person may not read the partnership that keeps it).
    private string Today() => ReportCulture.DateIn(HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow(), TimeZone)
        .ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
