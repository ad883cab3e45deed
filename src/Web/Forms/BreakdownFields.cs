using Cooperation.Contracts.Common;
using Cooperation.Contracts.DonorReports;
using Cooperation.Contracts.Kpis;

namespace Cooperation.Web.Forms;

/// <summary>
/// A KPI's breakdown in the update form: per dimension of the KPI, rows of a category and its part
/// of the value. Read into the domain's <see cref="BreakdownValue"/>s, which
/// <see cref="KpiReadingRules.Check"/> judges (known dimension, category once, parts adding up to
/// the value where the KPI is additive); the form only names where each rule's field sits.
/// </summary>
internal static class BreakdownFields
{
    /// <summary>Empty rows the form offers per dimension beyond those already filled.</summary>
    public const int SpareRows = 3;

    /// <summary>Most rows read per dimension (a bound on what a form may send).</summary>
    public const int MaxRows = 60;

    /// <summary>The field of the breakdown as a whole (where a sum that does not add up is named).</summary>
    public static string Group(string code) => UpdateForm.KpiField(code, "breakdown");

    /// <summary>The field of <paramref name="part"/> ("category", "value") of row <paramref name="row"/> of <paramref name="dimension"/>.</summary>
    public static string Field(string code, string dimension, int row, string part) =>
        UpdateForm.KpiField(code, $"breakdown.{dimension}.{row}.{part}");

    /// <summary>
    /// The breakdown <paramref name="sent"/> for <paramref name="kpi"/>, with the domain's field name of each
    /// value → the form's (appended to <paramref name="fields"/> under <paramref name="at"/>, the reading's
    /// name); numbers that cannot be read go to <paramref name="unreadable"/>. Null when no row was filled.
    /// </summary>
    public static ValueList<BreakdownValue>? Read(KpiDefinition kpi, ReportLanguage language, Func<string, string?> sent, string at,
        Dictionary<string, string> fields, Dictionary<string, string> unreadable)
    {
        var values = new List<BreakdownValue>();
        fields[$"{at}.breakdown"] = Group(kpi.Code);
        foreach (var dimension in kpi.Dimensions)
        {
            for (var row = 0; row < MaxRows; row++)
            {
                var categoryField = Field(kpi.Code, dimension, row, "category");
                var valueField = Field(kpi.Code, dimension, row, "value");
                var category = sent(categoryField)?.Trim() ?? "";
                var text = sent(valueField)?.Trim() ?? "";
                if (category.Length == 0 && text.Length == 0)
                    continue;
                double part = double.NaN;
                if (text.Length > 0 && !FormNumber.TryRead(text, language, out part))
                {
                    unreadable[valueField] = "update.not-a-number";
                    continue;
                }
                if (text.Length == 0)
                {
                    unreadable[valueField] = "update.part-required";
                    continue;
                }
                var j = values.Count;
                fields[$"{at}.breakdown[{j}].category"] = categoryField;
                fields[$"{at}.breakdown[{j}].dimension"] = categoryField;
                fields[$"{at}.breakdown[{j}].value"] = valueField;
                values.Add(new BreakdownValue(dimension, category, part));
            }
        }
        return values.Count == 0 ? null : ValueList.Of(values);
    }

    /// <summary>The form's fields of a stored breakdown (what a correction starts from).</summary>
    public static IEnumerable<KeyValuePair<string, string>> Written(KpiDefinition kpi, IEnumerable<BreakdownValue> breakdown, ReportLanguage language) =>
        breakdown.GroupBy(b => b.Dimension).SelectMany(dimension => dimension.SelectMany((b, row) => new[]
        {
            KeyValuePair.Create(Field(kpi.Code, b.Dimension, row, "category"), b.Category),
            KeyValuePair.Create(Field(kpi.Code, b.Dimension, row, "value"), FormNumber.Write(b.Value, language)),
        }));

    /// <summary>How many rows the form shows for <paramref name="dimension"/>: those filled, and spare ones.</summary>
    public static int RowsShown(string code, string dimension, Func<string, string?> shown)
    {
        var filled = 0;
        for (var row = 0; row < MaxRows; row++)
        {
            if (!string.IsNullOrEmpty(shown(Field(code, dimension, row, "category"))) || !string.IsNullOrEmpty(shown(Field(code, dimension, row, "value"))))
                filled = row + 1;
        }
        return Math.Min(MaxRows, filled + SpareRows);
    }
}
