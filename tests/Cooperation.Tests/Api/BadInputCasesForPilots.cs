using Cooperation.Tests.Support;
using Grpc.Core;
using static Cooperation.Tests.Api.BadInputCase;
using Proto = Cooperation.Contracts.Grpc;

namespace Cooperation.Tests.Api;

/// <summary>Bad input for the pilot, KPI, JCM and MoU RPCs. Keys start with the RPC's name.</summary>
public static class BadInputCasesForPilots
{
    private static Proto.RecordKpiReadingsRequest Reading(BadInputWorld w, string period, double value) => Requests.Reading(w.PilotId, period, value);

    /// <summary>The cases.</summary>
    public static readonly Dictionary<string, BadInputCase> All = new()
    {
        ["CreatePilot: empty id"] = Case((a, w) => a.Pilots.CreatePilotAsync(Requests.Pilot("", w.World)).ResponseAsync, Invalid, "pilot_id"),
        ["CreatePilot: numeric id"] = Case((a, w) => a.Pilots.CreatePilotAsync(Requests.Pilot("0123", w.World)).ResponseAsync, Invalid, "pilot_id"),
        ["CreatePilot: no title"] = Case((a, w) => a.Pilots.CreatePilotAsync(With(Requests.Pilot(w.NewId, w.World), r => r.Title = new() { En = " " })).ResponseAsync, Invalid, "title"),
        ["CreatePilot: no kind"] = Case((a, w) => a.Pilots.CreatePilotAsync(Requests.Pilot(w.NewId, w.World, Proto.PilotKind.Unspecified)).ResponseAsync, Invalid, "kind"),
        ["CreatePilot: unknown kind"] = Case((a, w) => a.Pilots.CreatePilotAsync(Requests.Pilot(w.NewId, w.World, (Proto.PilotKind)99)).ResponseAsync, Invalid, "kind"),
        ["CreatePilot: unknown frequency"] = Case((a, w) => a.Pilots.CreatePilotAsync(With(Requests.Pilot(w.NewId, w.World), r => r.ReportingFrequency = (Proto.ReportingFrequency)7)).ResponseAsync, Invalid, "reporting_frequency"),
        ["CreatePilot: unknown partnership"] = Case((a, w) => a.Pilots.CreatePilotAsync(With(Requests.Pilot(w.NewId, w.World), r => r.PartnershipId = "nowhere-" + w.NewId)).ResponseAsync, NotFound),
        ["CreatePilot: foreign programme"] = Case((a, w) => a.Pilots.CreatePilotAsync(With(Requests.Pilot(w.NewId, w.World), r => r.ProgrammeId = "elsewhere-" + w.NewId)).ResponseAsync, NotFound),
        ["CreatePilot: city outside the partnership"] = Case((a, w) => a.Pilots.CreatePilotAsync(With(Requests.Pilot(w.NewId, w.World), r => r.CityId = "elsewhere-" + w.NewId)).ResponseAsync, Invalid, "city_id"),
        ["CreatePilot: unknown lead"] = Case((a, w) => a.Pilots.CreatePilotAsync(With(Requests.Pilot(w.NewId, w.World), r => r.LeadOrganisationId = "nobody-" + w.NewId)).ResponseAsync, NotFound),
        ["CreatePilot: id taken"] = Case((a, w) => a.Pilots.CreatePilotAsync(Requests.Pilot(w.PilotId, w.World, Proto.PilotKind.RooftopSolar)).ResponseAsync, Exists),
        ["GetPilot: empty id"] = Case((a, w) => a.Pilots.GetPilotAsync(new()).ResponseAsync, Invalid, "pilot_id"),
        ["GetPilot: unknown"] = Case((a, w) => a.Pilots.GetPilotAsync(new() { PilotId = w.NewId }).ResponseAsync, NotFound),
        ["ChangePilotStatus: no status"] = Case((a, w) => a.Pilots.ChangePilotStatusAsync(new() { PilotId = w.PilotId }).ResponseAsync, Invalid, "status"),
        ["ChangePilotStatus: not allowed"] = Case((a, w) => a.Pilots.ChangePilotStatusAsync(new() { PilotId = w.PilotId, Status = Proto.PilotStatus.Completed }).ResponseAsync, Precondition),
        ["ChangePilotStatus: no reason"] = Case((a, w) => a.Pilots.ChangePilotStatusAsync(new() { PilotId = w.PilotId, Status = Proto.PilotStatus.Cancelled }).ResponseAsync, Invalid, "reason"),
        ["ChangePilotStatus: unknown pilot"] = Case((a, w) => a.Pilots.ChangePilotStatusAsync(new() { PilotId = w.NewId, Status = Proto.PilotStatus.Approved }).ResponseAsync, NotFound),
        ["SetFundingLine: bad amount"] = Case((a, w) => a.Pilots.SetFundingLineAsync(Funding(w, committed: "1,000")).ResponseAsync, Invalid, "committed"),
        ["SetFundingLine: disbursed above committed"] = Case((a, w) => a.Pilots.SetFundingLineAsync(Funding(w, disbursed: "2000")).ResponseAsync, Invalid, "disbursed"),
        ["SetFundingLine: no currency"] = Case((a, w) => a.Pilots.SetFundingLineAsync(With(Funding(w), r => r.Currency = Proto.Currency.Unspecified)).ResponseAsync, Invalid, "currency"),
        ["SetFundingLine: not a donor"] = Case((a, w) => a.Pilots.SetFundingLineAsync(With(Funding(w), r => r.DonorOrganisationId = w.World.AgencyId)).ResponseAsync, Invalid, "donor_organisation_id"),
        ["SetFundingLine: unknown donor"] = Case((a, w) => a.Pilots.SetFundingLineAsync(With(Funding(w), r => r.DonorOrganisationId = w.NewId)).ResponseAsync, NotFound),
        ["AddMilestone: empty id"] = Case((a, w) => a.Pilots.AddMilestoneAsync(Milestone(w, "")).ResponseAsync, Invalid, "milestone_id"),
        ["AddMilestone: bad date"] = Case((a, w) => a.Pilots.AddMilestoneAsync(With(Milestone(w, w.NewId), r => r.PlannedDate = "30/06/2026")).ResponseAsync, Invalid, "planned_date"),
        ["AddMilestone: id taken"] = Case((a, w) => a.Pilots.AddMilestoneAsync(Milestone(w, "m1")).ResponseAsync, Exists),
        ["AddMilestone: unknown pilot"] = Case((a, w) => a.Pilots.AddMilestoneAsync(With(Milestone(w, w.NewId), r => r.PilotId = w.NewId)).ResponseAsync, NotFound),
        ["UpdateMilestone: unknown milestone"] = Case((a, w) => a.Pilots.UpdateMilestoneAsync(new() { PilotId = w.PilotId, MilestoneId = w.NewId, Status = Proto.MilestoneStatus.InProgress }).ResponseAsync, NotFound),
        ["UpdateMilestone: done without date"] = Case((a, w) => a.Pilots.UpdateMilestoneAsync(new() { PilotId = w.PilotId, MilestoneId = "m1", Status = Proto.MilestoneStatus.Done }).ResponseAsync, Invalid, "actual_date"),
        ["UpdateMilestone: done in the future"] = Case((a, w) => a.Pilots.UpdateMilestoneAsync(new() { PilotId = w.PilotId, MilestoneId = "m1", Status = Proto.MilestoneStatus.Done, ActualDate = "2999-01-01" }).ResponseAsync, Invalid, "actual_date"),
        ["UpdateMilestone: bad link"] = Case((a, w) => a.Pilots.UpdateMilestoneAsync(new() { PilotId = w.PilotId, MilestoneId = "m1", Status = Proto.MilestoneStatus.InProgress, EvidenceLink = "photo.jpg" }).ResponseAsync, Invalid, "evidence_link"),
        ["UpdateMilestone: no status"] = Case((a, w) => a.Pilots.UpdateMilestoneAsync(new() { PilotId = w.PilotId, MilestoneId = "m1" }).ResponseAsync, Invalid, "status"),

        ["DefineKpi: bad subject"] = Case((a, w) => a.Kpis.DefineKpiAsync(With(Requests.Kpi(w.PilotId, "new-kpi"), r => r.Subject = w.PilotId)).ResponseAsync, Invalid, "subject"),
        ["DefineKpi: unknown pilot"] = Case((a, w) => a.Kpis.DefineKpiAsync(Requests.Kpi(w.NewId)).ResponseAsync, NotFound),
        ["DefineKpi: unknown programme"] = Case((a, w) => a.Kpis.DefineKpiAsync(With(Requests.Kpi(w.NewId), r => r.Subject = $"programmes/{w.NewId}")).ResponseAsync, NotFound),
        ["DefineKpi: empty code"] = Case((a, w) => a.Kpis.DefineKpiAsync(Requests.Kpi(w.PilotId, "")).ResponseAsync, Invalid, "kpi_code"),
        ["DefineKpi: NaN baseline"] = Case((a, w) => a.Kpis.DefineKpiAsync(With(Requests.Kpi(w.PilotId, "new-kpi"), r => r.Baseline.Value = double.NaN)).ResponseAsync, Invalid, "baseline.value"),
        ["DefineKpi: infinite target"] = Case((a, w) => a.Kpis.DefineKpiAsync(With(Requests.Kpi(w.PilotId, "new-kpi"), r => r.Target.Value = double.PositiveInfinity)).ResponseAsync, Invalid, "target.value"),
        ["DefineKpi: target equals baseline"] = Case((a, w) => a.Kpis.DefineKpiAsync(With(Requests.Kpi(w.PilotId, "new-kpi"), r => r.Target.Value = 0)).ResponseAsync, Invalid, "target.value"),
        ["DefineKpi: target before baseline"] = Case((a, w) => a.Kpis.DefineKpiAsync(With(Requests.Kpi(w.PilotId, "new-kpi"), r => r.Target.Date = "2023-12-31")).ResponseAsync, Invalid, "target.date"),
        ["DefineKpi: bad date"] = Case((a, w) => a.Kpis.DefineKpiAsync(With(Requests.Kpi(w.PilotId, "new-kpi"), r => r.Baseline.Date = "01/01/2024")).ResponseAsync, Invalid, "baseline.date"),
        ["DefineKpi: no unit"] = Case((a, w) => a.Kpis.DefineKpiAsync(With(Requests.Kpi(w.PilotId, "new-kpi"), r => r.Unit = "")).ResponseAsync, Invalid, "unit"),
        ["DefineKpi: no direction"] = Case((a, w) => a.Kpis.DefineKpiAsync(With(Requests.Kpi(w.PilotId, "new-kpi"), r => r.Direction = Proto.KpiDirection.Unspecified)).ResponseAsync, Invalid, "direction"),
        ["DefineKpi: no aggregation"] = Case((a, w) => a.Kpis.DefineKpiAsync(With(Requests.Kpi(w.PilotId, "new-kpi"), r => r.Aggregation = Proto.KpiAggregation.Unspecified)).ResponseAsync, Invalid, "aggregation"),
        ["DefineKpi: code taken"] = Case((a, w) => a.Kpis.DefineKpiAsync(With(Requests.Kpi(w.PilotId), r => r.Unit = "kg")).ResponseAsync, Exists),
        ["UpdateKpi: unknown KPI"] = Case((a, w) => a.Kpis.UpdateKpiAsync(Requests.Kpi(w.PilotId, "unknown")).ResponseAsync, NotFound),
        ["UpdateKpi: unit of a KPI with readings"] = Case((a, w) => a.Kpis.UpdateKpiAsync(With(Requests.Kpi(w.PilotId), r => r.Unit = "kg")).ResponseAsync, Precondition),
        ["UpdateKpi: bad subject"] = Case((a, w) => a.Kpis.UpdateKpiAsync(With(Requests.Kpi(w.PilotId), r => r.Subject = "cities/x")).ResponseAsync, Invalid, "subject"),
        ["RecordKpiReadings: unknown pilot"] = Case((a, w) => a.Kpis.RecordKpiReadingsAsync(Requests.Reading(w.NewId, "2025-01", 1)).ResponseAsync, NotFound),
        ["RecordKpiReadings: bad subject"] = Case((a, w) => a.Kpis.RecordKpiReadingsAsync(With(Reading(w, "2025-01", 1), r => r.Subject = "")).ResponseAsync, Invalid, "subject"),
        ["RecordKpiReadings: none"] = Case((a, w) => a.Kpis.RecordKpiReadingsAsync(new() { Subject = $"pilots/{w.PilotId}" }).ResponseAsync, Invalid, "readings"),
        ["RecordKpiReadings: too many"] = Case((a, w) => a.Kpis.RecordKpiReadingsAsync(With(Reading(w, "2025-01", 1), r => r.Readings.AddRange(Enumerable.Repeat(r.Readings[0], 1000)))).ResponseAsync, Invalid, "readings"),
        ["RecordKpiReadings: NaN"] = Case((a, w) => a.Kpis.RecordKpiReadingsAsync(Reading(w, "2025-01", double.NaN)).ResponseAsync, Invalid, "readings[0].value"),
        ["RecordKpiReadings: infinity"] = Case((a, w) => a.Kpis.RecordKpiReadingsAsync(Reading(w, "2025-01", double.NegativeInfinity)).ResponseAsync, Invalid, "readings[0].value"),
        ["RecordKpiReadings: huge value"] = Case((a, w) => a.Kpis.RecordKpiReadingsAsync(Reading(w, "2025-01", 1e300)).ResponseAsync, Invalid, "readings[0].value"),
        ["RecordKpiReadings: no value"] = Case((a, w) => a.Kpis.RecordKpiReadingsAsync(With(Reading(w, "2025-01", 1), r => r.Readings[0].ClearValue())).ResponseAsync, Invalid, "readings[0].value"),
        ["RecordKpiReadings: ratio parts on a number"] = Case((a, w) => a.Kpis.RecordKpiReadingsAsync(With(Reading(w, "2025-01", 1), r => r.Readings[0].Denominator = 2)).ResponseAsync, Invalid, "readings[0].numerator"),
        ["RecordKpiReadings: year out of range"] = Case((a, w) => a.Kpis.RecordKpiReadingsAsync(Reading(w, "3000-01", 1)).ResponseAsync, Invalid, "readings[0].period"),
        ["RecordKpiReadings: malformed period"] = Case((a, w) => a.Kpis.RecordKpiReadingsAsync(Reading(w, "2025-13", 1)).ResponseAsync, Invalid, "readings[0].period"),
        ["RecordKpiReadings: future period"] = Case((a, w) => a.Kpis.RecordKpiReadingsAsync(Reading(w, "2999-01", 1)).ResponseAsync, Invalid, "readings[0].period"),
        ["RecordKpiReadings: quarter on a monthly pilot"] = Case((a, w) => a.Kpis.RecordKpiReadingsAsync(Reading(w, "2025-Q1", 1)).ResponseAsync, Invalid, "readings[0].period"),
        ["RecordKpiReadings: unknown KPI"] = Case((a, w) => a.Kpis.RecordKpiReadingsAsync(With(Reading(w, "2025-01", 1), r => r.Readings[0].KpiCode = "unknown")).ResponseAsync, Invalid, "readings[0].kpi_code"),
        ["RecordKpiReadings: breakdown without dimensions"] = Case((a, w) => a.Kpis.RecordKpiReadingsAsync(With(Reading(w, "2025-01", 1), r => r.Readings[0].Breakdown.Add(new Proto.BreakdownValue { Dimension = "sector", Category = "x", Value = 1 }))).ResponseAsync, Invalid, "readings[0].breakdown[0].dimension"),
        ["RecordKpiReadings: second of two bad"] = Case((a, w) => a.Kpis.RecordKpiReadingsAsync(With(Reading(w, "2025-01", 1), r => r.Readings.Add(new Proto.KpiReadingInput { KpiCode = "compost-produced", Period = "2025-02", Value = double.NaN }))).ResponseAsync, Invalid, "readings[1].value"),
        ["GetKpiSeries: empty code"] = Case((a, w) => a.Kpis.GetKpiSeriesAsync(new() { Subject = $"pilots/{w.PilotId}" }).ResponseAsync, Invalid, "kpi_code"),
        ["GetKpiSeries: unknown KPI"] = Case((a, w) => a.Kpis.GetKpiSeriesAsync(new() { Subject = $"pilots/{w.PilotId}", KpiCode = "unknown" }).ResponseAsync, NotFound),
        ["GetKpiSeries: unknown pilot"] = Case((a, w) => a.Kpis.GetKpiSeriesAsync(new() { Subject = $"pilots/{w.NewId}", KpiCode = "compost-produced" }).ResponseAsync, NotFound),
        ["ListKpiTemplates: unknown kind"] = Case((a, w) => a.Kpis.ListKpiTemplatesAsync(new() { Kind = (Proto.PilotKind)99 }).ResponseAsync, Invalid, "kind"),

        ["SetJcmPlan: not a JCM pilot"] = Case((a, w) => a.Jcm.SetJcmPlanAsync(Requests.JcmPlan(w.PilotId)).ResponseAsync, Precondition),
        ["SetJcmPlan: unknown methodology"] = Case((a, w) => a.Jcm.SetJcmPlanAsync(With(Requests.JcmPlan(w.JcmPilotId), r => r.MethodologyId = "VN_AM999")).ResponseAsync, Invalid, "methodology_id"),
        ["SetJcmPlan: shares not 100"] = Case((a, w) => a.Jcm.SetJcmPlanAsync(With(Requests.JcmPlan(w.JcmPilotId), r => r.CreditShares[1].Percent = "40")).ResponseAsync, Invalid, "credit_shares"),
        ["SetJcmPlan: bad percent"] = Case((a, w) => a.Jcm.SetJcmPlanAsync(With(Requests.JcmPlan(w.JcmPilotId), r => r.CreditShares[0].Percent = "half")).ResponseAsync, Invalid, "credit_shares[0].percent"),
        ["SetJcmPlan: factor without source"] = Case((a, w) => a.Jcm.SetJcmPlanAsync(With(Requests.JcmPlan(w.JcmPilotId), r => r.Factors[1].Source = "")).ResponseAsync, Invalid, "factors[1].source"),
        ["SetJcmPlan: grid factor without year"] = Case((a, w) => a.Jcm.SetJcmPlanAsync(With(Requests.JcmPlan(w.JcmPilotId), r => r.Factors[0].Year = 0)).ResponseAsync, Invalid, "factors[0].year"),
        ["SetJcmPlan: share without holder"] = Case((a, w) => a.Jcm.SetJcmPlanAsync(With(Requests.JcmPlan(w.JcmPilotId), r => r.CreditShares[2].Holder = Proto.CreditHolder.Unspecified)).ResponseAsync, Invalid, "credit_shares[2].holder"),
        ["SetJcmPlan: no rounding rule"] = Case((a, w) => a.Jcm.SetJcmPlanAsync(With(Requests.JcmPlan(w.JcmPilotId), r => r.CreditRounding = Proto.CreditRounding.Unspecified)).ResponseAsync, Invalid, "credit_rounding"),
        ["SetJcmPlan: missing factor"] = Case((a, w) => a.Jcm.SetJcmPlanAsync(With(Requests.JcmPlan(w.JcmPilotId), r => r.Factors.RemoveAt(2))).ResponseAsync, Invalid, "factors"),
        ["SetJcmPlan: unknown pilot"] = Case((a, w) => a.Jcm.SetJcmPlanAsync(Requests.JcmPlan(w.NewId)).ResponseAsync, NotFound),
        ["RecordMonitoringPeriod: no plan"] = Case((a, w) => a.Jcm.RecordMonitoringPeriodAsync(Requests.MonitoringPeriod(w.PilotId)).ResponseAsync, Precondition),
        ["RecordMonitoringPeriod: future end"] = Case((a, w) => a.Jcm.RecordMonitoringPeriodAsync(With(Requests.MonitoringPeriod(w.JcmPilotId), r => r.End = "2999-06-30")).ResponseAsync, Invalid, "end"),
        ["RecordMonitoringPeriod: end before start"] = Case((a, w) => a.Jcm.RecordMonitoringPeriodAsync(With(Requests.MonitoringPeriod(w.JcmPilotId), r => r.End = "2024-12-31")).ResponseAsync, Invalid, "end"),
        ["RecordMonitoringPeriod: missing value"] = Case((a, w) => a.Jcm.RecordMonitoringPeriodAsync(With(Requests.MonitoringPeriod(w.JcmPilotId), r => r.Values.Clear())).ResponseAsync, Invalid, "values"),
        ["RecordMonitoringPeriod: unknown parameter"] = Case((a, w) => a.Jcm.RecordMonitoringPeriodAsync(With(Requests.MonitoringPeriod(w.JcmPilotId), r => r.Values.Add(new Proto.MonitoredValue { Code = "fuel", Value = 1 }))).ResponseAsync, Invalid, "values[1].code"),
        ["RecordMonitoringPeriod: unknown pilot"] = Case((a, w) => a.Jcm.RecordMonitoringPeriodAsync(Requests.MonitoringPeriod(w.NewId)).ResponseAsync, NotFound),
        ["RecordMonitoringPeriod: bad date"] = Case((a, w) => a.Jcm.RecordMonitoringPeriodAsync(With(Requests.MonitoringPeriod(w.JcmPilotId), r => r.Start = "")).ResponseAsync, Invalid, "start"),
        ["GetJcmMonitoring: not a JCM pilot"] = Case((a, w) => a.Jcm.GetJcmMonitoringAsync(new() { PilotId = w.PilotId }).ResponseAsync, Precondition),
        ["GetJcmMonitoring: unknown"] = Case((a, w) => a.Jcm.GetJcmMonitoringAsync(new() { PilotId = w.NewId }).ResponseAsync, NotFound),

        ["CreateMou: one party"] = Case((a, w) => a.Mous.CreateMouAsync(With(BadInputWorld.Mou(w.NewId, w.World), r => r.PartyOrganisationIds.RemoveAt(1))).ResponseAsync, Invalid, "party_organisation_ids"),
        ["CreateMou: expiry before effective"] = Case((a, w) => a.Mous.CreateMouAsync(With(BadInputWorld.Mou(w.NewId, w.World), r => r.ExpiryDate = "2023-12-31")).ResponseAsync, Invalid, "expiry_date"),
        ["CreateMou: foreign pilot"] = Case((a, w) => a.Mous.CreateMouAsync(With(BadInputWorld.Mou(w.NewId, w.World), r => r.LinkedPilotIds.Add("foreign-" + w.NewId))).ResponseAsync, Invalid, "linked_pilot_ids[0]"),
        ["CreateMou: unknown party"] = Case((a, w) => a.Mous.CreateMouAsync(With(BadInputWorld.Mou(w.NewId, w.World), r => r.PartyOrganisationIds[1] = "nobody-" + w.NewId)).ResponseAsync, NotFound),
        ["CreateMou: unknown partnership"] = Case((a, w) => a.Mous.CreateMouAsync(With(BadInputWorld.Mou(w.NewId, w.World), r => r.PartnershipId = "nowhere-" + w.NewId)).ResponseAsync, NotFound),
        ["CreateMou: no scope"] = Case((a, w) => a.Mous.CreateMouAsync(With(BadInputWorld.Mou(w.NewId, w.World), r => r.Scope = " ")).ResponseAsync, Invalid, "scope"),
        ["CreateMou: id taken"] = Case((a, w) => a.Mous.CreateMouAsync(With(BadInputWorld.Mou(w.MouId, w.World), r => r.Scope = "Other.")).ResponseAsync, Exists),
        ["GetMou: empty id"] = Case((a, w) => a.Mous.GetMouAsync(new()).ResponseAsync, Invalid, "mou_id"),
        ["GetMou: unknown"] = Case((a, w) => a.Mous.GetMouAsync(new() { MouId = w.NewId }).ResponseAsync, NotFound),
        ["SignMou: not a party"] = Case((a, w) => a.Mous.SignMouAsync(new() { MouId = w.MouId, OrganisationId = w.NewId, SignedOn = "2024-01-01" }).ResponseAsync, Invalid, "organisation_id"),
        ["SignMou: in the future"] = Case((a, w) => a.Mous.SignMouAsync(new() { MouId = w.MouId, OrganisationId = w.World.AgencyId, SignedOn = "2999-01-01" }).ResponseAsync, Invalid, "signed_on"),
        ["SignMou: bad date"] = Case((a, w) => a.Mous.SignMouAsync(new() { MouId = w.MouId, OrganisationId = w.World.AgencyId }).ResponseAsync, Invalid, "signed_on"),
        ["SignMou: unknown MoU"] = Case((a, w) => a.Mous.SignMouAsync(new() { MouId = w.NewId, OrganisationId = w.World.AgencyId, SignedOn = "2024-01-01" }).ResponseAsync, NotFound),
        ["TerminateMou: no reason"] = Case((a, w) => a.Mous.TerminateMouAsync(new() { MouId = w.MouId }).ResponseAsync, Invalid, "reason"),
        ["TerminateMou: unknown"] = Case((a, w) => a.Mous.TerminateMouAsync(new() { MouId = w.NewId, Reason = "x" }).ResponseAsync, NotFound),
        ["AddCommitment: owner not a party"] = Case((a, w) => a.Mous.AddCommitmentAsync(Commitment(w, owner: w.NewId)).ResponseAsync, Invalid, "owner_organisation_id"),
        ["AddCommitment: bad due date"] = Case((a, w) => a.Mous.AddCommitmentAsync(With(Commitment(w), r => r.DueDate = "soon")).ResponseAsync, Invalid, "due_date"),
        ["AddCommitment: no text"] = Case((a, w) => a.Mous.AddCommitmentAsync(With(Commitment(w), r => r.Text = "")).ResponseAsync, Invalid, "text"),
        ["AddCommitment: id taken"] = Case((a, w) => a.Mous.AddCommitmentAsync(With(Commitment(w), r => r.CommitmentId = "c1")).ResponseAsync, Exists),
        ["SetCommitmentStatus: unknown commitment"] = Case((a, w) => a.Mous.SetCommitmentStatusAsync(new() { MouId = w.MouId, CommitmentId = w.NewId, Status = Proto.CommitmentStatus.Done }).ResponseAsync, NotFound),
        ["SetCommitmentStatus: no status"] = Case((a, w) => a.Mous.SetCommitmentStatusAsync(new() { MouId = w.MouId, CommitmentId = "c1" }).ResponseAsync, Invalid, "status"),
    };

    private static Proto.SetFundingLineRequest Funding(BadInputWorld w, string committed = "1000", string disbursed = "0") => new()
    {
        PilotId = w.PilotId, LineId = "line", DonorOrganisationId = w.World.DonorId, Currency = Proto.Currency.Usd, Committed = committed, Disbursed = disbursed,
    };

    private static Proto.AddMilestoneRequest Milestone(BadInputWorld w, string id) =>
        new() { PilotId = w.PilotId, MilestoneId = id, Title = new() { En = "Milestone" }, PlannedDate = "2026-01-31" };

    private static Proto.AddCommitmentRequest Commitment(BadInputWorld w, string? owner = null) => new()
    {
        MouId = w.MouId, CommitmentId = "c2", Text = "Report.", OwnerOrganisationId = owner ?? w.World.DonorId, DueDate = "2026-12-31",
    };
}
