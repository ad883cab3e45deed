using System.Globalization;
using Cooperation.Contracts.Common;

namespace Cooperation.Contracts.Kpis;

/// <summary>The rules a reading must keep for its KPI; plain logic, shared by pilots and programmes.</summary>
public static class KpiReadingRules
{
    /// <summary>Longest category name in a breakdown.</summary>
    public const int MaxCategoryLength = 100;

    /// <summary>
    /// Checks <paramref name="reading"/> against <paramref name="kpi"/>, adding what is wrong to
    /// <paramref name="violations"/> under <paramref name="field"/> (e.g. "readings[2]"). Returns
    /// the value to store: the reading's value, or for ratios numerator ÷ denominator (× 100 for
    /// percentages); null when the reading is refused.
    /// </summary>
    public static double? Check(KpiDefinition kpi, KpiReadingInput reading, string field, List<FieldViolation> violations)
    {
        var before = violations.Count;
        var value = kpi.Aggregation == KpiAggregation.Ratio
            ? CheckRatio(kpi, reading, field, violations)
            : CheckValue(kpi, reading, field, violations);
        CheckBreakdown(kpi, reading, value, field, violations);
        if (reading.Note is { Length: > KpiReadingInput.MaxNoteLength })
            violations.Add(new($"{field}.note", $"must be at most {KpiReadingInput.MaxNoteLength} characters"));
        return violations.Count == before ? value : null;
    }

    private static double? CheckValue(KpiDefinition kpi, KpiReadingInput reading, string field, List<FieldViolation> violations)
    {
        if (reading.Numerator is not null || reading.Denominator is not null)
            violations.Add(new($"{field}.numerator", "only ratio KPIs take a numerator and denominator; send value"));
        if (reading.Value is not { } value)
        {
            violations.Add(new($"{field}.value", "is required"));
            return null;
        }
        if (kpi.CheckValue(value) is { } problem)
        {
            violations.Add(new($"{field}.value", problem));
            return null;
        }
        return value;
    }

    private static double? CheckRatio(KpiDefinition kpi, KpiReadingInput reading, string field, List<FieldViolation> violations)
    {
        if (reading.Value is not null)
            violations.Add(new($"{field}.value", "a ratio KPI takes numerator and denominator, not value"));
        var numeratorOk = reading.Numerator is { } n && Field.IsNumber(n) && n >= 0;
        var denominatorOk = reading.Denominator is { } d && Field.IsNumber(d) && d > 0;
        if (!numeratorOk)
            violations.Add(new($"{field}.numerator", "must be a number of at least 0"));
        if (!denominatorOk)
            violations.Add(new($"{field}.denominator", "must be a number above 0"));
        if (!numeratorOk || !denominatorOk)
            return null;
        var value = reading.Numerator!.Value / reading.Denominator!.Value * (kpi.Measure == KpiMeasure.Percentage ? 100 : 1);
        if (kpi.CheckValue(value) is { } problem)
        {
            violations.Add(new($"{field}.numerator", $"numerator ÷ denominator {problem}"));
            return null;
        }
        return value;
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

    private static void Catch(Action check, List<FieldViolation> violations)
    {
        try
        {
            check();
        }
        catch (InvalidFieldException error)
        {
            violations.AddRange(error.Violations);
        }
    }
}
