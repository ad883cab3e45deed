using Cooperation.Contracts.Common;
using Cooperation.Contracts.Pilots;
using Cooperation.Contracts.Submissions;
using Cooperation.Gateway.Common;
using Cooperation.Gateway.Kpis;
using Proto = Cooperation.Contracts.Grpc;

namespace Cooperation.Gateway.Submissions;

/// <summary>Updates and reviews between the wire and the domain.</summary>
internal static class SubmissionMapping
{
    /// <summary>
    /// A wire update to the domain, with its pilot and idempotency key, checked before anything
    /// else reads it: every field at fault is named at once. Readings without a period take the update's.
    /// </summary>
    public static (string PilotId, PilotUpdate Update, string Key) ToDomain(this Proto.SubmitUpdateRequest request, string idempotencyKey)
    {
        var violations = new List<FieldViolation>();
        var pilotId = Collect(violations, () => Field.Id(request.PilotId, "pilot_id"));
        var key = Collect(violations, () => PilotUpdate.CheckKey(idempotencyKey));
        var period = Collect(violations, () => (ReportingPeriod?)ReportingPeriod.Parse(request.Period, "period"));
        var readings = Collect(violations, () => request.Readings.ToDomain(period ?? StandIn));
        var milestones = request.Milestones.Select((m, i) => Collect(violations, () => new MilestoneReport(
            Field.Id(m.MilestoneId, $"milestones[{i}].milestone_id"),
            new MilestoneProgress(
                CommonMapping.ToDomain<MilestoneStatus>((int)m.Status, $"milestones[{i}].status"),
                Field.OptionalDate(m.ActualDate, $"milestones[{i}].actual_date"),
                m.EvidenceLink.OrNull())))).ToArray();
        // The update's own rules are checked even when something was refused already, so every
        // field at fault is named at once: without a usable period, its readings as of one stand-in
        // period; and whatever was refused counts as reported.
        var update = period is { } known && readings is not null
            ? new PilotUpdate(known, readings, ValueList.Of(milestones.OfType<MilestoneReport>()), request.Note.OrNull())
            : new PilotUpdate(StandIn,
                ValueList.Of((readings ?? WithoutPeriods(request.Readings).ToDomain(StandIn)).Select(r => r with { Period = StandIn })),
                ValueList.Of(milestones.OfType<MilestoneReport>()), request.Note.OrNull());
        var refused = violations.Count > 0;
        violations.AddRange(update.Violations().Where(v => !refused || v != PilotUpdate.NothingToReport));
        return violations.Count == 0 ? (pilotId!, update.Validated(), key!) : throw new InvalidFieldException(violations);
    }

    private static List<Proto.KpiReadingInput> WithoutPeriods(IEnumerable<Proto.KpiReadingInput> readings) =>
        readings.Select(r => new Proto.KpiReadingInput(r) { Period = "" }).ToList();

    private static readonly ReportingPeriod StandIn = new(ReportingFrequency.Monthly, 2000, 1);

    /// <summary>The value <paramref name="map"/> gives, or its refused fields added to <paramref name="violations"/> and null.</summary>
    private static T? Collect<T>(List<FieldViolation> violations, Func<T> map)
    {
        try
        {
            return map();
        }
        catch (InvalidFieldException invalid)
        {
            violations.AddRange(invalid.Violations);
            return default;
        }
    }

    /// <summary>A receipt as the API returns it.</summary>
    public static Proto.UpdateReceipt ToProto(this UpdateReceipt receipt) => new()
    {
        PilotId = receipt.PilotId,
        Sequence = receipt.Sequence,
        Period = receipt.Period.ToString(),
        Readings = { receipt.Readings.Select(r => r.ToProto()) },
        Milestones =
        {
            receipt.Milestones.Select(m => new Proto.MilestoneReport
            {
                MilestoneId = m.MilestoneId,
                Status = CommonMapping.ToProto<Proto.MilestoneStatus>(m.Progress.Status),
                ActualDate = m.Progress.ActualDate.ToWire(),
                EvidenceLink = m.Progress.EvidenceLink ?? "",
            }),
        },
        Note = receipt.Note ?? "",
        Late = receipt.Late,
        SubmittedAt = ((DateTimeOffset?)receipt.SubmittedAt).ToWire(),
        SubmittedBy = receipt.SubmittedBy,
        Replayed = receipt.Replayed,
    };

    /// <summary>A reporting period as the API returns it.</summary>
    public static Proto.ReportingPeriod ToProto(this ReportingPeriodView view)
    {
        var review = view.Review;
        return new Proto.ReportingPeriod
        {
            Period = review.Period.ToString(),
            Status = CommonMapping.ToProto<Proto.ReviewStatus>(review.Status),
            Late = review.Late,
            Missing = view.Missing,
            WindowOpensOn = Field.Format(view.WindowOpensOn),
            WindowClosesOn = Field.Format(view.WindowClosesOn),
            FirstSubmittedAt = review.FirstSubmittedAt.ToWire(),
            LastSubmittedAt = review.LastSubmittedAt.ToWire(),
            LastSubmittedBy = review.LastSubmittedBy ?? "",
            Submissions = review.Submissions,
            LastDecision = review.LastDecision is { } decision ? CommonMapping.ToProto<Proto.ReviewDecision>(decision) : Proto.ReviewDecision.Unspecified,
            DecidedAt = review.DecidedAt.ToWire(),
            DecidedBy = review.DecidedBy ?? "",
            Comment = review.Comment ?? "",
            Historical = review.Historical,
            ApprovedReadings = { review.ApprovedReadings.Select(r => r.ToProto()) },
        };
    }

    /// <summary>Reporting counts as the API returns them.</summary>
    public static Proto.ReportingCounts ToProto(this ReportingCounts counts) => new()
    {
        AwaitingReview = counts.AwaitingReview,
        Late = counts.Late,
        Missing = counts.Missing,
    };

    /// <summary>What an import did, as the API returns it.</summary>
    public static Proto.ImportReadingsResult ToProto(this ReadingImportResult result) => new()
    {
        Rows = result.RowCount,
        RowsAccepted = result.RowsAccepted,
        Rejections = { result.Rejections.Select(r => new Proto.RowRejection { Row = r.Row, Column = r.Column, Reason = r.Reason }) },
        Periods =
        {
            result.Periods.Select(p => new Proto.ImportedPeriod { PilotId = p.PilotId, Period = p.Period.ToString(), Readings = p.Readings, Late = p.Late }),
        },
        Stored = result.Stored,
        StoredAt = result.StoredAt.ToWire(),
        Replayed = result.Replayed,
    };
}
