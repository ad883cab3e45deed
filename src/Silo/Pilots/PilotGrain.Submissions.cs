using System.Text.RegularExpressions;
using Cooperation.Contracts.Access;
using Cooperation.Contracts.Common;
using Cooperation.Contracts.Kpis;
using Cooperation.Contracts.Submissions;
using Cooperation.Contracts.Telemetry;
using Cooperation.Silo.Journal;
using Cooperation.Silo.Kpis;
using Cooperation.Silo.Pilots.Milestones;
using Cooperation.Silo.Pilots.Reporting;
using Cooperation.Silo.Submissions;

namespace Cooperation.Silo.Pilots;

/// <summary>
/// Partners' updates to a pilot, one at a time (<see cref="SubmitUpdate"/>) or as a pilot's rows
/// of a CSV import (<see cref="Stage"/>): both decided by the same checks, one event per period.
/// </summary>
internal sealed partial class PilotGrain : IReadingImportParticipant
{
    /// <inheritdoc/>
    public async Task<UpdateReceipt> SubmitUpdate(PilotUpdate update, string idempotencyKey)
    {
        // Counted here, where every update arrives (API, web form), once decided.
        try
        {
            var receipt = await ReceiveUpdateAsync(update, idempotencyKey);
            if (!receipt.Replayed)
                PlatformMetrics.UpdateAccepted();
            return receipt;
        }
        catch (Exception refused)
        {
            PlatformMetrics.UpdateRefused(refused);
            throw;
        }
    }

    private async Task<UpdateReceipt> ReceiveUpdateAsync(PilotUpdate update, string idempotencyKey)
    {
        Authorize(Permission.ReportOnPilot);
        var key = PilotUpdate.CheckKey(idempotencyKey);
        // Checked before anything reads it: the hash serialises the update, which a non-finite number would break.
        var validated = update.Validated();
        var hash = RecentUpdates.Hash(CallerContext.Current.OrganisationId, update);
        if (_recentUpdates.Replay(key, hash) is { } replayed)
            return replayed;
        try
        {
            var receipt = await SubmitAsync(validated, new RequestIdentity(key, hash));
            _recentUpdates.Remember(key, hash, receipt);
            return receipt;
        }
        catch (Exception refused) when (refused is DuplicateRequestException or InvalidFieldException or RuleViolationException)
        {
            // A retry of an update stored before this activation remembered it: its first result,
            // even if the period has since been locked or the input no longer passes.
            if (await Journal.FindAsync(EntityType, Id, key) is not { Event: UpdateSubmitted stored } first)
                throw;
            if (first.RequestHash != hash)
                throw RecentUpdates.Reused(key);
            var receipt = Receipt(first, stored);
            _recentUpdates.Remember(key, hash, receipt);
            return receipt with { Replayed = true };
        }
    }

    /// <inheritdoc/>
    public Task<bool> MaySubmitUpdates()
    {
        Authorize(Permission.ReadPilot);
        return Task.FromResult(AccessPolicy.Allows(CallerContext.Current, Permission.ReportOnPilot, Scope!));
    }

    private async Task<UpdateReceipt> SubmitAsync(PilotUpdate update, RequestIdentity request)
    {
        RequireChangeable();
        var late = CheckSubmittable(update.Period, "period");
        // Milestones and readings are checked together, so every field at fault is named at once.
        var refused = new List<FieldViolation>();
        try
        {
            MilestoneSchedule.CheckReports(State.Milestones, update.Milestones, Today);
        }
        catch (InvalidFieldException invalid)
        {
            refused.AddRange(invalid.Violations);
        }
        ValueList<StoredKpiReading> readings = [];
        try
        {
            readings = update.Readings.Count == 0 ? [] : CheckReadings(update.Readings, "readings", computed: false);
        }
        catch (InvalidFieldException invalid)
        {
            refused.AddRange(invalid.Violations);
        }
        if (refused.Count > 0)
            throw new InvalidFieldException(refused);
        var submitted = new UpdateSubmitted(update.Period, StoredReading.Of(readings), ValueList.Of(update.Milestones.Select(StoredMilestoneReport.Of)), update.Note, late);
        await RaiseAsync([submitted], AsSubjectReadings(readings), request);
        if (update.Milestones.Count > 0)
            await _reminder.SyncAsync(this, NextCheck());
        return new UpdateReceipt(Id, Version, update.Period, readings, update.Milestones, update.Note, late,
            State.ReviewOf(update.Period).LastSubmittedAt!.Value, CallerContext.Current.OrganisationId, Replayed: false);
    }

    /// <summary>
    /// Refuses updates for <paramref name="period"/> (locked, not over, not the pilot's calendar);
    /// whether one now is late. Migrated <paramref name="history"/> may go into a period approved on load.
    /// </summary>
    private bool CheckSubmittable(ReportingPeriod period, string field, bool history = false)
    {
        if (!(history && State.ReviewOf(period).Historical))
            State.ReviewOf(period).CheckSubmission();
        if (period.Frequency != Definition.Frequency)
            throw new InvalidFieldException(field, $"must be a {Definition.Frequency.ToString().ToLowerInvariant()} period, like the pilot's readings");
        return new SubmissionWindow(State.SubmissionWindowDays).IsLate(period, Today);
    }

    private UpdateReceipt Receipt(JournalEntry entry, UpdateSubmitted update) => new(Id, entry.Sequence, update.Period, StoredReading.ToContract(update.Readings),
        ValueList.Of(update.Milestones.Select(m => m.ToContract())), update.Note, update.Late, entry.RecordedAt, entry.Actor.OrganisationId, Replayed: false);

    /// <inheritdoc/>
    public Task<ImportStage> Stage(ValueList<ImportRow> rows)
    {
        try
        {
            Authorize(Permission.ReportOnPilot);
            RequireChangeable();
        }
        catch (AccessDeniedException denied)
        {
            return Task.FromResult(ImportStage.Refused(rows, "pilot_id", denied.Message) with { Denied = true });
        }
        catch (CooperationException refused)
        {
            return Task.FromResult(ImportStage.Refused(rows, "pilot_id", refused.Message));
        }
        if (rows.Count > KpiReadingInput.MaxPerRequest)
            return Task.FromResult(ImportStage.Refused(rows, "row", $"a file may hold at most {KpiReadingInput.MaxPerRequest} readings of one pilot"));

        var rejections = new List<RowRejection>();
        var late = new Dictionary<ReportingPeriod, bool>();
        var candidates = new List<ImportRow>();
        // In period order, so the readings are numbered in the order their events apply.
        foreach (var period in rows.GroupBy(r => r.Reading.Period).OrderBy(g => g.Key.Start))
        {
            try
            {
                late[period.Key] = CheckSubmittable(period.Key, "period");
                candidates.AddRange(period);
            }
            catch (CooperationException refused)
            {
                rejections.AddRange(period.Select(r => new RowRejection(r.Row, "period", Reason(refused))));
            }
        }

        var readings = CheckImportedReadings(candidates, rejections);
        rejections.Sort((a, b) => a.Row.CompareTo(b.Row));
        if (readings.Count == 0)
            return Task.FromResult(new ImportStage(ValueList.Of(rejections), [], null));

        var updates = readings.GroupBy(r => r.Period)
            .Select(g => new UpdateSubmitted(g.Key, StoredReading.Of(g), [], Note: null, late[g.Key]))
            .ToArray();
        var entries = Prepare(updates);
        var periods = updates.Select(u => new ImportedPeriod(Id, u.Period, u.Readings.Count, u.Late));
        return Task.FromResult(new ImportStage(ValueList.Of(rejections), ValueList.Of(periods),
            StagedAppend.Of(entries, AsSubjectReadings(readings))));
    }

    /// <inheritdoc/>
    public Task Complete(StagedAppend committed)
    {
        AcceptCommitted(committed.ToEntries(), committed.Readings);
        return Task.CompletedTask;
    }

    /// <summary>
    /// The readings of <paramref name="rows"/> that pass, numbered as stored; the others go to
    /// <paramref name="rejections"/> with the column at fault. Rows are checked together (so
    /// rules across readings hold), and again without the refused ones until all pass.
    /// </summary>
    private List<StoredKpiReading> CheckImportedReadings(List<ImportRow> rows, List<RowRejection> rejections)
    {
        while (rows.Count > 0)
        {
            try
            {
                return [.. CheckReadings(rows.Select(r => r.Reading).ToArray(), "rows", computed: false)];
            }
            catch (InvalidFieldException invalid)
            {
                var refused = new HashSet<int>();
                foreach (var violation in invalid.Violations)
                {
                    var at = ViolationPath().Match(violation.Field);
                    var indices = at.Success ? [int.Parse(at.Groups["index"].Value)] : Enumerable.Range(0, rows.Count);
                    var column = at.Success ? at.Groups["column"].Value.TrimStart('.').Split('.', '[')[0] : "row";
                    foreach (var index in indices)
                    {
                        refused.Add(index);
                        rejections.Add(new RowRejection(rows[index].Row, column is "" ? "row" : column, violation.Description));
                    }
                }
                rows = rows.Where((_, i) => !refused.Contains(i)).ToList();
            }
            catch (CooperationException refused)
            {
                rejections.AddRange(rows.Select(r => new RowRejection(r.Row, "row", Reason(refused))));
                return [];
            }
        }
        return [];
    }

    private static string Reason(CooperationException refused) =>
        refused is InvalidFieldException invalid ? string.Join("; ", invalid.Violations.Select(v => v.Description)) : refused.Message;

    [GeneratedRegex(@"^rows\[(?<index>\d+)\](?<column>.*)$")]
    private static partial Regex ViolationPath();
}
