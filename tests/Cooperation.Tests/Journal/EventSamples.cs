using Cooperation.Contracts.Access;
using Cooperation.Contracts.Cities;
using Cooperation.Contracts.Common;
using Cooperation.Contracts.Jcm;
using Cooperation.Contracts.Kpis;
using Cooperation.Contracts.Mous;
using Cooperation.Contracts.Organisations;
using Cooperation.Contracts.Partnerships;
using Cooperation.Contracts.People;
using Cooperation.Contracts.Pilots;
using Cooperation.Contracts.Programmes;
using Cooperation.Contracts.DonorReports;
using Cooperation.Contracts.Submissions;
using Cooperation.Silo.Access;
using Cooperation.Silo.Cities;
using Cooperation.Silo.Journal;
using Cooperation.Silo.Kpis;
using Cooperation.Silo.Mous;
using Cooperation.Silo.Organisations;
using Cooperation.Silo.People;
using Cooperation.Silo.Partnerships;
using Cooperation.Silo.Pilots;
using Cooperation.Silo.Pilots.Jcm;
using Cooperation.Silo.Pilots.Reporting;
using Cooperation.Silo.Programmes;
using Cooperation.Silo.DonorReports;
using Cooperation.Silo.Submissions;

namespace Cooperation.Tests.Journal;

/// <summary>
/// One event of every kind, built from contract values the way grains build them (through the
/// stored records' mapping), with every optional field set so that every stored property
/// appears in its JSON.
/// </summary>
public static class EventSamples
{
    private static readonly DateTimeOffset At = new(2025, 4, 3, 1, 2, 3, 456_789 / 1000, TimeSpan.Zero);

    private static ReportingPeriod Period(string text) => ReportingPeriod.Parse(text, "period");

    /// <summary>A text in the three languages.</summary>
    public static LocalizedText Text { get; } = new("Sản xuất phân hữu cơ", "堆肥製造", "Compost production");

    /// <summary>A KPI with a baseline, a target and a dimension.</summary>
    public static KpiDefinition Kpi { get; } = new("compost-produced", Text, "t", KpiMeasure.Number, KpiDirection.HigherIsBetter,
        KpiAggregation.Incremental, new KpiPoint(120.5, new DateOnly(2024, 12, 31)), new KpiPoint(900, new DateOnly(2026, 12, 31)), ["enterprise"]);

    /// <summary>A stored reading with a breakdown, a ratio's parts and a note.</summary>
    public static StoredKpiReading Reading { get; } = new("compost-produced", Period("2025-03"), 42.25, 169, 4,
        [new BreakdownValue("enterprise", "Công ty A", 30.25), new BreakdownValue("enterprise", "Công ty B", 12)],
        "Weighbridge totals", "hp-urenco", 17, At);

    /// <summary>A milestone's progress, done with evidence.</summary>
    public static MilestoneProgress Progress { get; } = new(MilestoneStatus.Done, new DateOnly(2025, 3, 28), "https://example.org/evidence/1");

    /// <summary>A pilot with a location and participants.</summary>
    public static PilotDefinition Pilot { get; } = new("hp-kitakyushu", "green-growth", Text, PilotKind.Compost, ReportingFrequency.Monthly, "hai-phong",
        "Tràng Cát site", "hp-urenco", ["kitakyushu-city", "ajinomoto"]);

    /// <summary>A funding line with a fraction disbursed.</summary>
    public static FundingLine Line { get; } = new("moej-2025", "moej", Currency.Jpy, 12_500_000m, 3_250_000.5m);

    /// <summary>A milestone as planned.</summary>
    public static MilestoneDefinition Milestone { get; } = new("site-ready", Text, new DateOnly(2025, 6, 30));

    /// <summary>A JCM plan with a metered parameter, a dated factor and two holders.</summary>
    public static JcmMonitoringPlan Plan { get; } = new("VN_AM003", "1.0",
        [new MonitoredParameter("ec-pj", "MWh", MonitoringOption.C, "meter-7", new DateOnly(2024, 11, 2))],
        [new FixedFactor("ef-grid", 0.6592, "tCO2/MWh", "MONRE, Viet Nam grid emission factor 2023", 2023)],
        [new CreditShare("Government of Japan", 50m, CreditHolder.GovernmentOfJapan), new CreditShare("Nam Cau Kien JSC", 50m, CreditHolder.ProjectParticipant)],
        CreditRounding.GovernmentsRoundedUp);

    /// <summary>A computed monitoring period.</summary>
    public static MonitoringResult Result { get; } = new(
        new MonitoringPeriodInput("mp-2024", new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31), [new MonitoredValue("ec-pj", 1250.5)]),
        824.33m, 12.1m, 812.23m, 812,
        [new CreditAllocation("Government of Japan", 406, CreditHolder.GovernmentOfJapan), new CreditAllocation("Nam Cau Kien JSC", 406, CreditHolder.ProjectParticipant)],
        ["rounded down to whole tonnes"], Period("2024-Q4"), Plan);

    /// <summary>A donor's subscription, every field set.</summary>
    public static ReportSubscriptionDefinition Subscription { get; } = new("moej", "MOEJ monthly progress",
        new ReportScope(ReportScopeKind.Pilots, "hp-kitakyushu", ["hp-compost", "jcm-nck-chillers"]),
        new ReportSchedule(ReportCadence.Monthly, "0 7 20 * *", "Asia/Tokyo"),
        ReportLanguage.Ja, ReportFormats.Pdf | ReportFormats.Csv, FigureBasis.Approved, ["reports@example.org"], "https://example.org/hooks/reports");

    /// <summary>Every sample, one per kind.</summary>
    public static IReadOnlyList<IEntityEvent> All { get; } =
    [
        new CredentialIssued("hp-urenco", Role.PartnerAgency, "hai-phong", "URENCO reporting desk", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"),
        new CredentialRevoked("Key left on a shared laptop"),
        new CredentialRegistered("cred-7", "hp-urenco"),

        new AccountInvited(StoredAccountDefinition.Of(new AccountDefinition("lan.nguyen@example.org", "Nguyễn Thị Lan", "hp-dofa", Role.CityOffice, ReportLanguage.Vi)),
            "hai-phong", "5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8", new DateTimeOffset(2026, 3, 17, 9, 30, 0, TimeSpan.Zero)),
        new AccountPasswordSet(TokenPurpose.Invitation, "AQAAAAIAAYagAAAAEOmK3NBbNmFfq0Kc1ZVZ0QmP8V1vx1xkZtZr0sFQ7Jb3kQm9C1qk3s0pA8p6yq1u9A==",
            "0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0"),
        new AccountPasswordResetRequested("2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae", new DateTimeOffset(2026, 4, 2, 1, 0, 0, TimeSpan.Zero)),
        new AccountDisabled("Left the department", "a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90"),
        new AccountEnabled(),
        new AccountLanguageSet(ReportLanguage.Ja),
        new AccountClaimed("lan.nguyen@example.org", "acct-lan", "hp-dofa"),

        new CityCreated(StoredCityDefinition.Of(new CityDefinition(new LocalizedText("Hải Phòng", "ハイフォン", "Hai Phong"), "VN", "Asia/Ho_Chi_Minh"))),
        new CityIndexRecorded(StoredCompositeIndex.Of(new CompositeIndex("pgi", new LocalizedText("Chỉ số xanh cấp tỉnh", "省グリーン指数", "Provincial Green Index"), 2024,
            [new IndexComponent("env", Text, 8.25), new IndexComponent("energy", Text, 6.5)]))),
        new CityPartnershipAttached("hp-kitakyushu"),
        new CityProgrammeAttached("green-growth"),

        new OrganisationCreated(StoredOrganisationDefinition.Of(new OrganisationDefinition(Text, OrganisationKind.Enterprise, "hai-phong", ReportLanguage.Vi))),
        new OrganisationContactsSet(StoredOrganisationContacts.Of(new OrganisationContacts(["ops@example.org"], [NoticeKind.DueReminders], ReportLanguage.Ja))),

        new PartnershipCreated(StoredPartnershipDefinition.Of(new PartnershipDefinition(Text, "hai-phong", "kitakyushu",
            [new RelationStage(RelationKind.Friendship, 2009), new RelationStage(RelationKind.SisterCity, 2014)]))),
        new PartnershipMemberSet(StoredPartnershipMember.Of(new PartnershipMember("hp-urenco", PartnershipRole.Implementer))),
        new ProgrammeAttached("green-growth"),
        new PilotAttached("hp-compost"),
        new MouAttached("mou-2024"),

        new ProgrammeCreated(StoredProgrammeDefinition.Of(new ProgrammeDefinition(ProgrammeOwnerKind.Partnership, "hp-kitakyushu", Text,
            new DateOnly(2024, 1, 1), new DateOnly(2030, 12, 31), ReportingFrequency.Quarterly, 20)), "Asia/Ho_Chi_Minh", ["hai-phong", "kitakyushu"]),

        new KpiDefined(StoredKpi.Of(Kpi)),
        new KpiUpdated(StoredKpi.Of(Kpi with { Target = new KpiPoint(1000, new DateOnly(2027, 6, 30)) })),
        new ReadingsRecorded(StoredReading.Of([Reading])),

        new PilotCreated(StoredPilotDefinition.Of(Pilot), "Asia/Ho_Chi_Minh", StoredKpi.Of([Kpi]), ["hai-phong", "kitakyushu"], 15),
        new PilotStatusChanged(PilotStatus.Approved, PilotStatus.Suspended, "Awaiting the provincial budget", new DateOnly(2025, 3, 1)),
        new FundingLineSet(StoredFundingLine.Of(Line)),
        new MilestoneAdded(StoredMilestone.Of(Milestone)),
        new MilestoneReported("site-ready", StoredMilestoneProgress.Of(Progress)),
        new MilestonesFoundOverdue(["site-ready", "first-batch"]),
        new UpdateSubmitted(Period("2025-03"), StoredReading.Of([Reading]), [StoredMilestoneReport.Of(new MilestoneReport("site-ready", Progress))], "One truck was out of service", Late: true, Historical: true),
        new PeriodReviewed(Period("2025-03"), ReviewDecision.Approve, "Checked against the weighbridge slips", StoredReading.Of([Reading]), Historical: true),

        new JcmPlanSet(StoredMonitoringPlan.Of(Plan)),
        new MonitoringPeriodRecorded(StoredMonitoringResult.Of(Result), StoredReading.Of([Reading with { KpiCode = "emission-reductions", Breakdown = [] }])),
        new JcmVerifierAppointed("jqa"),
        new MonitoringPeriodReviewed("mp-2024", ReviewDecision.Return, "The meter's calibration certificate is missing"),

        new MouCreated(StoredMouDefinition.Of(new MouDefinition("hp-kitakyushu", Text, ["hai-phong-pc", "kitakyushu-city"], "Cooperation on green growth",
            ["hp-compost"], new DateOnly(2024, 4, 1), new DateOnly(2029, 3, 31))), "Asia/Ho_Chi_Minh", ["hai-phong", "kitakyushu"]),
        new MouSigned(StoredSignature.Of(new Signature("hai-phong-pc", new DateOnly(2024, 3, 15)))),
        new MouTerminated("Superseded by the 2029 MoU"),
        new CommitmentAdded(StoredCommitment.Of(new CommitmentDefinition("training", "Train 40 engineers", "kitakyushu-city", new DateOnly(2025, 9, 30)))),
        new CommitmentStatusSet("training", CommitmentStatus.Done),
        new CommitmentsFoundOverdue(["training", "study-tour"]),

        new ReportSubscriptionCreated("monthly", StoredSubscriptionDefinition.Of(Subscription), "whs-3"),
        new ReportSubscriptionSecretRotated("monthly", "whs-4"),
        new ReportSubscriptionChanged("monthly", StoredSubscriptionDefinition.Of(Subscription with { Title = "MOEJ quarterly progress" })),
        new ReportSubscriptionPaused("monthly", true),
        new ReportSubscriptionDeleted("monthly"),

        new ReadingsImported("5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8", StoredImportResult.Of(new ReadingImportResult(12, 11,
            [new RowRejection(7, "value", "must be a number")], [new ImportedPeriod("hp-compost", Period("2025-03"), 11, false)], true, At, false))),
    ];
}
