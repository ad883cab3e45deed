using System.Collections.Concurrent;
using Cooperation.Contracts.Access;
using Cooperation.Contracts.Common;
using Cooperation.Contracts.Organisations;
using Cooperation.Contracts.Partnerships;
using Cooperation.Contracts.Pilots;
using Cooperation.Contracts.Programmes;
using Cooperation.Contracts.DonorReports;
using Cooperation.Contracts.Submissions;

using Cooperation.Reports.Rendering;

namespace Cooperation.Reports;

/// <summary>
/// Builds a subscription's report for a period from the grains. The pilots in scope come from the
/// partnership (or the subscription's list) as held; then each pilot gives its part in one call,
/// read as the donor: the pilot decides, as for a single read, whether the donor may read it (it
/// funds it) and which funding lines it sees (its own). Figures recorded after the cut-off are
/// left out, and a period counts as verified only if it was approved by then.
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
        var names = new Names(grains, definition.Language);
        var donor = await grains.GetGrain<IOrganisationGrain>(definition.DonorOrganisationId).Get();
        var candidates = await PilotIdsAsync(definition.Scope, names);
        var request = new PilotReportRequest(period, cutoff, definition.Basis,
            definition.Scope.Kind == ReportScopeKind.Programme ? definition.Scope.Id : null);
        // The report's reader: a donor organisation (checked when subscribing), in the donor's role, through no credential.
        var reader = new Caller(definition.DonorOrganisationId, Role.Donor, CredentialId: null, CityId: "");
        var sections = new PilotReportSection?[candidates.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, candidates.Count),
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (i, _) =>
            {
                // Set on this pilot's flow only: the names below are read as the platform.
                CallerContext.Set(reader);
                sections[i] = await grains.GetGrain<IPilotGrain>(candidates[i]).GetReportSectionIfReadable(request);
            });
        var pilots = new List<PilotSection>();
        foreach (var section in sections.OfType<PilotReportSection>().OrderBy(p => p.PilotId, StringComparer.Ordinal))
            pilots.Add(await PilotAsync(section, definition.Language, names));
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

    /// <summary>
    /// The pilots a scope names: a list as given, a partnership's (or a programme's partnership's)
    /// as the partnership holds them; each pilot then says whether it is the programme's.
    /// </summary>
    private async Task<IReadOnlyList<string>> PilotIdsAsync(ReportScope scope, Names names)
    {
        switch (scope.Kind)
        {
            case ReportScopeKind.Pilots:
                return scope.PilotIds;
            case ReportScopeKind.Partnership:
                return await names.PilotsOfPartnershipAsync(scope.Id!);
            case ReportScopeKind.Programme:
                // A city's programme is refused as a scope when subscribing: a programme in scope belongs to a partnership.
                var programme = await names.ProgrammeViewAsync(scope.Id!);
                return programme.Definition.OwnerKind == ProgrammeOwnerKind.Partnership
                    ? await names.PilotsOfPartnershipAsync(programme.Definition.OwnerId)
                    : [];
            default:
                throw new ArgumentOutOfRangeException(nameof(scope), scope.Kind, "Every scope kind says which pilots it covers.");
        }
    }

    /// <summary>A pilot's section in the report's words: its part as the pilot gave it, with names in the report's language.</summary>
    private static async Task<PilotSection> PilotAsync(PilotReportSection section, ReportLanguage language, Names names)
    {
        var verified = section.VerifiedPeriods.ToHashSet();
        var historical = section.HistoricalPeriods.ToHashSet();
        var kpis = section.Kpis.Select(f => new KpiSection(f.View, ReportText.In(f.View.Definition.Name, language),
            f.Periods.Select(r => new KpiReportPoint(r.Period, r.Value, verified.Contains(r.Period), r.SubmittedBy, r.RecordedAt,
                historical.Contains(r.Period), r.Numerator, r.Denominator)).ToArray())).ToList();
        var definition = section.Definition;
        return new PilotSection(section.PilotId, ReportText.In(definition.Title, language), definition.PartnershipId, definition.ProgrammeId,
            await names.PartnershipAsync(definition.PartnershipId), await names.ProgrammeAsync(definition.ProgrammeId),
            section.Status, section.Milestones, kpis, section.EmissionReductions, section.VerifiedReductions,
            section.Funding, section.Review, section.Notes, section.HistoricalBy);
    }

    /// <summary>
    /// Partnerships, programmes and organisations as the report needs them, each read once per
    /// report as the platform (many pilots share a partnership and a programme); names in the
    /// report's language. An entity that is gone keeps its id as its name.
    /// </summary>
    private sealed class Names(IGrainFactory grains, ReportLanguage language)
    {
        private readonly ConcurrentDictionary<string, Lazy<Task<PartnershipView>>> _partnerships = new(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<string, Lazy<Task<ProgrammeView>>> _programmes = new(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<string, Lazy<Task<string>>> _organisations = new(StringComparer.Ordinal);

        /// <summary>The partnership's pilots, as it holds them.</summary>
        public async Task<IReadOnlyList<string>> PilotsOfPartnershipAsync(string id) => (await PartnershipViewAsync(id)).PilotIds;

        public Task<ProgrammeView> ProgrammeViewAsync(string id) =>
            Once(_programmes, id, () => grains.GetGrain<IProgrammeGrain>(id).Get());

        public Task<string> PartnershipAsync(string id) => NameAsync(id, async () => (await PartnershipViewAsync(id)).Definition.Name);

        public Task<string> ProgrammeAsync(string id) => NameAsync(id, async () => (await ProgrammeViewAsync(id)).Definition.Name);

        // The platform's admins act as the organisation "platform", which is no organisation record.
        public Task<string> OrganisationAsync(string id) => id == Caller.Platform.OrganisationId
            ? Task.FromResult(ReportText.Word("organisation.platform", language))
            : Once(_organisations, id, () => NameAsync(id, async () => (await grains.GetGrain<IOrganisationGrain>(id).Get()).Definition.Names));

        private Task<PartnershipView> PartnershipViewAsync(string id) =>
            Once(_partnerships, id, () => grains.GetGrain<IPartnershipGrain>(id).Get());

        private static Task<T> Once<T>(ConcurrentDictionary<string, Lazy<Task<T>>> cache, string id, Func<Task<T>> read) =>
            cache.GetOrAdd(id, _ => new(read)).Value;

        private async Task<string> NameAsync(string id, Func<Task<LocalizedText>> read)
        {
            try
            {
                return ReportText.In(await read(), language);
            }
            catch (EntityNotFoundException)
            {
                return id;
            }
        }
    }
}
