using Cooperation.Contracts.Cities;
using Cooperation.Contracts.Common;
using Cooperation.Contracts.Kpis;
using Cooperation.Contracts.Mous;
using Cooperation.Contracts.Partnerships;
using Cooperation.Contracts.Programmes;
using Cooperation.Contracts.Submissions;
using Cooperation.Web.Reading;
using Microsoft.AspNetCore.Mvc;

namespace Cooperation.Web.Pages.Partnerships;

/// <summary>
/// A partnership (<c>/partnerships/{id}</c>): its cities and the history of their relation, its
/// members and programmes, its pilots (sortable table and a chart of their KPI statuses), its MoUs
/// with their expiry flags. What it lists of pilots, MoUs and programmes is what the partnership's
/// grain lists for the person. The pilots section comes again, alone, from the <c>pilots</c>
/// handler: the page's script fetches it when the partnership's feed has news (<see cref="LiveModel"/>).
/// </summary>
public sealed class IndexModel(IGrainFactory grains) : ReadPage(grains)
{
    /// <summary>The partnership, as its grain shows it to the person.</summary>
    public PartnershipView Partnership { get; private set; } = null!;

    /// <summary>Its two cities: id and definition.</summary>
    public IReadOnlyList<(string Id, CityDefinition Definition)> Cities { get; private set; } = [];

    /// <summary>Its programmes the person may read.</summary>
    public IReadOnlyList<ProgrammeView> Programmes { get; private set; } = [];

    /// <summary>Its MoUs the person may read.</summary>
    public IReadOnlyList<MouView> Mous { get; private set; } = [];

    /// <summary>Whether the person may create pilots and programmes in it (<c>AccessPolicy</c> on its scope): the page links to the form.</summary>
    public bool MayManage => Contracts.Access.AccessPolicy.Allows(Caller, Contracts.Access.Permission.ManagePartnership, Partnership.AccessScope);

    /// <summary>The pilots section: roll-up, chart and table.</summary>
    internal PilotsSection Pilots { get; private set; } = null!;

    /// <summary>The whole page: the partnership with what it holds in one call, then the names around it.</summary>
    public async Task OnGetAsync(string id)
    {
        var partnership = Grains.GetGrain<IPartnershipGrain>(PathId(id, "partnership"));
        var basis = Read(Figures.Basis);
        var overview = await partnership.GetOverview(basis.Value);
        Partnership = overview.Partnership;
        Programmes = overview.Programmes;
        Mous = overview.Mous;
        Pilots = PilotsSection.Of(this, overview.Progress, id, basis);
        var cityIds = Partnership.Definition.CityIds.ToArray();
        var cities = Task.WhenAll(cityIds.Select(Records.CityAsync));
        await NameOrganisationsAsync(Partnership.Members.Select(m => m.OrganisationId));
        Cities = [.. cityIds.Zip(await cities)];
    }

    /// <summary>The pilots section alone (for the live updates).</summary>
    public async Task<IActionResult> OnGetPilotsAsync(string id)
    {
        var partnership = Grains.GetGrain<IPartnershipGrain>(PathId(id, "partnership"));
        var basis = Read(Figures.Basis);
        Pilots = PilotsSection.Of(this, await partnership.GetProgress(basis.Value), id, basis);
        return Partial("_PilotsSection", this);
    }
}

/// <summary>The pilots section of a partnership page, as read for the person.</summary>
/// <param name="PartnershipId">The partnership.</param>
/// <param name="Progress">Its roll-up of the pilots and MoUs the person may read.</param>
/// <param name="Table">The pilots table.</param>
/// <param name="Basis">Which figures the KPI statuses count.</param>
internal sealed record PilotsSection(string PartnershipId, PartnershipProgress Progress, PilotsTableView Table, QueryAnswer<FigureBasis> Basis)
{
    /// <summary>The section of <paramref name="progress"/> (read with <paramref name="basis"/>), in <paramref name="page"/>'s sort.</summary>
    public static PilotsSection Of(ReadPage page, PartnershipProgress progress, string id, QueryAnswer<FigureBasis> basis)
    {
        var order = page.Read(PilotTable.Sort);
        var pilots = PilotTable.Sorted(progress.Pilots, order.Value, page.W.Language);
        var table = new PilotsTableView(pilots, order.Value, $"/partnerships/{id}", Figures.Keep(basis), page.W["partnership.pilots"], page.QueryError(PilotTable.Sort.Name));
        return new(id, progress, table, basis);
    }

    /// <summary>The chart of the pilots' KPI statuses, in the table's order.</summary>
    public ChartData Chart(Words.PageWords w) => ChartData.KpiStatuses(Table.Pilots, w.Code, w.Name,
        (w.Of(KpiStatus.OnTrack), w.Of(KpiStatus.AtRisk), w.Of(KpiStatus.OffTrack), w["chart.not-judged"]));

    /// <summary>The address the live script fetches this section from.</summary>
    public string FragmentLink => $"/partnerships/{PartnershipId}?handler=pilots" + (Table.Keep.Length > 0 ? "&" + Table.Keep : "") + $"&sort={Uri.EscapeDataString(Table.Order.ToString())}";
}
