using System.Globalization;
using Cooperation.Contracts.Access;
using Cooperation.Contracts.Audit;
using Cooperation.Contracts.Common;
using Cooperation.Contracts.Partnerships;
using Cooperation.Web.Forms;
using Microsoft.AspNetCore.Mvc;

namespace Cooperation.Web.Pages.Partnerships;

/// <summary>
/// A city office creates a partnership of its city with another (<c>/partnerships/new</c>): name, the
/// two cities, the stages of their relation. The partnership grain's Create as the person: the grain
/// decides who may (an office of one of the two cities, admins), the definition's own rules refuse a
/// field, shown next to it; a refused form stores nothing. Members are added on the partnership's page.
/// </summary>
internal sealed class NewModel(IGrainFactory grains) : DefinitionForm(grains)
{
    /// <summary>The form's fields; a relation stage's are <see cref="StageKind"/> and <see cref="StageYear"/>.</summary>
    public const string PartnershipIdField = "partnershipId", NameField = "name", FirstCityField = "firstCity", SecondCityField = "secondCity";

    /// <summary>Relation stages the form offers (the domain takes up to 10; two cover friendship then sister cities).</summary>
    public const int Stages = 3;

    /// <summary>The field of stage <paramref name="i"/>'s kind.</summary>
    public static string StageKind(int i) => $"relation{i}Kind";

    /// <summary>The field of stage <paramref name="i"/>'s year.</summary>
    public static string StageYear(int i) => $"relation{i}Year";

    // The definition's field names (as the API spells them) → the form's.
    private static readonly Dictionary<string, string> PartnershipFields = new Dictionary<string, string>
    {
        ["partnership_id"] = PartnershipIdField, ["name"] = NameField, ["name.en"] = NameField, ["name.vi"] = NameField, ["name.ja"] = NameField,
        ["first_city_id"] = FirstCityField, ["second_city_id"] = SecondCityField, ["relations"] = StageKind(0),
    }.Concat(Enumerable.Range(0, Stages).SelectMany(i => new[]
    {
        KeyValuePair.Create($"relations[{i}].kind", StageKind(i)), KeyValuePair.Create($"relations[{i}].since_year", StageYear(i)),
    })).ToDictionary();

    /// <inheritdoc/>
    protected override IReadOnlyDictionary<string, string> Fields => PartnershipFields;

    /// <summary>Whether the person may create partnerships of its city (an office; admins of any).</summary>
    public bool MayCreate => AccessPolicy.Allows(CallerContext.Current, Permission.ManagePartnership, AccessScope.OfCities([CallerContext.Current.CityId]));

    /// <summary>The person's city, which a new partnership starts from (an office's).</summary>
    public string OwnCity => CallerContext.Current.CityId;

    /// <summary>The cities: id and name in the person's language, by name.</summary>
    public IReadOnlyList<(string Id, string Name)> Cities { get; private set; } = [];

    /// <summary>Shows the form.</summary>
    public async Task<IActionResult> OnGetAsync()
    {
        await ReadCitiesAsync();
        return Page();
    }

    /// <summary>Creates the partnership, then shows it.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        await ReadCitiesAsync();
        var partnershipId = Checked(() => Field.Id(Sent(PartnershipIdField)?.Trim(), "partnership_id"));
        var name = Checked(() => FormText.InLanguage(Sent(NameField), W.Language, "name"));
        var relations = RelationsSent();
        if (Valid)
        {
            var definition = new PartnershipDefinition(name!, Sent(FirstCityField)?.Trim() ?? "", Sent(SecondCityField)?.Trim() ?? "", relations);
            try
            {
                await Grains.GetGrain<IPartnershipGrain>(partnershipId!).Create(definition);
                return Redirect($"/partnerships/{Uri.EscapeDataString(partnershipId!)}/members/new?done=created");
            }
            catch (InvalidFieldException invalid)
            {
                Refuse(invalid);
            }
            catch (EntityExistsException)
            {
                Refuse(PartnershipIdField, W["manage.partnership.exists"]);
            }
            catch (EntityNotFoundException missing)
            {
                Refuse(missing.Id == definition.FirstCityId ? FirstCityField : SecondCityField, W.Format("manage.unknown", missing.Id));
            }
            catch (AccessDeniedException) when (MayCreate)
            {
                // The grain's rule: an office creates partnerships of its own city only (anyone else is refused outright).
                Refuse(FirstCityField, W["manage.partnership.own-city"]);
            }
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    // The stages filled in, top down (so stage i of the domain is row i of the form and its messages
    // land on the row sent); rows left empty at the end are not stages.
    private ValueList<RelationStage> RelationsSent()
    {
        var rows = Enumerable.Range(0, Stages).Select(i => (Kind: Sent(StageKind(i))?.Trim() ?? "", Year: Sent(StageYear(i))?.Trim() ?? "")).ToList();
        var filled = rows.FindLastIndex(r => r.Kind.Length > 0 || r.Year.Length > 0) + 1;
        if (filled == 0)
            Refuse(StageKind(0), W["manage.partnership.relation-required"]);
        var stages = new List<RelationStage>();
        for (var i = 0; i < filled; i++)
        {
            if (!Enum.TryParse<RelationKind>(rows[i].Kind, false, out var kind) || !Field.IsChoice(kind))
                Refuse(StageKind(i), W["manage.choose"]);
            if (!int.TryParse(rows[i].Year, NumberStyles.None, CultureInfo.InvariantCulture, out var year))
                Refuse(StageYear(i), W[rows[i].Year.Length == 0 ? "field.required" : "manage.partnership.year-invalid"]);
            stages.Add(new RelationStage(kind, year));
        }
        return ValueList.Of(stages);
    }

    private async Task ReadCitiesAsync()
    {
        var records = HttpContext.RequestServices.GetRequiredService<PublicRecords>();
        var ids = await Grains.GetGrain<IEntityDirectoryGrain>(0).ReadableIds(EntityTypes.City);
        var names = await Task.WhenAll(ids.Select(async id => (id, W.Name((await records.CityAsync(id)).Names))));
        Cities = [.. names.OrderBy(c => c.Item2, StringComparer.CurrentCultureIgnoreCase)];
    }
}
