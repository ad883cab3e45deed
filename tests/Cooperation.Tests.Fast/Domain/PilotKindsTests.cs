using Cooperation.Contracts.Common;
using Cooperation.Contracts.Jcm;
using Cooperation.Contracts.Kpis;
using Cooperation.Contracts.Pilots;
using Cooperation.Contracts.Pilots.Kinds;

namespace Cooperation.Tests.Domain;

/// <summary>The pilot kinds' registry: one data file per enum value, and what each kind implies, in one place.</summary>
public sealed class PilotKindsTests
{
    [Fact]
    public void Every_pilot_kind_has_exactly_one_data_file()
    {
        var files = typeof(PilotKinds).Assembly.GetManifestResourceNames().Where(n => n.StartsWith("pilot-kinds/", StringComparison.Ordinal)).Order().ToArray();

        Assert.Equal(Enum.GetValues<PilotKind>().Select(k => "pilot-kinds/" + PilotKinds.FileName(k)).Order(), files);
        Assert.All(Enum.GetValues<PilotKind>(), kind => Assert.Equal(kind, PilotKinds.Of(kind).Kind));
        Assert.Equal(Enum.GetValues<PilotKind>(), PilotKinds.All.Select(p => p.Kind));
        Assert.Equal("jcm-equipment.json", PilotKinds.FileName(PilotKind.JcmEquipment));
        Assert.Throws<ArgumentOutOfRangeException>(() => PilotKinds.Of((PilotKind)99));
    }

    [Fact]
    public void Every_template_is_a_valid_kpi_named_in_three_languages_without_baseline_or_target()
    {
        var templates = PilotKinds.All.SelectMany(p => p.KpiTemplates).ToArray();

        Assert.NotEmpty(templates);
        Assert.All(templates, kpi =>
        {
            kpi.Validate();
            Assert.True(kpi.Name is { Vi: not null, Ja: not null, En: not null }, kpi.Code);
            Assert.Null(kpi.Baseline);
            Assert.Null(kpi.Target);
        });
        Assert.All(PilotKinds.All, p => Assert.Equal(p.KpiTemplates.Count, p.KpiTemplates.Select(k => k.Code).Distinct().Count()));
        Assert.Empty(PilotKinds.Of(PilotKind.Other).KpiTemplates);
    }

    [Fact]
    public void A_water_loss_pilot_measures_non_revenue_water_as_lost_over_supplied()
    {
        var nrw = PilotKinds.Of(PilotKind.WaterLossReduction).KpiTemplates.Single(k => k.Code == "non-revenue-water");

        Assert.Equal((KpiMeasure.Percentage, KpiDirection.LowerIsBetter, KpiAggregation.Ratio), (nrw.Measure, nrw.Direction, nrw.Aggregation));
        Assert.Equal(new LocalizedText("Tỷ lệ thất thoát nước", "無収水率", "Non-revenue water"), nrw.Name);
    }

    /// <summary>
    /// "Computed, not entered" is one rule of the kind: the grain refuses such readings, the pilot's
    /// and the kind's reading templates leave them out, a review does not approve them.
    /// </summary>
    [Fact]
    public void Only_jcm_monitored_kinds_compute_and_they_compute_the_emission_reductions()
    {
        var jcm = PilotKinds.Of(PilotKind.JcmEquipment);

        Assert.True(jcm.JcmMonitored);
        Assert.True(jcm.Computes(JcmCalculation.EmissionReductionsKpi));
        Assert.True(JcmCalculation.TakesReductions(jcm.KpiTemplates.Single(k => k.Code == JcmCalculation.EmissionReductionsKpi)));
        Assert.Equal(["energy-consumption"], jcm.Entered(jcm.KpiTemplates).Select(k => k.Code));
        Assert.All(PilotKinds.All.Where(p => p.Kind != PilotKind.JcmEquipment), p =>
        {
            Assert.False(p.JcmMonitored);
            Assert.Empty(p.ComputedKpis);
            Assert.Equal(p.KpiTemplates, ValueList.Of(p.Entered(p.KpiTemplates)));
        });
    }

    [Fact]
    public void A_new_pilot_starts_with_all_none_or_the_chosen_templates_of_its_kind_in_the_kinds_order()
    {
        var compost = PilotKinds.Of(PilotKind.Compost);
        var codes = compost.KpiTemplates.Select(k => k.Code).ToArray();

        Assert.Equal(compost.KpiTemplates, KpiTemplateChoice.All.Of(compost, "kpi_template_codes"));
        Assert.Empty(KpiTemplateChoice.None.Of(compost, "kpi_template_codes"));
        Assert.Equal([codes[0], codes[^1]], KpiTemplateChoice.Only([codes[^1], codes[0]]).Of(compost, "kpi_template_codes").Select(k => k.Code));

        var unknown = Assert.Throws<InvalidFieldException>(() => KpiTemplateChoice.Only([codes[0], "trees-planted"]).Of(compost, "kpi_template_codes"));
        Assert.Equal("kpi_template_codes[1]", unknown.Violations[0].Field);
        Assert.Contains("'Compost'", unknown.Violations[0].Description);
        var twice = Assert.Throws<InvalidFieldException>(() => KpiTemplateChoice.Only([codes[0], codes[0]]).Of(compost, "kpi_template_codes"));
        Assert.Equal("kpi_template_codes[1]", twice.Violations[0].Field);
    }
}
