using Proto = Cooperation.Contracts.Grpc;

namespace Cooperation.Tests.Support;

/// <summary>The ids of a world made through the API.</summary>
/// <param name="FirstCityId">Hai Phong-like city.</param>
/// <param name="SecondCityId">Kitakyushu-like city.</param>
/// <param name="AgencyId">A partner agency.</param>
/// <param name="DonorId">A donor.</param>
/// <param name="PartnershipId">The partnership of the two cities.</param>
/// <param name="ProgrammeId">Its programme.</param>
public sealed record ApiWorld(string FirstCityId, string SecondCityId, string AgencyId, string DonorId, string PartnershipId, string ProgrammeId);

/// <summary>Valid API requests for tests to start from (and vary).</summary>
public static partial class Requests
{
    /// <summary>Creates a Vietnamese city.</summary>
    public static Proto.CreateCityRequest City(string id) => new()
    {
        CityId = id,
        Names = new Proto.LocalizedText { Vi = "Hải Phòng", En = "Hai Phong" },
        CountryCode = "VN",
        TimeZone = "Asia/Ho_Chi_Minh",
    };

    /// <summary>Creates an organisation.</summary>
    public static Proto.CreateOrganisationRequest Organisation(string id, string cityId, Proto.OrganisationKind kind) => new()
    {
        OrganisationId = id,
        Names = new Proto.LocalizedText { En = $"Organisation {id}" },
        Kind = kind,
        CityId = cityId,
    };

    /// <summary>Creates a partnership: friendship 2009, sister cities 2014.</summary>
    public static Proto.CreatePartnershipRequest Partnership(string id, string firstCityId, string secondCityId) => new()
    {
        PartnershipId = id,
        Name = new Proto.LocalizedText { En = "Hai Phong – Kitakyushu", Vi = "Hải Phòng – Kitakyushu" },
        FirstCityId = firstCityId,
        SecondCityId = secondCityId,
        Relations =
        {
            new Proto.RelationStage { Kind = Proto.RelationKind.Friendship, SinceYear = 2009 },
            new Proto.RelationStage { Kind = Proto.RelationKind.SisterCity, SinceYear = 2014 },
        },
    };

    /// <summary>Creates a programme of a partnership.</summary>
    public static Proto.CreateProgrammeRequest Programme(string id, string partnershipId) => new()
    {
        ProgrammeId = id,
        OwnerKind = Proto.ProgrammeOwnerKind.Partnership,
        OwnerId = partnershipId,
        Name = new Proto.LocalizedText { En = "Green Growth Promotion Plan" },
        Start = "2014-01-01",
    };

    /// <summary>Creates a compost pilot of the world, without templates.</summary>
    public static Proto.CreatePilotRequest Pilot(string id, ApiWorld world, Proto.PilotKind kind = Proto.PilotKind.Compost) => new()
    {
        PilotId = id,
        PartnershipId = world.PartnershipId,
        ProgrammeId = world.ProgrammeId,
        Title = new Proto.LocalizedText { Vi = "Sản xuất phân compost", Ja = "堆肥化", En = "Compost production" },
        Kind = kind,
        CityId = world.FirstCityId,
        LeadOrganisationId = world.AgencyId,
        SkipKpiTemplates = true,
    };

    /// <summary>Defines "compost-produced": 0 t → 1,200 t, 2024–2026, incremental.</summary>
    public static Proto.DefineKpiRequest Kpi(string pilotId, string code = "compost-produced") => new()
    {
        Subject = $"pilots/{pilotId}",
        KpiCode = code,
        Name = new Proto.LocalizedText { En = "Compost produced" },
        Unit = "t",
        Direction = Proto.KpiDirection.HigherIsBetter,
        Aggregation = Proto.KpiAggregation.Incremental,
        Baseline = new Proto.KpiPoint { Value = 0, Date = "2024-01-01" },
        Target = new Proto.KpiPoint { Value = 1200, Date = "2026-12-31" },
    };

    /// <summary>Records one reading of "compost-produced".</summary>
    public static Proto.RecordKpiReadingsRequest Reading(string pilotId, string period, double value) => new()
    {
        Subject = $"pilots/{pilotId}",
        Readings = { new Proto.KpiReadingInput { KpiCode = "compost-produced", Period = period, Value = value } },
    };

    /// <summary>
    /// VN_AM003 ver 1.0 with EF 0.9 (2023), η 0.80 → 0.95 (the hand-computed example), and the
    /// Government of Japan 50 %, the Government of Viet Nam 10 %, participants 40 %, governments rounded up.
    /// </summary>
    public static Proto.SetJcmPlanRequest JcmPlan(string pilotId) => new()
    {
        PilotId = pilotId,
        MethodologyId = "VN_AM003",
        MethodologyVersion = "1.0",
        Parameters = { new Proto.MonitoredParameter { Code = "ec-pj", Unit = "MWh", Option = Proto.MonitoringOption.B } },
        Factors =
        {
            new Proto.FixedFactor { Code = "ef-grid", Value = 0.9, Unit = "tCO2/MWh", Source = "Test grid factor", Year = 2023 },
            new Proto.FixedFactor { Code = "eta-re", Value = 0.8, Unit = "-", Source = "Methodology default" },
            new Proto.FixedFactor { Code = "eta-pj", Value = 0.95, Unit = "-", Source = "Manufacturer's specification" },
        },
        CreditShares =
        {
            new Proto.CreditShare { Party = "Government of Japan", Percent = "50", Holder = Proto.CreditHolder.GovernmentOfJapan },
            new Proto.CreditShare { Party = "Government of Viet Nam", Percent = "10", Holder = Proto.CreditHolder.PartnerGovernment },
            new Proto.CreditShare { Party = "Participants", Percent = "40", Holder = Proto.CreditHolder.ProjectParticipant },
        },
        CreditRounding = Proto.CreditRounding.GovernmentsRoundedUp,
    };

    /// <summary>January–June 2025 with 1,200 MWh consumed.</summary>
    public static Proto.RecordMonitoringPeriodRequest MonitoringPeriod(string pilotId) => new()
    {
        PilotId = pilotId, PeriodId = "mp-1", Start = "2025-01-01", End = "2025-06-30",
        Values = { new Proto.MonitoredValue { Code = "ec-pj", Value = 1200 } },
    };
}
