using System.Globalization;
using Cooperation.Contracts.Access;
using Cooperation.Contracts.Common;
using Cooperation.Contracts.Organisations;
using Cooperation.Contracts.Pilots;
using Cooperation.Contracts.Submissions;
using Cooperation.Gateway.Reporting.Delivery;

namespace Cooperation.Gateway.Notices;

/// <summary>
/// Notices of a review decision, sent by a Hangfire job the review RPC enqueues once the decision
/// is stored: a returned period to the organisation that submitted it, with the comment; an
/// approved one to the submitter and to the organisation that approved it (the city office, or
/// the JCM verifier). Each organisation gets each decision once, unless it opted out of the kind.
/// </summary>
public sealed class ReviewNoticeJob(IGrainFactory grains, DeliveryLog deliveries, ReportMailer mailer)
{
    /// <summary>Sends the notices of the last decision on <paramref name="period"/> of <paramref name="pilotId"/>.</summary>
    public async Task SendAsync(string pilotId, string period, CancellationToken cancellationToken)
    {
        CallerContext.ActAsPlatform();
        var pilot = await grains.GetGrain<IPilotGrain>(pilotId).Get();
        var review = pilot.Reporting.Select(r => r.Review).FirstOrDefault(r => r.Period.ToString() == period);
        if (review is not { DecidedAt: { } decidedAt, LastDecision: ReviewDecision.Return or ReviewDecision.Approve } || review.Status is not (ReviewStatus.Returned or ReviewStatus.Approved))
            return;
        var (kind, recipients) = review.Status == ReviewStatus.Returned
            ? (NoticeKind.SubmissionReturned, new[] { review.LastSubmittedBy })
            : (NoticeKind.PeriodApproved, new[] { review.LastSubmittedBy, review.DecidedBy });
        var title = pilot.Definition.Title.Display;
        var subject = review.Status == ReviewStatus.Returned
            ? $"Returned: {title} ({pilotId}), {period}"
            : $"Approved: {title} ({pilotId}), {period}";
        var text = string.Create(CultureInfo.InvariantCulture,
            $"{subject}\n\nDecided by {review.DecidedBy ?? "–"} on {decidedAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC.\n") +
            (review.Comment is { } comment ? $"Comment: {comment}\n" : "") +
            (review.Status == ReviewStatus.Returned ? "Correct the figures and submit the period again.\n" : "The period's figures are now locked.\n");
        // The decision's instant tells this decision from earlier ones on the same period.
        var decision = $"{pilotId}/{period}/{decidedAt.UtcTicks.ToString(CultureInfo.InvariantCulture)}";
        foreach (var organisationId in recipients.OfType<string>().Distinct(StringComparer.Ordinal))
        {
            OrganisationView organisation;
            try
            {
                organisation = await grains.GetGrain<IOrganisationGrain>(organisationId).Get();
            }
            catch (EntityNotFoundException)
            {
                continue;
            }
            var addresses = organisation.Contacts?.For(kind) ?? [];
            if (addresses.Count == 0)
                continue;
            await deliveries.DeliverOnceAsync(new DeliveryKey(organisationId, kind.ToString(), decision, "email"), string.Join(", ", addresses),
                () => mailer.SendAsync(addresses, subject, text, [], cancellationToken), cancellationToken);
        }
    }
}
