using Cooperation.Contracts.Kpis.Aggregations;

namespace Cooperation.Contracts.Kpis;

/// <summary>Why a reading looks unlikely: a warning before it is submitted, never a refusal.</summary>
[GenerateSerializer, Alias("coop.PlausibilityWarning")]
public enum PlausibilityWarning
{
    /// <summary>More than <see cref="KpiPlausibility.FarFactor"/> times the previous period's value.</summary>
    FarAbovePrevious = 1,

    /// <summary>Less than the previous period's value divided by <see cref="KpiPlausibility.FarFactor"/>.</summary>
    FarBelowPrevious = 2,

    /// <summary>A negative value of a KPI that can only grow (a sum or a running total).</summary>
    NegativeWhereOnlyGrowing = 3,

    /// <summary>A running total below the previous period's.</summary>
    RunningTotalWentDown = 4,

    /// <summary>A yes/no KPI that was yes in the previous period and is no now.</summary>
    YesWentBackToNo = 5,
}

/// <summary>
/// The plausibility of a period's reading against the period before it: plain logic, the same for
/// the form that warns the partner and the review page that shows the reviewer what was confirmed.
/// The rules that depend on how periods combine live with their aggregation kind
/// (<see cref="KpiAggregationKind.WarningsAbout"/>).
/// </summary>
public static class KpiPlausibility
{
    /// <summary>How many times larger or smaller than the previous period a value may be before it is questioned.</summary>
    public const double FarFactor = 3;

    /// <summary>
    /// What looks unlikely about <paramref name="value"/>, the value a period's reading of
    /// <paramref name="kpi"/> would store, after <paramref name="previous"/>, the value that counts
    /// for the period before it (null when there is none); empty when nothing does.
    /// </summary>
    public static IReadOnlyList<PlausibilityWarning> Of(KpiDefinition kpi, double value, double? previous) =>
        [.. KpiAggregations.Of(kpi.Aggregation).WarningsAbout(kpi, value, previous).Distinct().Order()];

    /// <summary>The warnings every kind shares: a yes going back to no, a value far from the previous one.</summary>
    internal static IEnumerable<PlausibilityWarning> Common(KpiDefinition kpi, double value, double? previous)
    {
        if (previous is not { } before)
            yield break;
        if (kpi.Measure == KpiMeasure.YesNo)
        {
            if (before == 1 && value == 0)
                yield return PlausibilityWarning.YesWentBackToNo;
            yield break;
        }
        // Against zero every value is infinitely far; a change of sign is judged by size alone.
        if (before == 0)
            yield break;
        var ratio = Math.Abs(value) / Math.Abs(before);
        if (ratio > FarFactor)
            yield return PlausibilityWarning.FarAbovePrevious;
        else if (ratio < 1 / FarFactor)
            yield return PlausibilityWarning.FarBelowPrevious;
    }
}
