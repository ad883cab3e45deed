using Cooperation.Contracts.Common;
using Cooperation.Contracts.Mous;
using Cooperation.Web.Forms;
using Microsoft.AspNetCore.Mvc;

namespace Cooperation.Web.Pages.Mous;

/// <summary>
/// A city office adds a commitment to an MoU (<c>/mous/{id}/commitments/new</c>): what is committed,
/// the party that owns it, when it is due. The MoU grain's AddCommitment as the person: it decides
/// who may (<see cref="IMouGrain.MayManage"/> decides who sees the form) and the commitment's rules
/// refuse a field, shown next to it; a refused form stores nothing.
/// </summary>
internal sealed class CommitmentModel(IGrainFactory grains) : DefinitionForm(grains)
{
    /// <summary>The form's fields.</summary>
    public const string CommitmentIdField = "commitmentId", TextField = "text", OwnerField = "owner", DueField = "dueDate";

    private static readonly Dictionary<string, string> CommitmentFields = new()
    {
        ["commitment_id"] = CommitmentIdField, ["text"] = TextField, ["owner_organisation_id"] = OwnerField, ["due_date"] = DueField,
    };

    /// <inheritdoc/>
    protected override IReadOnlyDictionary<string, string> Fields => CommitmentFields;

    /// <summary>The MoU, as its grain shows it to the person.</summary>
    public MouView Mou { get; private set; } = null!;

    /// <summary>Whether the person may add commitments (the grain's decision).</summary>
    public bool MayManage { get; private set; }

    /// <summary>The parties: id and name in the person's language.</summary>
    public IReadOnlyList<(string Id, string Name)> Parties { get; private set; } = [];

    /// <summary>Shows the form.</summary>
    public async Task<IActionResult> OnGetAsync(string id)
    {
        await ReadAsync(id);
        return Page();
    }

    /// <summary>Adds the commitment, then shows the MoU.</summary>
    public async Task<IActionResult> OnPostAsync(string id)
    {
        await ReadAsync(id);
        var commitmentId = Checked(() => Field.Id(Sent(CommitmentIdField)?.Trim(), "commitment_id"));
        var due = Date(() => Field.Date(Sent(DueField)?.Trim(), "due_date"));
        if (Valid)
        {
            var commitment = new CommitmentDefinition(commitmentId!, Sent(TextField)?.Trim() ?? "", Sent(OwnerField)?.Trim() ?? "", due!.Value);
            try
            {
                await Grains.GetGrain<IMouGrain>(Mou.MouId).AddCommitment(commitment);
                return Redirect($"/mous/{Uri.EscapeDataString(Mou.MouId)}?changed=commitment#commitments-heading");
            }
            catch (InvalidFieldException invalid)
            {
                Refuse(invalid);
            }
            catch (EntityExistsException)
            {
                Refuse(CommitmentIdField, W["manage.commitment.exists"]);
            }
            catch (RuleViolationException)
            {
                // The MoU has expired or was terminated: nothing more is committed under it.
                Problem = W["manage.commitment.over"];
            }
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task ReadAsync(string id)
    {
        var mou = Grains.GetGrain<IMouGrain>(ReadPage.PathId(id, "MoU"));
        // The MoU first: a person who may not read it is refused before anything else is read.
        Mou = await mou.Get();
        var may = mou.MayManage();
        var names = await HttpContext.RequestServices.GetRequiredService<PublicRecords>().OrganisationNamesAsync(Mou.Definition.PartyOrganisationIds);
        Parties = [.. Mou.Definition.PartyOrganisationIds.Select(p => (p, PublicRecords.NameOf(p, names.GetValueOrDefault(p), W)))];
        MayManage = await may;
    }
}
