using Cooperation.Contracts.Access;
using Cooperation.Contracts.Common;
using Cooperation.Contracts.Jcm;
using Cooperation.Contracts.Kpis;
using Cooperation.Contracts.Submissions;
using Cooperation.Contracts.Telemetry;
using Cooperation.Silo.Journal;
using Cooperation.Silo.Kpis;
using Cooperation.Silo.Kpis.Readings;
using Cooperation.Silo.Pilots.Jcm;
using Cooperation.Silo.Pilots.Reporting;

namespace Cooperation.Silo.Pilots;

/// <summary>
/// A pilot's figures in review: readings recorded directly are submissions of their periods,
/// an admin's migrated history is approved on load, reviewers decide (four eyes, see
/// <see cref="PeriodReview.Check"/>), and approved figures are what approvals and JCM
/// verification kept.
/// </summary>
internal sealed partial class PilotGrain
{
    /// <summary>
    /// All figures, or the approved ones: each period's figures as last approved, and the emission
    /// reductions of verified JCM monitoring periods (computed figures are verified there, never
    /// in a period's review).
    /// </summary>
    protected override KpiReadingLedger LedgerOf(FigureBasis basis) => basis == FigureBasis.All
        ? Ledger
        : KpiReadingLedger.Of(State.Reviews.SelectMany(r => r.ApprovedReadings).Concat(VerifiedJcmReadings()));

    private IEnumerable<StoredKpiReading> VerifiedJcmReadings() => State.JcmPeriods
        .Where(p => State.VerificationOf(p.Input.PeriodId) == ReviewStatus.Approved)
        .Select(p => Ledger.For(JcmCalculation.EmissionReductionsKpi)?.At(p.KpiPeriod))
        .OfType<StoredKpiReading>();

    /// <summary>What approving <paramref name="period"/> verifies: the figures that count for it (with <paramref name="pending"/> about to be stored), computed ones aside.</summary>
    private ValueList<StoredKpiReading> Approvable(ReportingPeriod period, IReadOnlyCollection<StoredKpiReading> pending) => ValueList.Of(
        Ledger.At(period).Where(r => !IsComputed(r.KpiCode) && pending.All(p => p.KpiCode != r.KpiCode))
            .Concat(pending)
            .OrderBy(r => r.KpiCode, StringComparer.Ordinal));

    /// <summary>The note an approval on load carries, so history and reports say whose migration it was.</summary>
    private static string HistoricalComment(Contracts.Access.Caller loader) =>
        $"Historical figures loaded from earlier records by {loader.OrganisationId}; approved on load.";

    /// <summary>
    /// Readings recorded directly are a submission of each period they cover, with the same rules
    /// as a partner's update (the period must be over and not locked; late after its window), so
    /// every figure reaches the record through a review. Historical ones (admins) are approved on
    /// load, only in periods nobody has reported on (history may come in several loads).
    /// </summary>
    public override async Task<ValueList<StoredKpiReading>> RecordReadings(ValueList<KpiReadingInput> inputs, bool historical = false)
    {
        Authorize(historical ? Permission.LoadHistory : Permission.ReportOnPilot);
        var readings = CheckReadings(inputs, "readings", computed: false, historical ? RefusesHistory : null);
        var loader = CallerContext.Current;
        var events = new List<IEntityEvent>();
        foreach (var period in readings.GroupBy(r => r.Period).OrderBy(g => g.Key))
        {
            var late = CheckSubmittable(period.Key, "readings", historical);
            var submitted = ValueList.Of(period);
            if (!historical)
            {
                events.Add(new UpdateSubmitted(period.Key, StoredReading.Of(submitted), [], Note: null, late));
                continue;
            }
            events.Add(new UpdateSubmitted(period.Key, StoredReading.Of(submitted), [], Note: null, Late: false, Historical: true));
            events.Add(new PeriodReviewed(period.Key, ReviewDecision.Approve, HistoricalComment(loader), StoredReading.Of(Approvable(period.Key, submitted)), Historical: true));
        }
        await RaiseAsync(events, AsSubjectReadings(readings));
        return readings;
    }

    /// <summary>History goes only into periods that hold nothing but history (approved on load), or nothing yet.</summary>
    private string? RefusesHistory(ReportingPeriod period) => State.ReviewOf(period) is { Submissions: > 0, Historical: false }
        ? $"Period {period} of pilot '{Id}' has been reported on; historical figures go only into periods nobody reported on."
        : null;

    /// <inheritdoc/>
    public async Task<ReportingPeriodView> ReviewPeriod(ReportingPeriod period, ReviewDecision decision, string? comment)
    {
        Authorize(Permission.ReviewPilot);
        var text = State.ReviewOf(period).Check(decision, comment, CallerContext.Current, State.PartnershipCityIds);
        RequireChangeable();
        // An approval verifies the figures that count now; they stay the period's approved figures.
        var approved = decision == ReviewDecision.Approve ? Approvable(period, []) : null;
        await RaiseAsync(new PeriodReviewed(period, decision, text, approved is null ? null : StoredReading.Of(approved)));
        PlatformMetrics.ReviewDecided(decision.ToString());
        return View().Reporting.First(p => p.Review.Period == period);
    }
}
