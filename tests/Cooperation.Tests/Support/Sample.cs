using Cooperation.Contracts.Common;
using Cooperation.Contracts.Partnerships;
using Cooperation.Contracts.Pilots;

namespace Cooperation.Tests.Support;

/// <summary>Valid domain objects for tests to start from (and vary with <c>with</c>).</summary>
public static class Sample
{
    /// <summary>Hai Phong – Kitakyushu, sister cities since 2014.</summary>
    public static PartnershipDefinition Partnership() => new(
        new LocalizedText("Hải Phòng – Kitakyushu", "ハイフォン・北九州", "Hai Phong – Kitakyushu"),
        "hai-phong", "kitakyushu", RelationKind.SisterCity, 2014);

    /// <summary>A monthly compost pilot in <paramref name="partnershipId"/>.</summary>
    public static PilotDefinition Pilot(string partnershipId) => new(
        partnershipId, new LocalizedText("Sản xuất phân compost", "堆肥化", "Compost production"),
        PilotKind.Compost, ReportingFrequency.Monthly);

    /// <summary>Compost produced: 0 t at 2024-01-01 to 1,200 t (total) by 2026-12-31, incremental.</summary>
    public static KpiDefinition Kpi(string code = "compost-produced") => new(
        code, new LocalizedText(null, null, "Compost produced"), "t",
        new KpiPoint(0, new DateOnly(2024, 1, 1)), new KpiPoint(1200, new DateOnly(2026, 12, 31)),
        KpiAggregation.Incremental);

    /// <summary>A monthly reading.</summary>
    public static KpiReadingInput Reading(string period, double value, string code = "compost-produced") =>
        new(code, ReportingPeriod.Parse(period, "period"), value);
}
