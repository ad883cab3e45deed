using System.Globalization;
using Cooperation.Contracts.Common;
using Cooperation.Contracts.Kpis.Aggregations;

namespace Cooperation.Contracts.Kpis;

/// <summary>The rules a reading must keep for its KPI; plain logic, shared by pilots and programmes.</summary>
public static class KpiReadingRules
{
    /// <summary>Longest category name in a breakdown.</summary>
    public const int MaxCategoryLength = 100;

    /// <summary>
    /// Checks <paramref name="reading"/> against <paramref name="kpi"/>, adding what is wrong to
    /// <paramref name="violations"/> under <paramref name="field"/> (e.g. "readings[2]"): what its
    /// aggregation kind asks of the value (<see cref="KpiAggregationKind.ValueOf"/>), the breakdown
    /// and the note. Returns the value to store: the reading's value, or for ratios numerator ÷
    /// denominator (× 100 for percentages); null when the reading is refused.
    /// </summary>
    public static double? Check(KpiDefinition kpi, KpiReadingInput reading, string field, List<FieldViolation> violations)
    {
        var before = violations.Count;
        var value = KpiAggregations.Of(kpi.Aggregation).ValueOf(kpi, reading, field, violations);
        CheckBreakdown(kpi, reading, value, field, violations);
        if (reading.Note is { Length: > KpiReadingInput.MaxNoteLength })
            violations.Add(new($"{field}.note", $"must be at most {KpiReadingInput.MaxNoteLength} characters"));
        return violations.Count == before ? value : null;
    }

    private static void CheckBreakdown(KpiDefinition kpi, KpiReadingInput reading, double? value, string field, List<FieldViolation> violations)
    {
        var breakdown = reading.Breakdown ?? ValueList<BreakdownValue>.Empty;
        var seen = new HashSet<(string, string)>();
        var sums = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var j = 0; j < breakdown.Count; j++)
        {
            var (dimension, category, part) = breakdown[j];
            var at = $"{field}.breakdown[{j}]";
            if (!kpi.Dimensions.Contains(dimension))
                violations.Add(new($"{at}.dimension", kpi.Dimensions.Count == 0
                    ? "this KPI has no dimensions to break down by"
                    : $"must be one of {string.Join(", ", kpi.Dimensions)}"));
            if (string.IsNullOrWhiteSpace(category) || category != category.Trim() || category.Length > MaxCategoryLength)
                violations.Add(new($"{at}.category", $"must be 1–{MaxCategoryLength} characters without surrounding spaces"));
            else if (!seen.Add((dimension, category)))
                violations.Add(new($"{at}.category", $"'{category}' appears twice in dimension '{dimension}'"));
            if (!Field.IsNumber(part))
                violations.Add(new($"{at}.value", Field.NumberRule));
            else
                sums[dimension] = sums.GetValueOrDefault(dimension) + part;
        }
        if (!kpi.IsAdditive || value is not { } total)
            return;
        foreach (var (dimension, sum) in sums)
        {
            if (Math.Abs(sum - total) > 1e-9 * Math.Max(1, Math.Abs(total)))
                violations.Add(new($"{field}.breakdown", string.Create(CultureInfo.InvariantCulture,
                    $"the '{dimension}' values add up to {sum}, not to the reading's {total}")));
        }
    }
}
