using Cooperation.Contracts.Cities;
using Cooperation.Contracts.Common;
using Cooperation.Contracts.Kpis;
using Cooperation.Contracts.People;
using Cooperation.Contracts.Pilots;
using Cooperation.Contracts.Submissions;
using Cooperation.Web.Reading;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cooperation.Web.Pages.Pilots;

/// <summary>
/// A city office reviews one reporting period of a pilot (<c>/pilots/{id}/review/{period}</c>): the
/// submitted values beside the previous period, the approved history and the trajectory, the
/// plausibility warnings the partner confirmed, the note and evidence, and every submission and
/// decision on the period. Approve, return or reopen through <see cref="IPilotGrain.ReviewPeriod"/>:
/// the grain decides (four eyes), and the page says why a person may not.
/// </summary>
public sealed class ReviewModel(IGrainFactory grains) : ReadPage(grains)
{
    /// <summary>The comment field of the decision forms.</summary>
    public const string CommentField = "comment";

    /// <summary>The pilot.</summary>
    public PilotView Pilot { get; private set; } = null!;

    /// <summary>The period under review.</summary>
    public ReportingPeriod Period { get; private set; }

    /// <summary>The period's review, submissions and decisions, and the person's standing.</summary>
    public PeriodRecord Record { get; private set; } = null!;

    /// <summary>The pilot's KPIs for the period.</summary>
    internal IReadOnlyList<ReviewKpiRow> Kpis { get; private set; } = [];

    /// <summary>The pilot's city (its time zone).</summary>
    public CityDefinition City { get; private set; } = null!;

    /// <summary>Account id → the person's name, for the steps.</summary>
    public IReadOnlyDictionary<string, string> People { get; private set; } = new Dictionary<string, string>();

    /// <summary>The comment as sent, when a decision was refused.</summary>
    public string? Comment { get; private set; }

    /// <summary>The message next to the comment field, or null.</summary>
    public string? CommentError { get; private set; }

    /// <summary>The message about the decision as a whole (the period changed meanwhile, four eyes), or null.</summary>
    public string? Problem { get; private set; }

    /// <summary>The decision just taken (query <c>decided</c>), to confirm it.</summary>
    public ReviewDecision? Decided { get; private set; }

    /// <summary>Shows the period.</summary>
    public async Task OnGetAsync(string id, string period)
    {
        await LoadAsync(id, period);
        Decided = Enum.TryParse<ReviewDecision>(Request.Query["decided"], out var decided) && Enum.IsDefined(decided) ? decided : null;
    }

    /// <summary>Takes the person's decision on the period, then shows it again.</summary>
    public async Task<IActionResult> OnPostAsync(string id, string period, string? decision, string? comment)
    {
        await LoadAsync(id, period);
        if (!Enum.TryParse<ReviewDecision>(decision, ignoreCase: true, out var chosen) || !Enum.IsDefined(chosen) || int.TryParse(decision, out _))
            return Refused(comment, null, W["review.decision-invalid"]);
        try
        {
            await Grains.GetGrain<IPilotGrain>(Pilot.PilotId).ReviewPeriod(Period, chosen, comment);
        }
        catch (InvalidFieldException invalid)
        {
            return Refused(comment, W.Rule(invalid.Violations[0].Description), null);
        }
        catch (AccessDeniedException)
        {
            // Four eyes, or no reviewer: the standing says which, in the person's words.
            return Refused(comment, null, W["review.standing." + Record.Standing]);
        }
        catch (RuleViolationException)
        {
            // Decided by someone else meanwhile, or the pilot no longer changes.
            return Refused(comment, null, W["review.stale"]);
        }
        Response.Headers.Location = $"/pilots/{Uri.EscapeDataString(Pilot.PilotId)}/review/{Period}?decided={chosen}";
        return StatusCode(StatusCodes.Status303SeeOther);
    }

    private PageResult Refused(string? comment, string? commentError, string? problem)
    {
        Comment = comment;
        CommentError = commentError;
        Problem = problem;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task LoadAsync(string id, string period)
    {
        var pilot = Grains.GetGrain<IPilotGrain>(PathId(id, "pilot"));
        Period = PathPeriod(period);
        // The pilot first: a person who may not read it is refused before anything else is read.
        Pilot = await pilot.Get();
        var record = pilot.GetPeriodRecord(Period);
        var all = pilot.ListKpiSeries();
        var approved = pilot.ListKpiSeries(FigureBasis.Approved);
        var city = Records.CityAsync(Pilot.Definition.CityId);
        Record = await record;
        Kpis = ReviewKpiRow.Of(Pilot, await all, await approved, Period);
        City = await city;
        var accounts = Record.Steps.Select(s => s.AccountId).OfType<string>().Distinct().ToList();
        if (accounts.Count > 0)
        {
            var names = await Grains.GetGrain<IAccountDirectoryGrain>(IAccountDirectoryGrain.Key).Names(accounts);
            People = names.ToDictionary(n => n.AccountId, n => n.DisplayName, StringComparer.Ordinal);
        }
        await NameOrganisationsAsync([.. Pilot.Definition.OrganisationIds, .. Record.Steps.Select(s => s.OrganisationId)]);
    }

    /// <summary>The period in the page's address; one that names no period is a page that does not exist.</summary>
    private static ReportingPeriod PathPeriod(string period)
    {
        try
        {
            return ReportingPeriod.Parse(period, "period");
        }
        catch (InvalidFieldException)
        {
            throw new EntityNotFoundException("reporting period", period);
        }
    }

    /// <summary>Who took <paramref name="step"/>: the person and their organisation, or the organisation.</summary>
    public string Actor(PeriodStep step) => step.AccountId is { } account && People.TryGetValue(account, out var name)
        ? W.Format("history.person", name, Organisation(step.OrganisationId))
        : Organisation(step.OrganisationId);

    /// <summary>The words of a KPI reading's value in its unit (a yes/no KPI as yes or no).</summary>
    public string Value(KpiDefinition kpi, double value) => kpi.Measure == KpiMeasure.YesNo
        ? W[value != 0 ? "update.yes" : "update.no"]
        : W.Number(value);
}
