using Cooperation.Contracts.Common;
using Cooperation.Contracts.DonorReports;
using Cooperation.Contracts.Kpis;
using Cooperation.Contracts.Pilots;
using Cooperation.Tests.Support;
using Cooperation.Web.Forms;

namespace Cooperation.Tests.Web;

/// <summary>
/// The update form read into the domain's update: a reading per KPI with a figure, a report per
/// milestone whose progress changed, the domain's field names mapped to the form's, numbers as the
/// API writes them, and the plausibility of each value judged by the domain's rule.
/// </summary>
public sealed class UpdateFormReadingTests
{
    private static readonly ReportingPeriod February = ReportingPeriod.Parse("2025-02", "period");

    private static readonly KpiDefinition Rate = new("sorted-share", new LocalizedText(null, null, "Waste sorted"), "%", KpiMeasure.Percentage,
        KpiDirection.HigherIsBetter, KpiAggregation.Ratio, null, null, []);

    private static readonly UpdateKpiRow[] Rows = [new(Sample.Kpi(), Previous: 40, Expected: 460), new(Rate, null, null)];

    private static readonly MilestoneView Plant = new(new MilestoneDefinition("plant-built", new LocalizedText(null, null, "Plant built"),
        new DateOnly(2025, 3, 31)), new MilestoneProgress(MilestoneStatus.Planned, null, null), false, null);

    private static UpdateFormReading Read(Dictionary<string, string> sent) =>
        UpdateForm.Read(February, Rows, [Plant], ReportLanguage.En, field => sent.GetValueOrDefault(field));

    [Fact]
    public void Each_kpi_with_a_figure_becomes_a_reading_of_the_period_and_an_unchanged_milestone_is_not_reported()
    {
        var reading = Read(new()
        {
            ["kpi.compost-produced.value"] = " 52.5 ", ["kpi.sorted-share.numerator"] = "30", ["kpi.sorted-share.denominator"] = "120",
            ["milestone.plant-built.status"] = "Planned", ["note"] = "  A good month. ",
        });

        Assert.Empty(reading.Unreadable);
        Assert.Equal([new KpiReadingInput("compost-produced", February, 52.5), new KpiReadingInput("sorted-share", February, null, 30, 120)],
            reading.Update.Readings);
        Assert.Empty(reading.Update.Milestones);
        Assert.Equal("A good month.", reading.Update.Validated().Note);
        Assert.Equal("kpi.compost-produced.value", reading.Fields["readings[0].value"]);
        Assert.Equal("kpi.sorted-share.denominator", reading.Fields["readings[1].denominator"]);
        Assert.Empty(UpdateForm.Violations(reading, Rows));
        Assert.Empty(reading.Warnings);
    }

    [Fact]
    public void Text_that_is_no_number_or_date_is_named_and_left_out_and_the_domains_rules_name_the_forms_fields()
    {
        var reading = Read(new()
        {
            ["kpi.compost-produced.value"] = "1,5", ["kpi.sorted-share.numerator"] = "130", ["kpi.sorted-share.denominator"] = "100",
            ["milestone.plant-built.status"] = "Done", ["milestone.plant-built.actual_date"] = "31/01/2025",
        });

        Assert.Equal("update.not-a-number", reading.Unreadable["kpi.compost-produced.value"]);
        Assert.Equal("update.not-a-date", reading.Unreadable["milestone.plant-built.actual_date"]);
        Assert.Equal("update.not-a-number", Read(new() { ["kpi.compost-produced.value"] = "N/A" }).Unreadable["kpi.compost-produced.value"]);
        var violation = Assert.Single(UpdateForm.Violations(reading, Rows));
        Assert.Equal("kpi.sorted-share.numerator", reading.Fields[violation.Field]);
        Assert.Contains("percentage from 0 to 100", violation.Description);
    }

    [Fact]
    public void A_changed_milestone_is_reported_and_its_fields_are_mapped()
    {
        var reading = Read(new()
        {
            ["milestone.plant-built.status"] = "Done", ["milestone.plant-built.actual_date"] = "2025-02-20",
            ["milestone.plant-built.evidence_link"] = "https://example.org/plant.pdf",
        });

        var report = Assert.Single(reading.Update.Milestones);
        Assert.Equal(new MilestoneProgress(MilestoneStatus.Done, new DateOnly(2025, 2, 20), "https://example.org/plant.pdf"), report.Progress);
        Assert.Equal("milestone.plant-built.actual_date", reading.Fields["milestones[0].actual_date"]);
        Assert.Equal("update.not-a-status", Read(new() { ["milestone.plant-built.status"] = "3" }).Unreadable["milestone.plant-built.status"]);
    }

    [Fact]
    public void A_value_far_from_the_previous_period_is_warned_about_by_the_domains_rule_and_an_empty_form_reports_nothing()
    {
        var reading = Read(new() { ["kpi.compost-produced.value"] = "400" });

        Assert.Equal([PlausibilityWarning.FarAbovePrevious], reading.Warnings["kpi.compost-produced.value"]);
        Assert.Equal(KpiPlausibility.Of(Sample.Kpi(), 400, 40), reading.Warnings["kpi.compost-produced.value"]);
        var empty = Read([]);
        Assert.Equal("note", empty.Fields[Assert.Single(UpdateForm.Violations(empty, Rows)).Field]);
    }

    [Fact]
    public void The_period_before_follows_the_calendar_across_years_and_quarters()
    {
        Assert.Equal("2024-12", UpdateForm.PeriodBefore(ReportingPeriod.Parse("2025-01", "p")).ToString());
        Assert.Equal("2024-Q4", UpdateForm.PeriodBefore(ReportingPeriod.Parse("2025-Q1", "p")).ToString());
        Assert.StartsWith("web-", UpdateForm.NewKey());
        Assert.NotEqual(UpdateForm.NewKey(), UpdateForm.NewKey());
    }
}
