using System.Collections.Concurrent;
using Cooperation.Contracts.Access;
using Cooperation.Contracts.Common;
using Cooperation.Contracts.Organisations;
using Cooperation.Contracts.Partnerships;
using Cooperation.Contracts.Pilots;
using Cooperation.Contracts.Programmes;
using Cooperation.Contracts.Reporting;
using Cooperation.Contracts.Submissions;

using Cooperation.Reports.Rendering;

namespace Cooperation.Reports;

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
        var names = new Names(grains, definition.Language);
        await Parallel.ForEachAsync(Enumerable.Range(0, candidates.Count),
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (i, _) => sections[i] = await PilotAsync(candidates[i], definition, period, cutoff, names));
        var pilots = sections.OfType<PilotSection>().OrderBy(p => p.PilotId, StringComparer.Ordinal).ToArray();
        // The organisations the report names: who submitted and who approved each period, who loaded history.
        var organisations = pilots.Select(p => p.Review).OfType<PeriodReview>()
            .SelectMany(r => new[] { r.LastSubmittedBy, r.DecidedBy }).Concat(pilots.Select(p => p.HistoricalBy))
            .OfType<string>().Distinct(StringComparer.Ordinal).ToArray();
        var organisationNames = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var id in organisations)
            organisationNames[id] = await names.OrganisationAsync(id);
        return new DonorReport(subscription.SubscriptionId, definition.DonorOrganisationId, ReportText.In(donor.Definition.Names, definition.Language),
            definition.Title, definition.Language, period, cutoff, definition.Basis, pilots, definition.Schedule.TimeZone, organisationNames);
    }

    /// <summary>The pilot's section; null when the donor does not fund it (or it left the scope).</summary>
    private async Task<PilotSection?> PilotAsync(string pilotId, ReportSubscriptionDefinition definition, ReportingPeriod period, DateTimeOffset cutoff, Names names)
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
        var approvedReviews = reviews.Where(r => r.Review.Status == ReviewStatus.Approved && r.Review.DecidedAt <= cutoff).Select(r => r.Review).ToArray();
        var approved = approvedReviews.Select(r => r.Period).ToHashSet();
        // Migrated history says so: approved on load, by whom.
        var historical = approvedReviews.Where(r => r.Historical).ToDictionary(r => r.Period);
        var language = definition.Language;
        // Figures as they stood at the cut-off: making the report again gives the same ones.
        var figures = await pilot.GetFiguresAsOf(cutoff, period, definition.Basis == FigureBasis.Approved ? ValueList.Of(approved) : null);
        var kpis = figures.Select(f => new KpiSection(f.View, ReportText.In(f.View.Definition.Name, language),
            f.Periods.Select(r => new KpiReportPoint(r.Period, r.Value, approved.Contains(r.Period), r.SubmittedBy, r.RecordedAt,
                historical.ContainsKey(r.Period), r.Numerator, r.Denominator)).ToArray())).ToList();
        var notes = figures.SelectMany(f => f.Periods).Where(r => r.Period.End >= period.Start).Select(r => r.Note).OfType<string>().ToList();
        // The pilot's own period that ends the report's (a quarterly pilot in a monthly report).
        var pilotPeriod = ReportingPeriod.Containing(period.End, view.Definition.Frequency);
        var milestones = view.Milestones
            .Where(m => m.Overdue || (m.Definition.PlannedDate >= period.Start && m.Definition.PlannedDate <= period.End))
            .ToArray();
        return new PilotSection(pilotId, ReportText.In(view.Definition.Title, language), view.Definition.PartnershipId, view.Definition.ProgrammeId,
            await names.PartnershipAsync(view.Definition.PartnershipId), await names.ProgrammeAsync(view.Definition.ProgrammeId),
            view.Status, milestones, kpis, view.Jcm?.TotalReductions, view.Jcm?.VerifiedReductions,
            FundingTotal.PerCurrency(funding),
            reviews.FirstOrDefault(r => r.Review.Period == pilotPeriod && r.Review.Submissions > 0)?.Review,
            notes.Distinct(StringComparer.Ordinal).ToArray(),
            historical.Values.Select(r => r.DecidedBy).LastOrDefault());
    }

    /// <summary>
    /// Names in the report's language, each read once per report: many pilots share a partnership
    /// and a programme. An entity that is gone keeps its id.
    /// </summary>
    private sealed class Names(IGrainFactory grains, ReportLanguage language)
    {
        private readonly ConcurrentDictionary<string, Lazy<Task<string>>> _names = new(StringComparer.Ordinal);

        public Task<string> PartnershipAsync(string id) =>
            NameAsync($"partnership/{id}", id, async () => (await grains.GetGrain<IPartnershipGrain>(id).Get()).Definition.Name);

        public Task<string> ProgrammeAsync(string id) =>
            NameAsync($"programme/{id}", id, async () => (await grains.GetGrain<IProgrammeGrain>(id).Get()).Definition.Name);

        // The platform's admins act as the organisation "platform", which is no organisation record.
        public Task<string> OrganisationAsync(string id) => id == Caller.Platform.OrganisationId
            ? Task.FromResult(ReportText.Word("organisation.platform", language))
            : NameAsync($"organisation/{id}", id, async () => (await grains.GetGrain<IOrganisationGrain>(id).Get()).Definition.Names);

        private Task<string> NameAsync(string key, string id, Func<Task<LocalizedText>> read) => _names.GetOrAdd(key, _ => new(async () =>
        {
            try
            {
                return ReportText.In(await read(), language);
            }
            catch (EntityNotFoundException)
            {
                return id;
            }
        })).Value;
    }
}
