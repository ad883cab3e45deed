using Cooperation.Reports.Notices;
using Hangfire;

namespace Cooperation.Reports.Reactions;

/// <summary>
/// A period returned or approved is noticed by e-mail: queues <see cref="ReviewNoticeJob"/> with
/// the decision as the event recorded it. The job delivers each decision's notice once per
/// recipient, so queuing it again after a crash sends nothing twice.
/// </summary>
public sealed class ReviewNotices(IBackgroundJobClient jobs) : IEventReaction
{
    /// <inheritdoc/>
    public IReadOnlyCollection<string> Kinds { get; } = ["pilot.period-reviewed"];

    /// <inheritdoc/>
    public Task ReactAsync(CommittedEvent e, CancellationToken cancellationToken)
    {
        var decision = e.Payload.GetProperty("decision").GetString();
        // A reopening is no news for the partner: it submits again and hears of the next decision.
        // History approved on load (a migration) is nobody's news either.
        if (decision is not ("Approve" or "Return") || (e.Payload.TryGetProperty("historical", out var historical) && historical.GetBoolean()))
            return Task.CompletedTask;
        var (pilotId, period, decidedBy, decidedAt) = (e.EntityId, e.Payload.GetProperty("period").GetString()!, e.ActorOrganisationId, e.RecordedAt);
        var comment = e.Payload.TryGetProperty("comment", out var text) ? text.GetString() : null;
        jobs.Enqueue<ReviewNoticeJob>(job => job.SendAsync(pilotId, period, decision, comment, decidedBy, decidedAt, CancellationToken.None));
        return Task.CompletedTask;
    }
}
