using Cooperation.Contracts.Access;
using Cooperation.Contracts.Common;
using Cooperation.Contracts.DonorReports;
using Cooperation.Contracts.People;
using Cooperation.Web.Forms;
using Cooperation.Web.Hosting;
using Cooperation.Web.Languages;
using Cooperation.Web.People;
using Cooperation.Web.Words;
using Microsoft.AspNetCore.Mvc;

namespace Cooperation.Web.Pages.People;

/// <summary>
/// Inviting a person: e-mail, name, organisation, role, language. The web host makes the link's
/// token, the new account's grain keeps its hash (and decides whether the inviter may), and the
/// link is mailed in the invitee's language once the invitation is stored.
/// </summary>
internal sealed class InviteModel(IGrainFactory grains, OrganisationChoices choices, PersonMail mail) : FormPage
{
    // The domain's field names → this form's.
    private static readonly Dictionary<string, string> Fields = new()
    {
        ["email"] = "email",
        ["display_name"] = "name",
        ["organisation_id"] = "organisation",
        ["role"] = "role",
        ["language"] = "language",
    };

    /// <summary>The address.</summary>
    public string? Email { get; private set; }

    /// <summary>The person's name.</summary>
    public string? Name { get; private set; }

    /// <summary>Their organisation.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Organisation { get; set; }

    /// <summary>Their role.</summary>
    public Role? Role { get; private set; }

    /// <summary>Their language.</summary>
    public ReportLanguage? Language { get; private set; }

    /// <summary>The roles the inviter may give (admins may make admins).</summary>
    public IReadOnlyList<Role> Roles { get; private set; } = [];

    /// <summary>Organisations to pick from.</summary>
    public IReadOnlyList<string> Suggestions { get; private set; } = [];

    /// <summary>Shows the form.</summary>
    public async Task OnGetAsync() => await PrepareAsync();

    /// <summary>Invites, mails the link and goes back to the organisation's people; or shows what to correct.</summary>
    public async Task<IActionResult> OnPostAsync(string? email, string? name, string? role, string? language)
    {
        await PrepareAsync();
        Email = email?.Trim();
        Name = name?.Trim();
        Organisation = Organisation?.Trim();
        Role = Enum.TryParse<Role>(role, out var chosen) && Roles.Contains(chosen) ? chosen : null;
        Language = LanguageChoice.Parse(language);
        Required("email", Email);
        Required("name", Name);
        Required("organisation", Organisation);
        if (Role is null)
            Refuse("role", W["rule.must be admin, city office, partner agency or donor"]);
        if (Language is null)
            Refuse("language", W["field.required"]);
        if (!Valid)
            return Page();

        var token = OneTimeToken.New(TokenPurpose.Invitation);
        AccountView invited;
        try
        {
            var definition = new AccountDefinition(Email!, Name!, Organisation!, Role!.Value, Language!.Value).Validate();
            invited = await grains.GetGrain<IAccountGrain>(MailedLink.NewAccountId()).Invite(definition, token.Hash);
        }
        catch (InvalidFieldException invalid)
        {
            Refuse(invalid, Fields);
            return Page();
        }
        catch (EntityExistsException)
        {
            Refuse("email", W["people.email-taken"]);
            return Page();
        }
        catch (EntityNotFoundException)
        {
            Refuse("organisation", W["people.organisation-unknown"]);
            return Page();
        }
        catch (AccessDeniedException)
        {
            Refuse("organisation", W["people.not-yours"]);
            return Page();
        }
        var notice = await mail.TrySendInvitationAsync(invited, token.Secret) ? "invited" : "mail-failed";
        return Redirect($"/people?organisation={Uri.EscapeDataString(invited.Definition.OrganisationId)}&notice={notice}&account={Uri.EscapeDataString(invited.AccountId)}");
    }

    private async Task PrepareAsync()
    {
        var caller = HttpContext.Person()!.Caller;
        Roles = [.. new[] { Contracts.Access.Role.Admin, Contracts.Access.Role.CityOffice, Contracts.Access.Role.PartnerAgency, Contracts.Access.Role.Donor }
            .Where(r => r != Contracts.Access.Role.Admin || caller.Role == Contracts.Access.Role.Admin)];
        Suggestions = await choices.ForAsync(caller);
        Organisation ??= caller.OrganisationId;
        Language ??= W.Language;
    }

    /// <summary>The languages to choose from, with their names.</summary>
    public IEnumerable<(string Code, string Name)> Languages => WebWords.Languages.Select(l => (WebWords.Code(l), W["language." + WebWords.Code(l)]));
}
