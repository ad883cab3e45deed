using System.Globalization;
using System.Text;
using Cooperation.Contracts.Access;
using Cooperation.Contracts.Cities;
using Cooperation.Contracts.Common;
using Cooperation.Contracts.Organisations;
using Cooperation.Contracts.Pilots;
using Cooperation.Contracts.DonorReports;
using Cooperation.Contracts.Submissions;
using Cooperation.Reports.Delivery;
using Cooperation.Reports.Rendering;

namespace Cooperation.Reports.Notices;

/// <summary>
/// Notices of a review decision, sent by a Hangfire job the worker queues once the decision is
/// committed (<see cref="Reactions.ReviewNotices"/>): a returned period to the organisation that
/// submitted it, with the comment; an approved one to the submitter and to the organisation that
/// approved it (the city office, or the JCM verifier). Each organisation gets each decision once,
/// unless it opted out of the kind, in its preferred language, with the decision's time in its
/// city's time zone.
/// </summary>
public sealed class ReviewNoticeJob(IGrainFactory grains, DeliveryLog deliveries, ReportMailer mailer)
{
    /// <summary>
    /// Sends the notices of the decision <paramref name="decision"/> ("Approve" or "Return") taken on
    /// <paramref name="period"/> of <paramref name="pilotId"/> by <paramref name="decidedBy"/> at
    /// <paramref name="decidedAt"/>, as it was taken, even if the period has moved on since.
    /// </summary>
    public async Task SendAsync(string pilotId, string period, string decision, string? comment, string decidedBy, DateTimeOffset decidedAt,
        CancellationToken cancellationToken)
    {
        CallerContext.ActAsPlatform();
        var pilot = await grains.GetGrain<IPilotGrain>(pilotId).Get();
        if (pilot.Reporting.Select(r => r.Review).FirstOrDefault(r => r.Period.ToString() == period) is not { } current
            || !Enum.TryParse<ReviewDecision>(decision, out var taken) || taken is not (ReviewDecision.Return or ReviewDecision.Approve))
            return;
        var review = current with
        {
            Status = taken == ReviewDecision.Return ? ReviewStatus.Returned : ReviewStatus.Approved,
            LastDecision = taken,
            Comment = comment,
            DecidedBy = decidedBy,
            DecidedAt = decidedAt,
        };
        var (kind, recipients) = review.Status == ReviewStatus.Returned
            ? (NoticeKind.SubmissionReturned, new[] { review.LastSubmittedBy })
            : (NoticeKind.PeriodApproved, new[] { review.LastSubmittedBy, review.DecidedBy });
        // The decision's instant tells this decision from earlier ones on the same period.
        var decisionKey = $"{pilotId}/{period}/{decidedAt.UtcTicks.ToString(CultureInfo.InvariantCulture)}";
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
            var (subject, text) = await NoticeAsync(pilot, review, decidedAt, organisation);
            await deliveries.DeliverOnceAsync(new DeliveryKey(organisationId, kind.ToString(), decisionKey, "email"), string.Join(", ", addresses),
                reference => mailer.SendAsync(addresses, subject, text, [], reference, cancellationToken), cancellationToken);
        }
    }

    /// <summary>The notice as <paramref name="recipient"/> reads it: its language, its city's time, names in its language.</summary>
    private async Task<(string Subject, string Text)> NoticeAsync(PilotView pilot, PeriodReview review, DateTimeOffset decidedAt, OrganisationView recipient)
    {
        var language = recipient.Definition.NoticeLanguage;
        var returned = review.Status == ReviewStatus.Returned;
        var subject = ReportText.Format(returned ? "notice.returned.subject" : "notice.approved.subject", language,
            ReportText.In(pilot.Definition.Title, language), pilot.PilotId, ReportCulture.Period(review.Period, language));
        var decider = review.DecidedBy is { } id ? await NameAsync(id, language) : "–";
        var text = new StringBuilder().Append(subject).Append("\n\n")
            .Append(ReportText.Format("notice.decided", language, decider, ReportCulture.Instant(decidedAt, await TimeZoneAsync(recipient), language))).Append('\n');
        if (review.Comment is { } comment)
            text.Append(ReportText.Format("notice.comment", language, comment)).Append('\n');
        text.Append(ReportText.Word(returned ? "notice.returned.next" : "notice.approved.next", language)).Append('\n');
        return (subject, text.ToString());
    }

    private async Task<string> NameAsync(string organisationId, ReportLanguage language)
    {
        try
        {
            return ReportText.In((await grains.GetGrain<IOrganisationGrain>(organisationId).Get()).Definition.Names, language);
        }
        catch (EntityNotFoundException)
        {
            return organisationId;
        }
    }

    /// <summary>The time zone of the recipient's city; null (UTC) when the city is gone.</summary>
    private async Task<string?> TimeZoneAsync(OrganisationView recipient)
    {
        try
        {
            return (await grains.GetGrain<ICityGrain>(recipient.Definition.CityId).Get()).Definition.TimeZone;
        }
        catch (EntityNotFoundException)
        {
            return null;
        }
    }
}
