using Cooperation.Contracts.Common;
using Cooperation.Contracts.Pilots;
using Cooperation.Contracts.Submissions;
using Cooperation.Gateway.Common;
using Cooperation.Gateway.Kpis;
using Proto = Cooperation.Contracts.Grpc;

namespace Cooperation.Gateway.Submissions;

/// <summary>Updates and reviews between the wire and the domain.</summary>
public static class SubmissionMapping
{
    /// <summary>A wire update to the domain; readings without a period take the update's.</summary>
    public static PilotUpdate ToDomain(this Proto.SubmitUpdateRequest request)
    {
        var period = ReportingPeriod.Parse(request.Period, "period");
        return new PilotUpdate(
            period,
            request.Readings.ToDomain(period),
            ValueList.Of(request.Milestones.Select((m, i) => new MilestoneReport(
                Field.Id(m.MilestoneId, $"milestones[{i}].milestone_id"),
                new MilestoneProgress(
                    CommonMapping.ToDomain<MilestoneStatus>((int)m.Status, $"milestones[{i}].status"),
                    Field.OptionalDate(m.ActualDate, $"milestones[{i}].actual_date"),
                    m.EvidenceLink.OrNull())))),
            request.Note.OrNull());
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
