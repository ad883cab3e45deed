using Cooperation.Contracts.Access;
using Cooperation.Contracts.Common;
using Cooperation.Contracts.People;
using Cooperation.Web.Forms;
using Cooperation.Web.Hosting;
using Cooperation.Web.People;
using Microsoft.AspNetCore.Mvc;

namespace Cooperation.Web.Pages.People;

/// <summary>
/// The people of an organisation (admins: any; a city office: those of organisations in its
/// partnerships; the account grains decide through <c>AccessPolicy</c>, the list shows what each
/// would show), with their invitations, and disabling, enabling and inviting again.
/// </summary>
internal sealed class IndexModel(IGrainFactory grains, OrganisationChoices choices, PersonMail mail) : FormPage
{
    private static readonly Dictionary<string, string> Notices = new()
    {
        ["invited"] = "people.invited",
        ["mail-failed"] = "people.mail-failed",
        ["disabled"] = "people.disabled",
        ["enabled"] = "people.enabled",
    };

    /// <summary>The organisation shown (the person's own by default).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Organisation { get; set; }

    /// <summary>What the last change did, from <see cref="Notices"/>.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Notice { get; set; }

    /// <summary>The account the notice is about.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Account { get; set; }

    /// <summary>The people shown.</summary>
    public IReadOnlyList<AccountView> People { get; private set; } = [];

    /// <summary>Organisations to pick from.</summary>
    public IReadOnlyList<string> Suggestions { get; private set; } = [];

    /// <summary>The notice's sentence, or null.</summary>
    public string? NoticeText { get; private set; }

    /// <summary>Lists the people of the organisation.</summary>
    public Task<IActionResult> OnGetAsync() => ShowAsync();

    /// <summary>Disables an account, with a reason.</summary>
    public async Task<IActionResult> OnPostDisableAsync(string accountId, string? reason)
    {
        if (Required($"reason-{accountId}", reason).Length == 0)
            return await ShowAsync();
        var account = await grains.GetGrain<IAccountGrain>(accountId).Disable(reason!.Trim());
        return Done("disabled", account);
    }

    /// <summary>Enables a disabled account.</summary>
    public async Task<IActionResult> OnPostEnableAsync(string accountId) =>
        Done("enabled", await grains.GetGrain<IAccountGrain>(accountId).Enable());

    /// <summary>Sends an invited person a new link (the old one stops working).</summary>
    public async Task<IActionResult> OnPostReinviteAsync(string accountId)
    {
        var account = grains.GetGrain<IAccountGrain>(accountId);
        var token = OneTimeToken.New(TokenPurpose.Invitation);
        var invited = await account.Invite((await account.Get()).Definition, token.Hash);
        return Done(await mail.TrySendInvitationAsync(invited, token.Secret) ? "invited" : "mail-failed", invited);
    }

    private RedirectResult Done(string notice, AccountView account) => Redirect(
        $"/people?organisation={Uri.EscapeDataString(account.Definition.OrganisationId)}&notice={notice}&account={Uri.EscapeDataString(account.AccountId)}");

    private async Task<IActionResult> ShowAsync()
    {
        var person = HttpContext.Person()!;
        Organisation = string.IsNullOrWhiteSpace(Organisation) ? person.Caller.OrganisationId : Organisation.Trim();
        Suggestions = await choices.ForAsync(person.Caller);
        try
        {
            Field.Id(Organisation, "organisation");
            People = (await grains.GetGrain<IAccountDirectoryGrain>(IAccountDirectoryGrain.Key).List(Organisation))
                .OrderBy(p => p.Definition.DisplayName, StringComparer.CurrentCulture).ToList();
        }
        catch (InvalidFieldException invalid)
        {
            Refuse(invalid, new Dictionary<string, string> { ["organisation"] = "organisation" });
        }
        if (Notice is not null && Notices.TryGetValue(Notice, out var key) && People.FirstOrDefault(p => p.AccountId == Account) is { } about)
            NoticeText = W.Format(key, about.Definition.DisplayName, about.Definition.Email);
        return Page();
    }
}
