using Cooperation.Contracts.Common;
using Cooperation.Contracts.Kpis;
using Cooperation.Contracts.Pilots;
using Cooperation.Contracts.Pilots.Kinds;
using Cooperation.Contracts.Programmes;
using Cooperation.Web.Forms;
using Microsoft.AspNetCore.Mvc;

namespace Cooperation.Web.Pages.Pilots;

/// <summary>
/// A city office creates a pilot in one of its partnerships (<c>/partnerships/{id}/pilots/new</c>):
/// the kind is chosen first (query <c>kind</c>) so the form shows that kind's KPI templates, which
/// the pilot starts with unless the office unticks them (the grain takes all of them or none). The
/// pilot grain's Create as the person: the partnership's grain decides who may, the definition's own
/// rules refuse a field, shown next to it; a refused form stores nothing.
/// </summary>
internal sealed class NewModel(IGrainFactory grains) : PartnershipForm(grains)
{
    /// <summary>The form's fields.</summary>
    public const string PilotIdField = "pilotId", TitleField = "title", KindField = "kind", ProgrammeField = "programme",
        CityField = "city", FrequencyField = "frequency", LocationField = "location", LeadField = "lead",
        ParticipantsField = "participants", TemplatesField = "templates";

    // The definition's field names (as the API spells them) → the form's.
    private static readonly Dictionary<string, string> PilotFields = new Dictionary<string, string>
    {
        ["pilot_id"] = PilotIdField, ["title"] = TitleField, ["title.en"] = TitleField, ["title.vi"] = TitleField, ["title.ja"] = TitleField,
        ["kind"] = KindField, ["programme_id"] = ProgrammeField, ["city_id"] = CityField, ["reporting_frequency"] = FrequencyField,
        ["location"] = LocationField, ["lead_organisation_id"] = LeadField, ["participant_organisation_ids"] = ParticipantsField,
        ["kpi_template_codes"] = TemplatesField,
    }.Concat(Enumerable.Range(0, 20).Select(i => KeyValuePair.Create($"kpi_template_codes[{i}]", TemplatesField))).ToDictionary();

    /// <inheritdoc/>
    protected override IReadOnlyDictionary<string, string> Fields => PilotFields;

    /// <summary>Its programmes the person may read.</summary>
    public IReadOnlyList<ProgrammeView> Programmes { get; private set; } = [];

    /// <summary>Its two cities: id and name in the person's language.</summary>
    public IReadOnlyList<(string Id, string Name)> Cities { get; private set; } = [];

    /// <summary>Its members: id and name in the person's language.</summary>
    public IReadOnlyList<(string Id, string Name)> Members { get; private set; } = [];

    /// <summary>The kind chosen (query or form <c>kind</c>).</summary>
    [BindProperty(SupportsGet = true, Name = KindField)]
    public PilotKind Kind { get; set; } = PilotKind.Compost;

    /// <summary>The KPI templates of <see cref="Kind"/>: what the pilot starts with when ticked.</summary>
    public IReadOnlyList<KpiDefinition> Templates => PilotKinds.Of(Kind).KpiTemplates;

    /// <summary>The participants the form sent.</summary>
    public IReadOnlySet<string> SentParticipants => SentAll(ParticipantsField);

    /// <summary>The templates ticked: all of them on a read, as sent on a refused form.</summary>
    public IReadOnlySet<string> TemplatesTicked => HttpMethods.IsPost(Request.Method)
        ? SentAll(TemplatesField) : Templates.Select(t => t.Code).ToHashSet(StringComparer.Ordinal);

    /// <summary>Shows the form for the kind asked for.</summary>
    public async Task<IActionResult> OnGetAsync(string id)
    {
        if (!Field.IsChoice(Kind))
        {
            Refuse(KindField, W["manage.choose"]);
            Kind = PilotKind.Compost;
        }
        await ReadAsync(id);
        return Page();
    }

    /// <summary>Creates the pilot, then shows its page.</summary>
    public async Task<IActionResult> OnPostAsync(string id)
    {
        await ReadAsync(id);
        var pilotId = Checked(() => Field.Id(Sent(PilotIdField)?.Trim(), "pilot_id"));
        var title = Checked(() => FormText.InLanguage(Sent(TitleField), W.Language, "title"));
        var frequency = Frequency(FrequencyField);
        if (!Field.IsChoice(Kind))
            Refuse(KindField, W["manage.choose"]);
        var location = Sent(LocationField)?.Trim();
        var lead = Sent(LeadField)?.Trim() ?? "";
        var participants = ValueList.Of(SentParticipants.Where(p => p != lead).Order(StringComparer.Ordinal));
        if (Valid)
        {
            var definition = new PilotDefinition(Partnership.PartnershipId, Sent(ProgrammeField)?.Trim() ?? "", title!, Kind, frequency!.Value,
                Sent(CityField)?.Trim() ?? "", string.IsNullOrEmpty(location) ? null : location, lead, participants);
            try
            {
                await Grains.GetGrain<IPilotGrain>(pilotId!).Create(definition, KpiTemplateChoice.Only(TemplatesTicked.Order(StringComparer.Ordinal)));
                return Redirect($"/pilots/{Uri.EscapeDataString(pilotId!)}?changed=created");
            }
            catch (InvalidFieldException invalid)
            {
                Refuse(invalid, Fields);
            }
            catch (EntityExistsException)
            {
                Refuse(PilotIdField, W["manage.pilot.exists"]);
            }
            catch (EntityNotFoundException missing)
            {
                // The partnership was read above: what is unknown is a programme or an organisation sent.
                Refuse(missing.Id == definition.ProgrammeId ? ProgrammeField : missing.Id == lead ? LeadField : ParticipantsField,
                    W.Format("manage.unknown", missing.Id));
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
        var programmes = Task.WhenAll(Partnership.ProgrammeIds.Select(p => Grains.GetGrain<IProgrammeGrain>(p).GetIfReadable()));
        var cities = Task.WhenAll(Partnership.Definition.CityIds.Select(async c => (c, W.Name((await records.CityAsync(c)).Names))));
        var names = await records.OrganisationNamesAsync(Partnership.Members.Select(m => m.OrganisationId));
        Members = [.. Partnership.Members.Select(m => (m.OrganisationId, PublicRecords.NameOf(m.OrganisationId, names.GetValueOrDefault(m.OrganisationId), W)))];
        Programmes = (await programmes).OfType<ProgrammeView>().ToList();
        Cities = await cities;
    }
}
