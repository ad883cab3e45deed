using Cooperation.Contracts.Common;
using Cooperation.Contracts.Kpis;
using Cooperation.Contracts.Pilots;
using Cooperation.Web.Forms;
using Microsoft.AspNetCore.Mvc;

namespace Cooperation.Web.Pages.Pilots;

/// <summary>
/// The office's KPI form on the pilot's page: a KPI with its unit, measure, direction, aggregation,
/// baseline, target and breakdown dimensions, defined through the pilot grain's DefineKpi (the API's
/// call) as the person; the definition's own rules refuse a field, shown next to it.
/// </summary>
public sealed partial class IndexModel
{
    /// <summary>The KPI form's fields.</summary>
    public const string KpiCodeField = "kpiCode", KpiNameField = "kpiName", KpiUnitField = "kpiUnit", KpiMeasureField = "kpiMeasure",
        KpiDirectionField = "kpiDirection", KpiAggregationField = "kpiAggregation", BaselineValueField = "kpiBaselineValue",
        BaselineDateField = "kpiBaselineDate", TargetValueField = "kpiTargetValue", TargetDateField = "kpiTargetDate",
        DimensionsField = "kpiDimensions";

    // The definition's field names (as the API spells them) → the form's; each dimension is the one field.
    private static readonly Dictionary<string, string> KpiFields = new Dictionary<string, string>
    {
        ["kpi_code"] = KpiCodeField, ["name"] = KpiNameField, ["name.en"] = KpiNameField, ["name.vi"] = KpiNameField, ["name.ja"] = KpiNameField,
        ["unit"] = KpiUnitField, ["measure"] = KpiMeasureField, ["direction"] = KpiDirectionField, ["aggregation"] = KpiAggregationField,
        ["baseline.value"] = BaselineValueField, ["baseline.date"] = BaselineDateField, ["target.value"] = TargetValueField,
        ["target.date"] = TargetDateField, ["dimensions"] = DimensionsField,
    }.Concat(Enumerable.Range(0, 10).Select(i => KeyValuePair.Create($"dimensions[{i}]", DimensionsField))).ToDictionary();

    /// <summary>Defines a KPI of the pilot.</summary>
    public async Task<IActionResult> OnPostKpiAsync(string id)
    {
        var pilot = Grains.GetGrain<IPilotGrain>(PathId(id, "pilot"));
        var code = Checked(() => Field.Id(Sent(KpiCodeField)?.Trim(), "kpi_code"), KpiFields);
        var name = Checked(() => FormText.InLanguage(Sent(KpiNameField), W.Language, "name"), KpiFields);
        var unit = Checked(() => Field.ExactText(Sent(KpiUnitField)?.Trim(), "unit", KpiDefinition.MaxUnitLength), KpiFields);
        var measure = Choice<KpiMeasure>(KpiMeasureField);
        var direction = Choice<KpiDirection>(KpiDirectionField);
        var aggregation = Choice<KpiAggregation>(KpiAggregationField);
        var baseline = Point(BaselineValueField, BaselineDateField, "baseline");
        var target = Point(TargetValueField, TargetDateField, "target");
        var dimensions = ValueList.Of((Sent(DimensionsField) ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
        return await ChangeAsync(id, "kpi", KpiFields, async () =>
        {
            var kpi = new KpiDefinition(code!, name!, unit!, measure!.Value, direction!.Value, aggregation!.Value,
                baseline, target, dimensions);
            try
            {
                await pilot.DefineKpi(kpi);
            }
            catch (EntityExistsException)
            {
                FieldErrors.TryAdd(KpiCodeField, W["manage.kpi.exists"]);
            }
        });
    }

    // A baseline or target: both its value and its date, or neither; null with a field refused otherwise.
    private KpiPoint? Point(string valueField, string dateField, string field)
    {
        var valueText = Sent(valueField)?.Trim();
        var dateText = Sent(dateField)?.Trim();
        if (string.IsNullOrEmpty(valueText) && string.IsNullOrEmpty(dateText))
            return null;
        double? value = null;
        if (string.IsNullOrEmpty(valueText))
            FieldErrors.TryAdd(valueField, W["field.required"]);
        // As the update form reads a figure: as the person's language writes it.
        else if (FormNumber.TryRead(valueText, W.Language, out var number))
            value = number;
        else
            FieldErrors.TryAdd(valueField, W["update.not-a-number"]);
        var date = Checked(() => (DateOnly?)Field.Date(dateText, $"{field}.date"), KpiFields);
        return value is { } v && date is { } d ? new KpiPoint(v, d) : null;
    }
}
