using Cooperation.Contracts.Common;
using Cooperation.Contracts.Kpis;
using Cooperation.Contracts.Pilots;
using Cooperation.Contracts.DonorReports;
using Cooperation.Contracts.Submissions;
using Cooperation.Reports.Rendering;

namespace Cooperation.Reports;

/// <summary>
/// A donor's progress report for one period: what every format (<c>ReportFileFormats</c>) shows. Built
/// from stored data as of <see cref="Cutoff"/>, so making it again gives the same figures.
/// </summary>
/// <param name="SubscriptionId">The subscription it was made for.</param>
/// <param name="DonorId">The donor.</param>
/// <param name="DonorName">The donor's name in the report's language.</param>
/// <param name="Title">The subscription's title.</param>
/// <param name="Language">Language of names and headings.</param>
/// <param name="Period">The period reported on.</param>
/// <param name="Cutoff">Figures recorded after this instant are left out.</param>
/// <param name="Basis">Whether KPI progress counts approved figures only, or all.</param>
/// <param name="Pilots">The pilots in scope that the donor funds, by id.</param>
/// <param name="TimeZone">IANA time zone the report's instants are shown in: the subscription's.</param>
/// <param name="OrganisationNames">Names, in the report's language, of the organisations it mentions (submitters, approvers), by id.</param>
public sealed record DonorReport(
    string SubscriptionId,
    string DonorId,
    string DonorName,
    string Title,
    ReportLanguage Language,
    ReportingPeriod Period,
    DateTimeOffset Cutoff,
    FigureBasis Basis,
    IReadOnlyList<PilotSection> Pilots,
    string TimeZone,
    IReadOnlyDictionary<string, string> OrganisationNames)
{
    /// <summary>
    /// Which report of the period this is: 1 for the first, 2 and on for one made again because
    /// the period's figures changed or were verified after the revision before.
    /// </summary>
    public int Revision { get; init; } = 1;

    /// <summary>What changed since the revision before; null for revision 1.</summary>
    public ReportChanges? Changes { get; init; }

    /// <summary>Committed and disbursed by the donor per currency, over all pilots.</summary>
    public IReadOnlyList<FundingTotal> FundingTotals => FundingTotal.PerCurrency(Pilots.SelectMany(p => p.Funding));

    /// <summary>Pilots, KPI statuses and emission reductions per partnership.</summary>
    public IReadOnlyList<ScopeTotal> Partnerships => Totals(p => (p.PartnershipId, p.PartnershipName));

    /// <summary>The same per programme.</summary>
    public IReadOnlyList<ScopeTotal> Programmes => Totals(p => (p.ProgrammeId, p.ProgrammeName));

    /// <summary>The name of organisation <paramref name="id"/> in the report's language; the id when it has none.</summary>
    public string OrganisationName(string? id) => id is null ? "–" : OrganisationNames.GetValueOrDefault(id, id);

    private ScopeTotal[] Totals(Func<PilotSection, (string Id, string Name)> scope) => Pilots.GroupBy(scope)
        .OrderBy(g => g.Key.Id, StringComparer.Ordinal)
        .Select(g => new ScopeTotal(g.Key.Id, g.Key.Name, g.Count(), KpiStatusCounts.Of(g.SelectMany(p => p.Kpis).Select(k => k.View)),
            g.Sum(p => p.EmissionReductions ?? 0)))
        .ToArray();

    /// <summary>The file name of the report in <paramref name="format"/>; revisions after the first say which they are ("…-2025-03-r2.pdf").</summary>
    public string FileName(ReportFormats format) =>
        $"{DonorId}-{SubscriptionId}-{Period}{(Revision > 1 ? $"-r{Revision}" : "")}.{ReportFileFormats.Of(format).Extension}";

    /// <summary>The name of one format, its flag's in lower case: "pdf", "html", "csv" (archive column, webhook field).</summary>
    public static string FormatName(ReportFormats format) => format.ToString().ToLowerInvariant();
}

/// <summary>A partnership's or programme's line in the report's totals.</summary>
/// <param name="Id">The partnership or programme.</param>
/// <param name="Name">Its name in the report's language.</param>
/// <param name="PilotCount">Pilots of it in the report.</param>
/// <param name="Kpis">Their KPIs by status.</param>
/// <param name="EmissionReductions">JCM emission reductions so far, tCO2e.</param>
public sealed record ScopeTotal(string Id, string Name, int PilotCount, KpiStatusCounts Kpis, decimal EmissionReductions);

/// <summary>One pilot in a report.</summary>
/// <param name="PilotId">Its id.</param>
/// <param name="Title">Its title in the report's language.</param>
/// <param name="PartnershipId">Its partnership.</param>
/// <param name="ProgrammeId">Its programme.</param>
/// <param name="PartnershipName">Its partnership's name in the report's language.</param>
/// <param name="ProgrammeName">Its programme's name in the report's language.</param>
/// <param name="Status">Where it is in its life.</param>
/// <param name="Milestones">Milestones due in the period, or overdue, in planned-date order.</param>
/// <param name="Kpis">KPIs with their series up to the period.</param>
/// <param name="EmissionReductions">JCM: cumulative tCO2e (verified ones in <paramref name="VerifiedReductions"/>); null for other pilots.</param>
/// <param name="VerifiedReductions">JCM: cumulative verified tCO2e; null for other pilots.</param>
/// <param name="Funding">The donor's funding per currency.</param>
/// <param name="Review">The period's review: who submitted, who approved, late or not; null when nothing was submitted.</param>
/// <param name="Notes">Notes sent with the period's readings.</param>
/// <param name="HistoricalBy">Who loaded the pilot's migrated history (approved on load), when the report shows any.</param>
public sealed record PilotSection(
    string PilotId,
    string Title,
    string PartnershipId,
    string ProgrammeId,
    string PartnershipName,
    string ProgrammeName,
    PilotStatus Status,
    IReadOnlyList<MilestoneView> Milestones,
    IReadOnlyList<KpiSection> Kpis,
    decimal? EmissionReductions,
    decimal? VerifiedReductions,
    IReadOnlyList<FundingTotal> Funding,
    PeriodReview? Review,
    IReadOnlyList<string> Notes,
    string? HistoricalBy = null);

/// <summary>A KPI in a report.</summary>
/// <param name="View">Its definition and progress.</param>
/// <param name="Name">Its name in the report's language.</param>
/// <param name="Points">The value that counts for each period up to the report's, oldest first.</param>
public sealed record KpiSection(KpiView View, string Name, IReadOnlyList<KpiReportPoint> Points);

/// <summary>A KPI's value for one period, and whether it is verified.</summary>
/// <param name="Period">The period.</param>
/// <param name="Value">The value that counts.</param>
/// <param name="Verified">True when the period was approved by the cut-off; otherwise only submitted.</param>
/// <param name="SubmittedBy">The organisation that submitted it.</param>
/// <param name="RecordedAt">When it was stored.</param>
/// <param name="Historical">The value is migrated history, approved on load by an admin, not a submission reviewed on the platform.</param>
/// <param name="Numerator">For ratio KPIs: the period's numerator (the chart combines the parts, not the periods' ratios).</param>
/// <param name="Denominator">For ratio KPIs: the period's denominator.</param>
public sealed record KpiReportPoint(ReportingPeriod Period, double Value, bool Verified, string? SubmittedBy, DateTimeOffset RecordedAt,
    bool Historical = false, double? Numerator = null, double? Denominator = null);
