using Cooperation.Contracts.Common;
using Cooperation.Contracts.Kpis;
using Cooperation.Contracts.Pilots;
using Cooperation.Web.Forms;

namespace Cooperation.Web.Reading;

/// <summary>One KPI of a period under review: what was submitted, beside what the partner saw when submitting.</summary>
/// <param name="Form">The KPI with the previous period's value and the trajectory's expectation, as the update form showed them.</param>
/// <param name="Submitted">The reading that counts for the period now (the latest submitted), or null when none.</param>
/// <param name="Approved">The KPI's approved figures of the periods before, newest first (at most <see cref="ReviewKpiRow.ApprovedShown"/>).</param>
/// <param name="Warnings">The plausibility warnings of the submitted value: those the partner confirmed.</param>
internal sealed record ReviewKpiRow(UpdateKpiRow Form, StoredKpiReading? Submitted, IReadOnlyList<StoredKpiReading> Approved,
    IReadOnlyList<PlausibilityWarning> Warnings)
{
    /// <summary>How many approved periods a row shows.</summary>
    public const int ApprovedShown = 3;

    /// <summary>
    /// The rows of <paramref name="pilot"/> for <paramref name="period"/>: all figures
    /// (<paramref name="all"/>) give the submitted and previous values, approved ones
    /// (<paramref name="approved"/>) the history; the warnings are <see cref="KpiPlausibility.Of"/>'s, as the form judged them.
    /// </summary>
    public static IReadOnlyList<ReviewKpiRow> Of(PilotView pilot, IReadOnlyList<KpiSeriesView> all, IReadOnlyList<KpiSeriesView> approved,
        ReportingPeriod period)
    {
        var approvedByCode = approved.ToDictionary(s => s.Definition.Code, StringComparer.Ordinal);
        var allByCode = all.ToDictionary(s => s.Definition.Code, StringComparer.Ordinal);
        return [.. UpdateKpiRow.Of(pilot, all, period).Select(form =>
        {
            var code = form.Kpi.Code;
            var submitted = allByCode.TryGetValue(code, out var series) ? series.Periods.FirstOrDefault(r => r.Period == period) : null;
            var history = approvedByCode.TryGetValue(code, out var verified)
                ? verified.Periods.Where(r => r.Period.CompareTo(period) < 0).OrderByDescending(r => r.Period).Take(ApprovedShown).ToList()
                : [];
            var warnings = submitted is null ? [] : KpiPlausibility.Of(form.Kpi, submitted.Value, form.Previous);
            return new ReviewKpiRow(form, submitted, history, warnings);
        })];
    }
}
