using Cooperation.Contracts.Common;
using Cooperation.Contracts.Partnerships;
using Cooperation.Contracts.Pilots;

namespace Cooperation.Gateway.Demo;

/// <summary>
/// A small slice of the seed scenario (the article on Hai Phong's Green Growth Promotion Plan):
/// Hai Phong and Kitakyushu, sister cities
/// since 2014, and the Hai Phong compost pilot of their Green Growth Promotion Plan. The readings
/// are made-up demo figures. Loading is idempotent: creates repeat harmlessly, and readings are
/// recorded only for KPIs that have none.
/// </summary>
public static class DemoScenario
{
    /// <summary>The demo partnership's id.</summary>
    public const string PartnershipId = "haiphong-kitakyushu";

    /// <summary>The demo pilot's id.</summary>
    public const string PilotId = "hp-compost";

    private static readonly (KpiDefinition Kpi, double[] MonthlyValues)[] Kpis =
    [
        (new KpiDefinition("compost-produced",
            new LocalizedText("Sản lượng phân compost", "堆肥生産量", "Compost produced"), "t",
            new KpiPoint(0, new DateOnly(2025, 1, 1)), new KpiPoint(1200, new DateOnly(2026, 12, 31)),
            KpiAggregation.Incremental),
         [38, 41, 45, 47, 52, 55]),
        (new KpiDefinition("organic-waste-diverted",
            new LocalizedText("Rác hữu cơ được xử lý", "有機廃棄物の転換量", "Organic waste diverted from landfill"), "t",
            new KpiPoint(0, new DateOnly(2025, 1, 1)), new KpiPoint(6000, new DateOnly(2026, 12, 31)),
            KpiAggregation.Incremental),
         [190, 205, 220, 236, 251, 262]),
    ];

    /// <summary>Loads the scenario through the grains.</summary>
    public static async Task LoadAsync(IGrainFactory grains)
    {
        await grains.GetGrain<IPartnershipGrain>(PartnershipId).Create(new PartnershipDefinition(
            new LocalizedText("Hải Phòng – Kitakyushu", "ハイフォン – 北九州", "Hai Phong – Kitakyushu"),
            "hai-phong", "kitakyushu", RelationKind.SisterCity, 2014));

        var pilot = grains.GetGrain<IPilotGrain>(PilotId);
        await pilot.Create(new PilotDefinition(PartnershipId,
            new LocalizedText("Sản xuất phân compost tại Hải Phòng", "ハイフォン市の堆肥化事業", "Compost production in Hai Phong"),
            PilotKind.Compost, ReportingFrequency.Monthly));

        foreach (var (kpi, values) in Kpis)
        {
            var view = await pilot.DefineKpi(kpi);
            if (view.Progress.ReadingCount > 0)
                continue;
            await pilot.RecordReadings(values
                .Select((value, month) => new KpiReadingInput(kpi.Code, new ReportingPeriod(ReportingFrequency.Monthly, 2025, month + 1), value))
                .ToArray());
        }
    }
}
