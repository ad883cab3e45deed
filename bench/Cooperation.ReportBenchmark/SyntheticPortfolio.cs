using Cooperation.Contracts.Common;
using Cooperation.Contracts.Kpis;
using Cooperation.Contracts.Pilots;
using Cooperation.Contracts.DonorReports;
using Cooperation.Contracts.Submissions;
using Cooperation.Reports;

namespace Cooperation.ReportBenchmark;

/// <summary>
/// A made-up donor portfolio of any size, the same every time: pilots with Vietnamese and
/// Japanese titles, KPIs with baselines and targets, monthly readings (every third period
/// verified), milestones, JCM reductions and funding. For the report benchmark and for tests.
/// </summary>
public static class SyntheticPortfolio
{
    /// <summary>The first period of the readings.</summary>
    public static readonly ReportingPeriod FirstPeriod = new(ReportingFrequency.Monthly, 2024, 1);

    /// <summary>A report over <paramref name="pilots"/> pilots × <paramref name="kpis"/> KPIs × <paramref name="periods"/> monthly periods.</summary>
    public static DonorReport Report(int pilots, int kpis, int periods, ReportLanguage language = ReportLanguage.En)
    {
        var last = Enumerable.Range(1, periods - 1).Aggregate(FirstPeriod, (p, _) => p.Next());
        var cutoff = new DateTimeOffset(last.End.AddDays(20).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        return new DonorReport("monthly", "moej", language == ReportLanguage.Ja ? "環境省" : "Ministry of the Environment, Japan",
            language == ReportLanguage.Ja ? "GGPP 月次進捗報告" : "GGPP progress", language, last, cutoff, FigureBasis.All,
            Enumerable.Range(0, pilots).Select(i => Pilot(i, kpis, periods, last, language)).ToArray(), "Asia/Tokyo",
            new Dictionary<string, string>
            {
                ["acls"] = Name(new LocalizedText("Trung tâm các bon thấp châu Á", "アジア低炭素化センター", "Asian Center for Low Carbon Society"), language),
                ["hp-dofa"] = Name(new LocalizedText("Sở Ngoại vụ Hải Phòng", "ハイフォン市外務局", "Hai Phong Department of Foreign Affairs"), language),
            });
    }

    private static string Name(LocalizedText text, ReportLanguage language) => language switch
    {
        ReportLanguage.Vi => text.Vi!,
        ReportLanguage.Ja => text.Ja!,
        _ => text.En!,
    };

    private static PilotSection Pilot(int index, int kpis, int periods, ReportingPeriod last, ReportLanguage language)
    {
        var title = new LocalizedText($"Sản xuất phân compost số {index}", $"堆肥生産事業 {index}", $"Compost production {index}");
        var kpiSections = Enumerable.Range(0, kpis).Select(k => Kpi(index, k, periods, language)).ToArray();
        var start = FirstPeriod.Start;
        MilestoneView Milestone(int m, MilestoneStatus status, bool overdue) => new(
            new MilestoneDefinition($"m{m}", new LocalizedText($"Mốc {m}", $"マイルストーン {m}", $"Milestone {m}"), start.AddMonths(6 * m)),
            new MilestoneProgress(status, status == MilestoneStatus.Done ? start.AddMonths(6 * m).AddDays(3) : null, null), overdue, null);
        return new PilotSection($"pilot-{index:D4}", language switch
            {
                ReportLanguage.Vi => title.Vi!,
                ReportLanguage.Ja => title.Ja!,
                _ => title.En!,
            },
            $"partnership-{index % 3}", "ggpp",
            Name(new LocalizedText($"Hải Phòng – Kitakyushu {index % 3}", $"ハイフォン・北九州 {index % 3}", $"Hai Phong – Kitakyushu {index % 3}"), language),
            Name(new LocalizedText("Kế hoạch tăng trưởng xanh", "グリーン成長推進計画", "Green Growth Promotion Plan"), language),
            PilotStatus.InProgress,
            [Milestone(1, MilestoneStatus.Done, false), Milestone(2, MilestoneStatus.InProgress, true), Milestone(3, MilestoneStatus.Planned, false)],
            kpiSections, index % 5 == 0 ? 1_250.5m + index : null, index % 5 == 0 ? 1_000m : null,
            [new FundingTotal(Currency.Jpy, 50_000_000m, 20_000_000m + index), new FundingTotal(Currency.Usd, 100_000m, 25_000m)],
            new PeriodReview(last, ReviewStatus.Approved, index % 7 == 0, null, null, "acls", 1, ReviewDecision.Approve, null, "hp-dofa", null, []),
            index % 4 == 0 ? [$"Ghi chú tháng {last}: lò ủ thứ hai đã hoạt động."] : []);
    }

    private static KpiSection Kpi(int pilot, int kpi, int periods, ReportLanguage language)
    {
        // Every third KPI is cumulative (each period reports the total so far) and named at length.
        var cumulative = kpi % 3 == 1;
        var name = cumulative
            ? new LocalizedText($"Chỉ số {kpi}: tổng lượng rác hữu cơ được xử lý thành phân compost", $"指標 {kpi}：堆肥化した有機廃棄物の累計量", $"Indicator {kpi}: organic waste turned into compost so far")
            : new LocalizedText($"Chỉ số {kpi}", $"指標 {kpi}", $"Indicator {kpi}");
        var definition = new KpiDefinition($"kpi-{kpi}", name, "t",
            KpiMeasure.Number, KpiDirection.HigherIsBetter, cumulative ? KpiAggregation.Cumulative : KpiAggregation.Incremental,
            new KpiPoint(0, FirstPeriod.Start), new KpiPoint(100 * periods, FirstPeriod.Start.AddMonths(periods + 12)), []);
        var period = FirstPeriod;
        var points = new List<KpiReportPoint>(periods);
        var total = 0.0;
        for (var i = 0; i < periods; i++, period = period.Next())
        {
            var at = new DateTimeOffset(period.End.AddDays(5).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            var value = 60 + (pilot + kpi * 7 + i * 13) % 50;
            total += value;
            points.Add(new KpiReportPoint(period, cumulative ? total : value, i % 3 == 0, "acls", at));
        }
        var sum = total;
        var progress = new KpiProgress(sum, sum / (100.0 * periods) * 100, (KpiStatus)(1 + (pilot + kpi) % 3),
            new KpiPeriodValue(points[^1].Period, points[^1].Value), periods, periods);
        return new KpiSection(new KpiView(definition, progress), language switch
        {
            ReportLanguage.Vi => definition.Name.Vi!,
            ReportLanguage.Ja => definition.Name.Ja!,
            _ => definition.Name.En!,
        }, points);
    }
}
