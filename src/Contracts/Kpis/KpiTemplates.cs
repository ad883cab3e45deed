using Cooperation.Contracts.Common;
using Cooperation.Contracts.Pilots;

namespace Cooperation.Contracts.Kpis;

/// <summary>
/// The indicators a new pilot of each kind starts with. Templates carry no baseline or target:
/// those belong to the pilot and are set with UpdateKpi.
/// </summary>
public static class KpiTemplates
{
    /// <summary>The KPI a JCM pilot's computed emission reductions feed.</summary>
    public const string EmissionReductionsCode = "emission-reductions";

    private static KpiDefinition Kpi(string code, string vi, string ja, string en, string unit,
        KpiAggregation aggregation, KpiMeasure measure = KpiMeasure.Number,
        KpiDirection direction = KpiDirection.HigherIsBetter, params string[] dimensions) =>
        new(code, new LocalizedText(vi, ja, en), unit, measure, direction, aggregation, null, null, dimensions);

    private static readonly Dictionary<PilotKind, ValueList<KpiDefinition>> ByKind = new()
    {
        [PilotKind.Compost] =
        [
            Kpi("organic-waste-diverted", "Lượng rác hữu cơ được thu hồi xử lý", "有機廃棄物の転換量", "Organic waste diverted from landfill", "t", KpiAggregation.Incremental, dimensions: "waste-stream"),
            Kpi("compost-produced", "Sản lượng phân compost", "堆肥生産量", "Compost produced", "t", KpiAggregation.Incremental),
            Kpi("households-served", "Số hộ gia đình được phục vụ", "対象世帯数", "Households served", "households", KpiAggregation.Cumulative, dimensions: "location"),
        ],
        [PilotKind.EcoIndustrialPark] =
        [
            Kpi("tenants-meeting-standards", "Số doanh nghiệp đạt tiêu chuẩn môi trường", "環境基準を満たす入居企業数", "Tenants meeting environmental standards", "tenants", KpiAggregation.Level),
            Kpi("wastewater-treated", "Lượng nước thải được xử lý", "排水処理量", "Wastewater treated", "m3/day", KpiAggregation.Level),
            Kpi("rooftop-solar-installed", "Công suất điện mặt trời mái nhà đã lắp đặt", "屋根置き太陽光発電の設置容量", "Rooftop solar installed", "kWp", KpiAggregation.Cumulative, dimensions: "enterprise"),
            Kpi("symbiosis-exchanges", "Số trao đổi cộng sinh công nghiệp", "産業共生の取引件数", "Industrial-symbiosis exchanges", "exchanges", KpiAggregation.Cumulative),
            Kpi("trees-planted", "Số cây xanh được trồng", "植樹本数", "Trees planted", "trees", KpiAggregation.Cumulative),
        ],
        [PilotKind.JcmEquipment] =
        [
            Kpi("energy-consumption", "Tiêu thụ năng lượng hằng tháng", "月間エネルギー消費量", "Monthly energy consumption", "MWh", KpiAggregation.Level, direction: KpiDirection.LowerIsBetter),
            Kpi(EmissionReductionsCode, "Lượng giảm phát thải", "排出削減量", "Emission reductions", "tCO2e", KpiAggregation.Incremental),
        ],
        [PilotKind.CleanerProduction] =
        [
            Kpi("rapid-assessments", "Số đánh giá nhanh sản xuất sạch hơn", "クリーナープロダクション簡易診断数", "Cleaner-production rapid assessments", "facilities", KpiAggregation.Incremental, dimensions: "sector"),
            Kpi("detailed-assessments", "Số đánh giá chi tiết sản xuất sạch hơn", "クリーナープロダクション詳細診断数", "Cleaner-production detailed assessments", "facilities", KpiAggregation.Incremental, dimensions: "sector"),
            Kpi("people-trained", "Số người được đào tạo", "研修受講者数", "People trained", "people", KpiAggregation.Incremental),
        ],
        [PilotKind.RooftopSolar] =
        [
            Kpi("solar-installed", "Công suất điện mặt trời đã lắp đặt", "太陽光発電の設置容量", "Solar capacity installed", "kWp", KpiAggregation.Cumulative),
            Kpi("solar-generation", "Sản lượng điện mặt trời", "太陽光発電量", "Solar electricity generated", "MWh", KpiAggregation.Incremental),
        ],
        [PilotKind.WasteToEnergy] =
        [
            Kpi("waste-treated", "Lượng rác được xử lý", "廃棄物処理量", "Waste treated", "t", KpiAggregation.Incremental),
            Kpi("electricity-generated", "Điện năng phát ra", "発電量", "Electricity generated", "MWh", KpiAggregation.Incremental),
        ],
    };

    /// <summary>The template KPIs for <paramref name="kind"/> (none for Other).</summary>
    public static ValueList<KpiDefinition> For(PilotKind kind) => ByKind.GetValueOrDefault(kind, ValueList<KpiDefinition>.Empty);
}
