using Cooperation.Contracts.Common;
using Cooperation.Contracts.DonorReports;
using Cooperation.Contracts.Pilots;
using Cooperation.Reports.Rendering;

namespace Cooperation.Web.Reading;

/// <summary>A pilot a donor funds, as its home lists it.</summary>
/// <param name="PilotId">The pilot.</param>
/// <param name="PartnershipId">Its partnership.</param>
/// <param name="Title">Its title.</param>
/// <param name="Status">Where it is in its life.</param>
/// <param name="Totals">Committed and disbursed per currency, as the grain shows them to the donor: of its own lines only.</param>
internal sealed record FundedPilot(string PilotId, string PartnershipId, LocalizedText Title, PilotStatus Status, ValueList<FundingTotal> Totals)
{
    /// <summary>The row of <paramref name="view"/>, a pilot read as the donor.</summary>
    public static FundedPilot Of(PilotView view) =>
        new(view.PilotId, view.Definition.PartnershipId, view.Definition.Title, view.Status, view.FundingTotals);
}

/// <summary>
/// A donor's home: the pilots it may read (those it funds, or verifies) with its funding committed
/// and disbursed per currency, and its totals over them (<see cref="FundingTotal.PerCurrency(IEnumerable{FundingTotal})"/>,
/// the report's rule). Funding comes from the pilot views as the grains show them to the donor,
/// so other donors' lines never reach the page.
/// </summary>
/// <param name="Pilots">Its pilots, by title.</param>
/// <param name="Totals">Committed and disbursed per currency over them.</param>
internal sealed record DonorFunding(IReadOnlyList<FundedPilot> Pilots, ValueList<FundingTotal> Totals)
{
    /// <summary>The home of a donor that read <paramref name="pilots"/>, by title in <paramref name="language"/>.</summary>
    public static DonorFunding Of(IEnumerable<PilotView> pilots, ReportLanguage language)
    {
        var rows = pilots.Select(FundedPilot.Of).OrderBy(p => ReportText.In(p.Title, language), StringComparer.OrdinalIgnoreCase).ThenBy(p => p.PilotId, StringComparer.Ordinal).ToArray();
        return new(rows, FundingTotal.PerCurrency(rows.SelectMany(p => p.Totals)));
    }

    /// <summary>The share disbursed of what was committed, in percent; null when nothing was committed.</summary>
    public static double? DisbursedShare(FundingTotal total) =>
        total.Committed == 0 ? null : (double)(total.Disbursed / total.Committed * 100);
}
