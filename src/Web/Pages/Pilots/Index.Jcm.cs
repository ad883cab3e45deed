using Cooperation.Contracts.Common;
using Cooperation.Contracts.Pilots;
using Microsoft.AspNetCore.Mvc;

namespace Cooperation.Web.Pages.Pilots;

/// <summary>
/// What a funding donor (or an admin) does in a JCM pilot's section: appoint the organisation that
/// verifies its monitoring periods. The pilot grain decides who may (<see cref="IPilotGrain.AppointVerifier"/>);
/// an unknown organisation is named next to the field and nothing changes. The appointed verifier
/// decides on the periods on its own page (<see cref="VerificationModel"/>), linked from the section.
/// </summary>
public sealed partial class IndexModel
{
    /// <summary>The appointment form's field.</summary>
    public const string VerifierField = "verifier";

    /// <summary>Whether the person may appoint the verifier (the grain's decision): the section shows the form.</summary>
    public bool MayAppointVerifier { get; private set; }

    /// <summary>What the appointment form sent, shown again when refused.</summary>
    public string VerifierSent { get; private set; } = "";

    /// <summary>The message about the appointment form's field, or null.</summary>
    public string? VerifierError { get; private set; }

    /// <summary>Whether the person's organisation is the pilot's appointed verifier (or the person an admin): the section links to the verification page.</summary>
    public bool MayVerify => Pilot.Jcm is { } jcm && (Caller.IsPrivileged || jcm.VerifierOrganisationId == Caller.OrganisationId);

    /// <summary>Appoints the organisation sent as the pilot's JCM verifier, then shows the JCM section again.</summary>
    public async Task<IActionResult> OnPostAppointVerifierAsync(string id, [FromForm(Name = VerifierField)] string? verifier)
    {
        var pilot = Grains.GetGrain<IPilotGrain>(PathId(id, "pilot"));
        var organisationId = verifier?.Trim() ?? "";
        try
        {
            await pilot.AppointVerifier(organisationId);
            return Redirect($"/pilots/{Uri.EscapeDataString(id)}#jcm-heading");
        }
        catch (InvalidFieldException invalid)
        {
            VerifierError = organisationId.Length == 0 ? W["field.required"] : W.Rule(invalid.Violations[0].Description);
        }
        catch (EntityNotFoundException) when (organisationId.Length > 0)
        {
            // The pilot exists (the grain looked it up first): the organisation named does not.
            VerifierError = W.Format("jcm.verifier.unknown", organisationId);
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        await OnGetAsync(id);
        VerifierSent = verifier ?? "";
        return Page();
    }
}
