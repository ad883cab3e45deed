using Cooperation.Tests.Support;
using static Cooperation.Tests.Api.BadInputCase;
using Proto = Cooperation.Contracts.Grpc;

namespace Cooperation.Tests.Api;

/// <summary>Bad input for the submission, review, JCM verification and credential RPCs. Keys start with the RPC's name.</summary>
public static class BadInputCasesForSubmissions
{
    private static Proto.SubmitUpdateRequest Update(BadInputWorld w, string period = BadInputWorld.SubmittedPeriod) => BadInputWorld.Update(w.PilotId, period);

    private static Proto.ReviewPeriodRequest Review(BadInputWorld w, string period, string comment = "") =>
        new() { PilotId = w.PilotId, Period = period, Comment = comment };

    private static Proto.ReviewMonitoringPeriodRequest Monitoring(BadInputWorld w, string? periodId = null, string comment = "") =>
        new() { PilotId = w.JcmPilotId, PeriodId = periodId ?? Requests.MonitoringPeriod(w.JcmPilotId).PeriodId, Comment = comment };

    private static async Task FirstEventAsync(ApiClients a, Proto.WatchPartnershipRequest request)
    {
        using var watch = a.Audit.WatchPartnership(request);
        await watch.ResponseStream.MoveNext(CancellationToken.None);
    }

    private const string Header = "pilot_id,kpi_code,period,value";

    private static string Csv(BadInputWorld w, string period, string value) => $"{Header}\n{w.PilotId},compost-produced,{period},{value}\n";

    private static Proto.ImportReadingsRequest Import(string csv) => new() { Csv = csv, IdempotencyKey = Guid.NewGuid().ToString() };

    /// <summary>The cases.</summary>
    public static readonly Dictionary<string, BadInputCase> All = new()
    {
        ["SubmitUpdate: no idempotency key"] = Case((a, w) => a.Submissions.SubmitUpdateAsync(With(Update(w), r => r.IdempotencyKey = "")).ResponseAsync, Invalid, "idempotency_key"),
        ["SubmitUpdate: key with spaces"] = Case((a, w) => a.Submissions.SubmitUpdateAsync(With(Update(w), r => r.IdempotencyKey = "my key")).ResponseAsync, Invalid, "idempotency_key"),
        ["SubmitUpdate: bad period"] = Case((a, w) => a.Submissions.SubmitUpdateAsync(Update(w, "March")).ResponseAsync, Invalid, "period"),
        ["SubmitUpdate: period not over"] = Case((a, w) => a.Submissions.SubmitUpdateAsync(Update(w, DateTime.UtcNow.AddMonths(1).ToString("yyyy-MM"))).ResponseAsync, Precondition),
        ["SubmitUpdate: quarter for a monthly pilot"] = Case((a, w) => a.Submissions.SubmitUpdateAsync(Update(w, "2025-Q1")).ResponseAsync, Invalid, "period"),
        ["SubmitUpdate: reading of another period"] = Case((a, w) => a.Submissions.SubmitUpdateAsync(With(Update(w), r => r.Readings[0].Period = "2025-02")).ResponseAsync, Invalid, "readings[0].period"),
        ["SubmitUpdate: unknown KPI"] = Case((a, w) => a.Submissions.SubmitUpdateAsync(With(Update(w), r => r.Readings[0].KpiCode = "unknown")).ResponseAsync, Invalid, "readings[0].kpi_code"),
        ["SubmitUpdate: value N/A"] = Case((a, w) => a.Submissions.SubmitUpdateAsync(With(Update(w), r => r.Readings[0].ClearValue())).ResponseAsync, Invalid, "readings[0].value"),
        ["SubmitUpdate: value NaN"] = Case((a, w) => a.Submissions.SubmitUpdateAsync(With(Update(w), r => r.Readings[0].Value = double.NaN)).ResponseAsync, Invalid, "readings[0].value"),
        ["SubmitUpdate: value infinite"] = Case((a, w) => a.Submissions.SubmitUpdateAsync(With(Update(w), r => r.Readings[0].Value = double.NegativeInfinity)).ResponseAsync, Invalid, "readings[0].value"),
        ["SubmitUpdate: unknown milestone"] = Case((a, w) => a.Submissions.SubmitUpdateAsync(With(Update(w), r => r.Milestones.Add(
            new Proto.MilestoneReport { MilestoneId = "nowhere", Status = Proto.MilestoneStatus.InProgress }))).ResponseAsync, Invalid, "milestones[0].milestone_id"),
        ["SubmitUpdate: done without a date"] = Case((a, w) => a.Submissions.SubmitUpdateAsync(With(Update(w), r => r.Milestones.Add(
            new Proto.MilestoneReport { MilestoneId = "m1", Status = Proto.MilestoneStatus.Done }))).ResponseAsync, Invalid, "milestones[0].actual_date"),
        ["SubmitUpdate: nothing in it"] = Case((a, w) => a.Submissions.SubmitUpdateAsync(With(Update(w), r => { r.Readings.Clear(); r.Note = " "; })).ResponseAsync, Invalid, "readings"),
        ["SubmitUpdate: note too long"] = Case((a, w) => a.Submissions.SubmitUpdateAsync(With(Update(w), r => r.Note = new string('x', 4001))).ResponseAsync, Invalid, "note"),
        ["SubmitUpdate: approved period"] = Case((a, w) => a.Submissions.SubmitUpdateAsync(Update(w, BadInputWorld.ApprovedPeriod)).ResponseAsync, Precondition),
        ["SubmitUpdate: unknown pilot"] = Case((a, w) => a.Submissions.SubmitUpdateAsync(With(Update(w), r => r.PilotId = w.NewId)).ResponseAsync, NotFound),
        ["SubmitUpdate: key used for another update"] = Case((a, w) => a.Submissions.SubmitUpdateAsync(With(Update(w), r =>
        {
            r.IdempotencyKey = BadInputWorld.UsedKey(w.PilotId);
            r.Note = "Another note.";
        })).ResponseAsync, Exists),

        ["ImportReadings: empty file"] = Case((a, w) => a.Submissions.ImportReadingsAsync(Import("")).ResponseAsync, Invalid, "csv"),
        ["ImportReadings: header only"] = Case((a, w) => a.Submissions.ImportReadingsAsync(Import(Header)).ResponseAsync, Invalid, "csv"),
        ["ImportReadings: header without value"] = Case((a, w) => a.Submissions.ImportReadingsAsync(Import($"pilot_id,kpi_code,period\n{w.PilotId},compost-produced,2025-06\n")).ResponseAsync, Invalid, "csv"),
        ["ImportReadings: unknown column"] = Case((a, w) => a.Submissions.ImportReadingsAsync(Import($"{Header},colour\n{w.PilotId},compost-produced,2025-06,1,red\n")).ResponseAsync, Invalid, "csv"),
        ["ImportReadings: broken quotes"] = Case((a, w) => a.Submissions.ImportReadingsAsync(Import($"{Header}\n{w.PilotId},\"compost-produced,2025-06,1\n")).ResponseAsync, Invalid, "csv"),
        ["ImportReadings: value not a number"] = Case((a, w) => a.Submissions.ImportReadingsAsync(Import(Csv(w, "2025-06", "forty"))).ResponseAsync, Invalid, "rows[2].value"),
        ["ImportReadings: unknown KPI on row 3"] = Case((a, w) => a.Submissions.ImportReadingsAsync(Import(Csv(w, "2025-06", "40") + $"{w.PilotId},unknown,2025-06,1\n")).ResponseAsync, Invalid, "rows[3].kpi_code"),
        ["ImportReadings: approved period"] = Case((a, w) => a.Submissions.ImportReadingsAsync(Import(Csv(w, BadInputWorld.ApprovedPeriod, "40"))).ResponseAsync, Invalid, "rows[2].period"),
        ["ImportReadings: unknown pilot"] = Case((a, w) => a.Submissions.ImportReadingsAsync(Import($"{Header}\n{w.NewId},compost-produced,2025-06,1\n")).ResponseAsync, Invalid, "rows[2].pilot_id"),
        ["ImportReadings: no key"] = Case((a, w) => a.Submissions.ImportReadingsAsync(With(Import(Csv(w, "2025-06", "40")), r => r.IdempotencyKey = "")).ResponseAsync, Invalid, "idempotency_key"),
        ["ImportReadings: bad mode"] = Case((a, w) => a.Submissions.ImportReadingsAsync(With(Import(Csv(w, "2025-06", "40")), r => r.Mode = (Proto.ImportMode)9)).ResponseAsync, Invalid, "mode"),
        ["ImportReadings: key used for another file"] = Case((a, w) => a.Submissions.ImportReadingsAsync(With(Import(Csv(w, BadInputWorld.SubmittedPeriod, "41")), r =>
            r.IdempotencyKey = BadInputWorld.UsedImportKey(w.PilotId))).ResponseAsync, Exists),
        ["GetReadingsTemplate: neither pilot nor kind"] = Case((a, w) => a.Submissions.GetReadingsTemplateAsync(new()).ResponseAsync, Invalid, "pilot_id"),
        ["GetReadingsTemplate: unknown pilot"] = Case((a, w) => a.Submissions.GetReadingsTemplateAsync(new() { PilotId = w.NewId }).ResponseAsync, NotFound),
        ["GetReadingsTemplate: bad kind"] = Case((a, w) => a.Submissions.GetReadingsTemplateAsync(new() { Kind = (Proto.PilotKind)99 }).ResponseAsync, Invalid, "kind"),

        ["ListReportingPeriods: unknown pilot"] = Case((a, w) => a.Reviews.ListReportingPeriodsAsync(new() { PilotId = w.NewId }).ResponseAsync, NotFound),
        ["ListReportingPeriods: empty id"] = Case((a, w) => a.Reviews.ListReportingPeriodsAsync(new()).ResponseAsync, Invalid, "pilot_id"),
        ["ReturnPeriod: no comment"] = Case((a, w) => a.Reviews.ReturnPeriodAsync(Review(w, BadInputWorld.SubmittedPeriod)).ResponseAsync, Invalid, "comment"),
        ["ReturnPeriod: not submitted"] = Case((a, w) => a.Reviews.ReturnPeriodAsync(Review(w, "2025-06", "Check the weighbridge.")).ResponseAsync, Precondition),
        ["ReturnPeriod: bad period"] = Case((a, w) => a.Reviews.ReturnPeriodAsync(Review(w, "2025-13", "x")).ResponseAsync, Invalid, "period"),
        ["ApprovePeriod: not submitted"] = Case((a, w) => a.Reviews.ApprovePeriodAsync(Review(w, "2025-06")).ResponseAsync, Precondition),
        ["ApprovePeriod: already approved"] = Case((a, w) => a.Reviews.ApprovePeriodAsync(Review(w, BadInputWorld.ApprovedPeriod)).ResponseAsync, Precondition),
        ["ApprovePeriod: unknown pilot"] = Case((a, w) => a.Reviews.ApprovePeriodAsync(With(Review(w, "2025-06"), r => r.PilotId = w.NewId)).ResponseAsync, NotFound),
        ["ReopenPeriod: no reason"] = Case((a, w) => a.Reviews.ReopenPeriodAsync(Review(w, BadInputWorld.ApprovedPeriod)).ResponseAsync, Invalid, "comment"),
        ["ReopenPeriod: not approved"] = Case((a, w) => a.Reviews.ReopenPeriodAsync(Review(w, BadInputWorld.SubmittedPeriod, "Typo.")).ResponseAsync, Precondition),

        ["AppointJcmVerifier: not a JCM pilot"] = Case((a, w) => a.Jcm.AppointJcmVerifierAsync(new() { PilotId = w.PilotId, OrganisationId = w.World.AgencyId }).ResponseAsync, Precondition),
        ["AppointJcmVerifier: unknown organisation"] = Case((a, w) => a.Jcm.AppointJcmVerifierAsync(new() { PilotId = w.JcmPilotId, OrganisationId = w.NewId }).ResponseAsync, NotFound),
        ["AppointJcmVerifier: bad id"] = Case((a, w) => a.Jcm.AppointJcmVerifierAsync(new() { PilotId = w.JcmPilotId, OrganisationId = "Not Valid" }).ResponseAsync, Invalid, "organisation_id"),
        ["ApproveMonitoringPeriod: unknown period"] = Case((a, w) => a.Jcm.ApproveMonitoringPeriodAsync(Monitoring(w, "mp-nowhere")).ResponseAsync, NotFound),
        ["ApproveMonitoringPeriod: not a JCM pilot"] = Case((a, w) => a.Jcm.ApproveMonitoringPeriodAsync(With(Monitoring(w), r => r.PilotId = w.PilotId)).ResponseAsync, Precondition),
        ["ReturnMonitoringPeriod: no comment"] = Case((a, w) => a.Jcm.ReturnMonitoringPeriodAsync(Monitoring(w)).ResponseAsync, Invalid, "comment"),
        ["ReturnMonitoringPeriod: bad id"] = Case((a, w) => a.Jcm.ReturnMonitoringPeriodAsync(Monitoring(w, "")).ResponseAsync, Invalid, "period_id"),

        ["GetHistory: unknown collection"] = Case((a, w) => a.Audit.GetHistoryAsync(new() { Entity = $"farms/{w.PilotId}" }).ResponseAsync, Invalid, "entity"),
        ["GetHistory: no id"] = Case((a, w) => a.Audit.GetHistoryAsync(new() { Entity = "pilots/" }).ResponseAsync, Invalid, "entity"),
        ["GetHistory: page too large"] = Case((a, w) => a.Audit.GetHistoryAsync(new() { Entity = $"pilots/{w.PilotId}", PageSize = 500 }).ResponseAsync, Invalid, "page_size"),
        ["GetHistory: unknown pilot"] = Case((a, w) => a.Audit.GetHistoryAsync(new() { Entity = $"pilots/{w.NewId}" }).ResponseAsync, NotFound),
        ["WatchPartnership: unknown partnership"] = Case((a, w) => FirstEventAsync(a, new() { PartnershipId = w.NewId }), NotFound),
        ["WatchPartnership: bad id"] = Case((a, w) => FirstEventAsync(a, new() { PartnershipId = "Not Valid" }), Invalid, "partnership_id"),
        ["WatchPartnership: negative position"] = Case((a, w) => FirstEventAsync(a, new() { PartnershipId = w.World.PartnershipId, AfterPosition = -1 }), Invalid, "after_position"),

        ["CreateCredential: unknown organisation"] = Case((a, w) => a.Credentials.CreateCredentialAsync(new() { OrganisationId = w.NewId, Role = Proto.Role.PartnerAgency, Label = "x" }).ResponseAsync, NotFound),
        ["CreateCredential: role does not suit"] = Case((a, w) => a.Credentials.CreateCredentialAsync(new() { OrganisationId = w.World.DonorId, Role = Proto.Role.CityOffice, Label = "x" }).ResponseAsync, Invalid, "role"),
        ["CreateCredential: no role"] = Case((a, w) => a.Credentials.CreateCredentialAsync(new() { OrganisationId = w.World.AgencyId, Label = "x" }).ResponseAsync, Invalid, "role"),
        ["CreateCredential: no label"] = Case((a, w) => a.Credentials.CreateCredentialAsync(new() { OrganisationId = w.World.AgencyId, Role = Proto.Role.PartnerAgency }).ResponseAsync, Invalid, "label"),
        ["ListCredentials: bad id"] = Case((a, w) => a.Credentials.ListCredentialsAsync(new() { OrganisationId = "" }).ResponseAsync, Invalid, "organisation_id"),
        ["RevokeCredential: unknown"] = Case((a, w) => a.Credentials.RevokeCredentialAsync(new() { CredentialId = "key-nowhere", Reason = "x" }).ResponseAsync, NotFound),
        ["RevokeCredential: bad id"] = Case((a, w) => a.Credentials.RevokeCredentialAsync(new() { CredentialId = "", Reason = "x" }).ResponseAsync, Invalid, "credential_id"),
    };
}
