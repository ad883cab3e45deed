using Proto = Cooperation.Contracts.Grpc;

namespace Cooperation.Tests.Support;

/// <summary>Valid API requests for tests to start from (and vary).</summary>
public static class Requests
{
    /// <summary>Creates Hai Phong – Kitakyushu under <paramref name="id"/>.</summary>
    public static Proto.CreatePartnershipRequest Partnership(string id) => new()
    {
        PartnershipId = id,
        Name = new Proto.LocalizedText { En = "Hai Phong – Kitakyushu", Vi = "Hải Phòng – Kitakyushu" },
        FirstCityId = "hai-phong",
        SecondCityId = "kitakyushu",
        Relation = Proto.RelationKind.SisterCity,
        SinceYear = 2014,
    };

    /// <summary>Creates a compost pilot.</summary>
    public static Proto.CreatePilotRequest Pilot(string id, string partnershipId) => new()
    {
        PilotId = id,
        PartnershipId = partnershipId,
        Title = new Proto.LocalizedText { Vi = "Sản xuất phân compost", Ja = "堆肥化", En = "Compost production" },
        Kind = Proto.PilotKind.Compost,
    };

    /// <summary>Defines "compost-produced": 0 t → 1,200 t, 2024–2026, incremental.</summary>
    public static Proto.DefineKpiRequest Kpi(string pilotId, string code = "compost-produced") => new()
    {
        PilotId = pilotId,
        KpiCode = code,
        Name = new Proto.LocalizedText { En = "Compost produced" },
        Unit = "t",
        Baseline = new Proto.KpiPoint { Value = 0, Date = "2024-01-01" },
        Target = new Proto.KpiPoint { Value = 1200, Date = "2026-12-31" },
        Aggregation = Proto.KpiAggregation.Incremental,
    };

    /// <summary>Records one reading of "compost-produced".</summary>
    public static Proto.RecordKpiReadingsRequest Reading(string pilotId, string period, double value) => new()
    {
        PilotId = pilotId,
        Readings = { new Proto.KpiReadingInput { KpiCode = "compost-produced", Period = period, Value = value } },
    };
}
