using Cooperation.Contracts.Access;
using Cooperation.Contracts.Common;
using Cooperation.Contracts.Organisations;
using Cooperation.Contracts.Pilots;
using Cooperation.Contracts.Reporting;
using Cooperation.Contracts.Submissions;

using Cooperation.Gateway.Reporting.Rendering;

namespace Cooperation.Gateway.Reporting;

/// <summary>
/// Builds a subscription's report for a period from the grains, as the platform (the job, or
/// the RPC that already authorised its caller). Figures recorded after the cut-off are left out,
/// and a period counts as verified only if it was approved by then.
/// </summary>
public sealed class DonorReportBuilder(IGrainFactory grains)
{
    // Pilots read at once: enough to keep the silos busy, few enough not to flood one.
    private const int Parallelism = 16;

    /// <summary>The report of <paramref name="subscription"/> for <paramref name="period"/> as of <paramref name="cutoff"/>.</summary>
    public async Task<DonorReport> BuildAsync(ReportSubscriptionView subscription, ReportingPeriod period, DateTimeOffset cutoff,
        CancellationToken cancellationToken = default)
    {
        CallerContext.ActAsPlatform();
        var definition = subscription.Definition;
        var donor = await grains.GetGrain<IOrganisationGrain>(definition.DonorOrganisationId).Get();
        var candidates = await grains.GetGrain<IReportSubscriptionsGrain>(definition.DonorOrganisationId).ScopePilots(subscription.SubscriptionId);
        var sections = new PilotSection?[candidates.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, candidates.Count),
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (i, _) => sections[i] = await PilotAsync(candidates[i], definition, period, cutoff));
        return new DonorReport(subscription.SubscriptionId, definition.DonorOrganisationId, ReportText.In(donor.Definition.Names, definition.Language),
            definition.Title, definition.Language, period, cutoff, definition.Basis,
            sections.OfType<PilotSection>().OrderBy(p => p.PilotId, StringComparer.Ordinal).ToArray());
    }

    /// <summary>The pilot's section; null when the donor does not fund it (or it left the scope).</summary>
    private async Task<PilotSection?> PilotAsync(string pilotId, ReportSubscriptionDefinition definition, ReportingPeriod period, DateTimeOffset cutoff)
    {
        var pilot = grains.GetGrain<IPilotGrain>(pilotId);
        PilotView view;
        try
        {
            view = await pilot.Get(definition.Basis);
        }
        catch (EntityNotFoundException)
        {
            return null;
        }
        var donor = definition.DonorOrganisationId;
        var funding = view.FundingLines.Where(l => l.DonorOrganisationId == donor).ToArray();
        if (funding.Length == 0 || (definition.Scope.Kind == ReportScopeKind.Programme && view.Definition.ProgrammeId != definition.Scope.Id))
            return null;

        var reviews = view.Reporting;
        var approved = reviews.Where(r => r.Review.Status == ReviewStatus.Approved && r.Review.DecidedAt <= cutoff)
            .Select(r => r.Review.Period).ToHashSet();
        var language = definition.Language;
        // Figures as they stood at the cut-off: making the report again gives the same ones.
        var figures = await pilot.GetFiguresAsOf(cutoff, period, definition.Basis == FigureBasis.Approved ? ValueList.Of(approved) : null);
        var kpis = figures.Select(f => new KpiSection(f.View, ReportText.In(f.View.Definition.Name, language),
            f.Periods.Select(r => new KpiReportPoint(r.Period, r.Value, approved.Contains(r.Period), r.SubmittedBy, r.RecordedAt)).ToArray())).ToList();
        var notes = figures.SelectMany(f => f.Periods).Where(r => r.Period.End >= period.Start).Select(r => r.Note).OfType<string>().ToList();
        // The pilot's own period that ends the report's (a quarterly pilot in a monthly report).
        var pilotPeriod = ReportingPeriod.Containing(period.End, view.Definition.Frequency);
        var milestones = view.Milestones
            .Where(m => m.Overdue || (m.Definition.PlannedDate >= period.Start && m.Definition.PlannedDate <= period.End))
            .ToArray();
        return new PilotSection(pilotId, ReportText.In(view.Definition.Title, language), view.Definition.PartnershipId, view.Definition.ProgrammeId,
            view.Status, milestones, kpis, view.Jcm?.TotalReductions, view.Jcm?.VerifiedReductions,
            funding.GroupBy(l => l.Currency).Select(g => new FundingTotal(g.Key, g.Sum(l => l.Committed), g.Sum(l => l.Disbursed))).ToArray(),
            reviews.FirstOrDefault(r => r.Review.Period == pilotPeriod && r.Review.Submissions > 0)?.Review,
            notes.Distinct(StringComparer.Ordinal).ToArray());
    }
}
