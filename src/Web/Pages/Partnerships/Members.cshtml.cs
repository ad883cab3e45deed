using Cooperation.Contracts.Audit;
using Cooperation.Contracts.Common;
using Cooperation.Contracts.Partnerships;
using Cooperation.Web.Forms;
using Microsoft.AspNetCore.Mvc;

namespace Cooperation.Web.Pages.Partnerships;

/// <summary>
/// A city office adds a member organisation to a partnership, or changes a member's role
/// (<c>/partnerships/{id}/members/new</c>), one at a time through the partnership grain's SetMember
/// as the person; the page lists the members so far, so several are added in a row. A new
/// partnership's office lands here first.
/// </summary>
internal sealed class MembersModel(IGrainFactory grains) : PartnershipForm(grains)
{
    /// <summary>The form's fields.</summary>
    public const string OrganisationField = "organisation", RoleField = "role";

    private static readonly Dictionary<string, string> MemberFields = new()
    {
        ["organisation_id"] = OrganisationField, ["role"] = RoleField,
    };

    /// <inheritdoc/>
    protected override IReadOnlyDictionary<string, string> Fields => MemberFields;

    /// <summary>Every organisation the person may read, id and name, for suggestions.</summary>
    public IReadOnlyList<(string Id, string Name)> Organisations { get; private set; } = [];

    /// <summary>The confirmation to show (query <c>done</c>: created or added), or null.</summary>
    [BindProperty(SupportsGet = true, Name = "done")]
    public string? Done { get; set; }

    /// <summary>Shows the members and the form.</summary>
    public async Task<IActionResult> OnGetAsync(string id)
    {
        await ReadAsync(id);
        return Page();
    }

    /// <summary>Sets the member, then shows the page again.</summary>
    public async Task<IActionResult> OnPostAsync(string id)
    {
        await ReadAsync(id);
        var organisation = Checked(() => Field.Id(Sent(OrganisationField)?.Trim(), "organisation_id"));
        PartnershipRole? role = Enum.TryParse<PartnershipRole>(Sent(RoleField), false, out var chosen) && Field.IsChoice(chosen) ? chosen : null;
        if (role is null)
            Refuse(RoleField, W["manage.choose"]);
        Done = null;
        if (Valid)
        {
            try
            {
                await Grains.GetGrain<IPartnershipGrain>(Partnership.PartnershipId).SetMember(new PartnershipMember(organisation!, role!.Value));
                return Redirect($"/partnerships/{Uri.EscapeDataString(Partnership.PartnershipId)}/members/new?done=added#members-heading");
            }
            catch (InvalidFieldException invalid)
            {
                Refuse(invalid);
            }
            catch (EntityNotFoundException missing)
            {
                Refuse(OrganisationField, W.Format("manage.unknown", missing.Id));
            }
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task ReadAsync(string id)
    {
        // The partnership first: a person who may not read it is refused before anything else is read.
        await ReadPartnershipAsync(id);
        var records = HttpContext.RequestServices.GetRequiredService<PublicRecords>();
        var ids = MayCreate ? await Grains.GetGrain<IEntityDirectoryGrain>(0).ReadableIds(EntityTypes.Organisation) : [];
        var names = await records.OrganisationNamesAsync([.. ids, .. Partnership.Members.Select(m => m.OrganisationId)]);
        Organisations = [.. ids.Select(o => (o, PublicRecords.NameOf(o, names.GetValueOrDefault(o), W))).OrderBy(o => o.Item2, StringComparer.CurrentCultureIgnoreCase)];
        MemberNames = Partnership.Members.ToDictionary(m => m.OrganisationId, m => PublicRecords.NameOf(m.OrganisationId, names.GetValueOrDefault(m.OrganisationId), W));
    }

    /// <summary>The members' names in the person's language.</summary>
    public IReadOnlyDictionary<string, string> MemberNames { get; private set; } = new Dictionary<string, string>();
}
