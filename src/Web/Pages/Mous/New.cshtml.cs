using Cooperation.Contracts.Common;
using Cooperation.Contracts.Mous;
using Cooperation.Contracts.Pilots;
using Cooperation.Web.Forms;
using Microsoft.AspNetCore.Mvc;

namespace Cooperation.Web.Pages.Mous;

/// <summary>
/// A city office drafts an MoU of one of its partnerships (<c>/partnerships/{id}/mous/new</c>): title,
/// the parties among the partnership's members, what they agree on, the pilots it concerns, the days
/// it is in force. The MoU grain's Create as the person: it decides who may and its definition's rules
/// refuse a field, shown next to it; a refused form stores nothing. The parties then sign on the
/// MoU's page, where the office adds the commitments.
/// </summary>
internal sealed class NewModel(IGrainFactory grains) : PartnershipForm(grains)
{
    /// <summary>The form's fields.</summary>
    public const string MouIdField = "mouId", TitleField = "title", PartiesField = "parties", ScopeField = "scope",
        PilotsField = "pilots", EffectiveField = "effectiveDate", ExpiryField = "expiryDate";

    // The definition's field names (as the API spells them) → the form's; a list's items land on the list.
    private static readonly Dictionary<string, string> MouFields = new Dictionary<string, string>
    {
        ["mou_id"] = MouIdField, ["title"] = TitleField, ["title.en"] = TitleField, ["title.vi"] = TitleField, ["title.ja"] = TitleField,
        ["party_organisation_ids"] = PartiesField, ["scope"] = ScopeField, ["linked_pilot_ids"] = PilotsField,
        ["effective_date"] = EffectiveField, ["expiry_date"] = ExpiryField,
    }.Concat(Enumerable.Range(0, 20).SelectMany(i => new[]
    {
        KeyValuePair.Create($"party_organisation_ids[{i}]", PartiesField), KeyValuePair.Create($"linked_pilot_ids[{i}]", PilotsField),
    })).ToDictionary();

    /// <inheritdoc/>
    protected override IReadOnlyDictionary<string, string> Fields => MouFields;

    /// <summary>The partnership's members: id and name in the person's language.</summary>
    public IReadOnlyList<(string Id, string Name)> Members { get; private set; } = [];

    /// <summary>The partnership's pilots the person may read: id and title.</summary>
    public IReadOnlyList<(string Id, string Name)> Pilots { get; private set; } = [];

    /// <summary>Shows the form.</summary>
    public async Task<IActionResult> OnGetAsync(string id)
    {
        await ReadAsync(id);
        return Page();
    }

    /// <summary>Drafts the MoU, then shows its page.</summary>
    public async Task<IActionResult> OnPostAsync(string id)
    {
        await ReadAsync(id);
        var mouId = Checked(() => Field.Id(Sent(MouIdField)?.Trim(), "mou_id"));
        var title = Checked(() => FormText.InLanguage(Sent(TitleField), W.Language, "title"));
        var effective = Date(() => Field.Date(Sent(EffectiveField)?.Trim(), "effective_date"));
        var expiry = Date(() => Field.Date(Sent(ExpiryField)?.Trim(), "expiry_date"));
        // In the form's order, so a message naming an item lands on the list it came from.
        var parties = ValueList.Of(Members.Select(m => m.Id).Where(SentAll(PartiesField).Contains));
        var pilots = ValueList.Of(Pilots.Select(p => p.Id).Where(SentAll(PilotsField).Contains));
        if (Valid)
        {
            var definition = new MouDefinition(Partnership.PartnershipId, title!, parties, Sent(ScopeField)?.Trim() ?? "", pilots, effective!.Value, expiry!.Value);
            try
            {
                await Grains.GetGrain<IMouGrain>(mouId!).Create(definition);
                return Redirect($"/mous/{Uri.EscapeDataString(mouId!)}?changed=created");
            }
            catch (InvalidFieldException invalid)
            {
                Refuse(invalid);
            }
            catch (EntityExistsException)
            {
                Refuse(MouIdField, W["manage.mou.exists"]);
            }
            catch (EntityNotFoundException missing)
            {
                Refuse(PartiesField, W.Format("manage.unknown", missing.Id));
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
        var pilots = Task.WhenAll(Partnership.PilotIds.Select(p => Grains.GetGrain<IPilotGrain>(p).GetSummaryIfReadable()));
        var names = await records.OrganisationNamesAsync(Partnership.Members.Select(m => m.OrganisationId));
        Members = [.. Partnership.Members.Select(m => m.OrganisationId).Distinct()
            .Select(m => (m, PublicRecords.NameOf(m, names.GetValueOrDefault(m), W)))];
        Pilots = [.. (await pilots).OfType<PilotSummary>().Select(p => (p.PilotId, W.Name(p.Title)))];
    }
}
