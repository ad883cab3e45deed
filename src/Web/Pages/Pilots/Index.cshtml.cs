using Cooperation.Contracts.Audit;
using Cooperation.Contracts.Cities;
using Cooperation.Contracts.Common;
using Cooperation.Contracts.Partnerships;
using Cooperation.Contracts.Pilots;
using Cooperation.Contracts.Programmes;
using Cooperation.Contracts.Submissions;
using Cooperation.Web.Reading;

namespace Cooperation.Web.Pages.Pilots;

/// <summary>
/// A pilot (<c>/pilots/{id}</c>) as its grain shows it to the person: status and its history, lead
/// and participants, funding (only the lines the person may see), milestones with the overdue ones
/// marked, each KPI with its chart, the reporting periods in review, JCM monitoring for JCM pilots,
/// and the audit history a page at a time (query <c>before</c>), with the person's name where one
/// acted. Dates and times are those of the pilot's city.
/// </summary>
public sealed partial class IndexModel(IGrainFactory grains) : ReadPage(grains)
{
    /// <summary>The pilot, of the figures asked for (query <c>figures</c>).</summary>
    public PilotView Pilot { get; private set; } = null!;

    /// <summary>Which figures: all, or approved only.</summary>
    internal QueryAnswer<FigureBasis> Basis { get; private set; }

    /// <summary>The pilot's city: its name and the time zone its dates are read in.</summary>
    public CityDefinition City { get; private set; } = null!;

    /// <summary>The partnership, when the person may read it (a donor need not be a member).</summary>
    public PartnershipDefinition? Partnership { get; private set; }

    /// <summary>The programme, when the person may read it.</summary>
    public ProgrammeView? Programme { get; private set; }

    /// <summary>Each KPI's chart, in the pilot's order.</summary>
    internal IReadOnlyList<KpiChart> Charts { get; private set; } = [];

    /// <summary>The JCM section of a JCM pilot.</summary>
    internal JcmFigures? Jcm { get; private set; }

    /// <summary>A page of the pilot's history.</summary>
    internal HistoryRows History { get; private set; } = new([], null);

    /// <summary>Whether the person may submit updates (the grain's decision): the page links to the form.</summary>
    public bool MaySubmit { get; private set; }

    /// <summary>The period of the update the person just submitted (query <c>updated</c>), to confirm it; null otherwise.</summary>
    public ReportingPeriod? Updated { get; private set; }

    /// <summary>The IANA time zone the pilot's dates and times are read in.</summary>
    public string TimeZone => City.TimeZone;

    /// <summary>Reads the pilot and what its page shows around it.</summary>
    public async Task OnGetAsync(string id)
    {
        var pilot = Grains.GetGrain<IPilotGrain>(PathId(id, "pilot"));
        Basis = Read(Figures.Basis);

        // The pilot first: a person who may not read it is refused before anything else is read.
        Pilot = await pilot.Get(Basis.Value);
        var definition = Pilot.Definition;
        var series = pilot.ListKpiSeries(Basis.Value);
        var history = HistoryAsync(pilot);
        var city = Records.CityAsync(definition.CityId);
        var partnership = Grains.GetGrain<IPartnershipGrain>(definition.PartnershipId).GetDefinitionIfReadable();
        var programme = Grains.GetGrain<IProgrammeGrain>(definition.ProgrammeId).GetIfReadable();
        var maySubmit = pilot.MaySubmitUpdates();
        var mayAppoint = Pilot.Jcm is null ? Task.FromResult(false) : pilot.MayAppointVerifier();
        var mayManage = pilot.MayManage();
        Updated = UpdatedPeriod(Request.Query["updated"]);

        var byCode = (await series).ToDictionary(s => s.Definition.Code, StringComparer.Ordinal);
        Charts = [.. Pilot.Kpis.Select(kpi => KpiChart.Of(kpi, byCode[kpi.Definition.Code].Periods, definition.Frequency))];
        Jcm = Pilot.Jcm is { } jcm ? JcmFigures.Of(jcm) : null;
        // Before naming the organisations below: the history names its own (one at a time).
        History = await history;
        City = await city;
        Partnership = await partnership;
        Programme = await programme;
        MaySubmit = await maySubmit;
        MayAppointVerifier = await mayAppoint;
        MayManage = await mayManage;
        await NameOrganisationsAsync([
            .. definition.OrganisationIds,
            .. Pilot.FundingLines.Select(l => l.DonorOrganisationId),
            .. Pilot.Reporting.SelectMany(r => new[] { r.Review.LastSubmittedBy, r.Review.DecidedBy }).OfType<string>(),
            .. Pilot.Jcm?.VerifierOrganisationId is { } verifier ? [verifier] : Array.Empty<string>(),
        ]);
    }

    /// <summary>The history section: its rows, read in the pilot's time zone, paged by <see cref="HistoryLink"/>.</summary>
    internal HistorySection HistorySection => new(this, History, TimeZone, HistoryLink);

    private static ReportingPeriod? UpdatedPeriod(string? text)
    {
        try
        {
            return string.IsNullOrEmpty(text) ? null : ReportingPeriod.Parse(text, "updated");
        }
        catch (Contracts.Common.InvalidFieldException)
        {
            return null;
        }
    }

    /// <summary>The link to another page of this pilot's history, keeping the figures asked for.</summary>
    public string HistoryLink(long? before) =>
        $"/pilots/{Pilot.PilotId}?" + string.Join("&", new[] { Figures.Keep(Basis), before is { } b ? $"{HistoryRows.Parameter}={b}" : "" }.Where(p => p.Length > 0)) + "#history-heading";
}
