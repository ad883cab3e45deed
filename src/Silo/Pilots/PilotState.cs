using Cooperation.Contracts.Common;
using Cooperation.Contracts.Jcm;
using Cooperation.Contracts.Kpis;
using Cooperation.Contracts.Pilots;
using Cooperation.Contracts.Submissions;
using Cooperation.Silo.Kpis;
using Cooperation.Silo.Pilots.Milestones;

namespace Cooperation.Silo.Pilots;

/// <summary>
/// A pilot's state: the fold of its events (<see cref="PilotEvents"/>), kept as a snapshot in
/// grain storage. Readings are not part of it: they live in the reading history, summarised in
/// memory by the grain's <see cref="Kpis.Readings.KpiReadingLedger"/>.
/// </summary>
[GenerateSerializer, Alias("coop.PilotState")]
internal sealed record PilotState : IKpiSubjectState<PilotState>
{
    /// <summary>What was stated at creation; null until created.</summary>
    [Id(0)] public PilotDefinition? Definition { get; init; }

    /// <summary>KPIs in definition order.</summary>
    [Id(1)] public ValueList<KpiDefinition> Kpis { get; init; } = [];

    /// <summary>When it was created.</summary>
    [Id(2)] public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Time zone of the pilot's city, copied at creation: due dates pass in it.</summary>
    [Id(3)] public string TimeZone { get; init; } = "UTC";

    /// <summary>Where it is in its life.</summary>
    [Id(4)] public PilotStatus Status { get; init; } = PilotStatus.Proposed;

    /// <summary>Every status move, oldest first.</summary>
    [Id(5)] public ValueList<StatusChange> StatusHistory { get; init; } = [];

    /// <summary>Funding lines.</summary>
    [Id(6)] public ValueList<FundingLine> FundingLines { get; init; } = [];

    /// <summary>Milestones in the order added.</summary>
    [Id(7)] public ValueList<MilestoneRecord> Milestones { get; init; } = [];

    /// <summary>JCM monitoring plan, if set.</summary>
    [Id(8)] public JcmMonitoringPlan? JcmPlan { get; init; }

    /// <summary>Computed monitoring periods, in the order recorded.</summary>
    [Id(9)] public ValueList<MonitoringResult> JcmPeriods { get; init; } = [];

    /// <summary>Its partnership's cities, whose offices manage it.</summary>
    [Id(10)] public ValueList<string> PartnershipCityIds { get; init; } = [];

    /// <summary>Days after a period ends that updates for it are on time (from its programme).</summary>
    [Id(11)] public int SubmissionWindowDays { get; init; } = SubmissionWindow.DefaultDays;

    /// <summary>Reporting periods that have been submitted or reviewed, in period order.</summary>
    [Id(12)] public ValueList<PeriodReview> Reviews { get; init; } = [];

    /// <summary>The organisation appointed to verify JCM monitoring periods, if any.</summary>
    [Id(13)] public string? JcmVerifierId { get; init; }

    /// <summary>Each JCM monitoring period's verification, in the order recorded.</summary>
    [Id(14)] public ValueList<MonitoringVerification> JcmVerifications { get; init; } = [];

    /// <inheritdoc/>
    public PilotState WithKpis(ValueList<KpiDefinition> kpis) => this with { Kpis = kpis };
}
