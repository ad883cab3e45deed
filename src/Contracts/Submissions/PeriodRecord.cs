using Cooperation.Contracts.Common;
using Cooperation.Contracts.Kpis;

namespace Cooperation.Contracts.Submissions;

/// <summary>Whether the caller may take a review decision on a period, and if not, why.</summary>
[GenerateSerializer, Alias("coop.ReviewerStanding")]
public enum ReviewerStanding
{
    /// <summary>The caller may decide (as far as the period's status allows).</summary>
    MayDecide = 1,

    /// <summary>The caller's organisation does not review this pilot's reporting.</summary>
    NotAReviewer = 2,

    /// <summary>The caller's organisation submitted the period's current update: another office must decide (four eyes).</summary>
    SubmittedByCaller = 3,
}

/// <summary>One step in a reporting period's review: a submission, or a decision on it.</summary>
/// <param name="Decision">The decision taken; null for a submission.</param>
/// <param name="At">When it was recorded.</param>
/// <param name="OrganisationId">The organisation that acted.</param>
/// <param name="AccountId">The person who acted, when one signed in to the web application.</param>
/// <param name="Text">A submission's note, or a decision's comment (a return's comment, a reopen's reason).</param>
/// <param name="Readings">A submission's readings as stored.</param>
/// <param name="Milestones">A submission's milestone progress.</param>
/// <param name="Late">A submission came after the period's window closed.</param>
[GenerateSerializer, Immutable, Alias("coop.PeriodStep")]
public sealed record PeriodStep(
    [property: Id(0)] ReviewDecision? Decision,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] string OrganisationId,
    [property: Id(3)] string? AccountId,
    [property: Id(4)] string? Text,
    [property: Id(5)] ValueList<StoredKpiReading> Readings,
    [property: Id(6)] ValueList<MilestoneReport> Milestones,
    [property: Id(7)] bool Late);

/// <summary>
/// A pilot's reporting period as a reviewer reads it: where it stands, every submission and
/// decision on it (oldest first), and whether the caller may decide.
/// </summary>
/// <param name="Reporting">The period in review, with its window.</param>
/// <param name="Steps">Its submissions and decisions, oldest first.</param>
/// <param name="Standing">Whether the caller may decide on it, and why not.</param>
[GenerateSerializer, Immutable, Alias("coop.PeriodRecord")]
public sealed record PeriodRecord(
    [property: Id(0)] ReportingPeriodView Reporting,
    [property: Id(1)] ValueList<PeriodStep> Steps,
    [property: Id(2)] ReviewerStanding Standing)
{
    /// <summary>The last submission, if any: what a reviewer decides on, and what a correction starts from.</summary>
    public PeriodStep? LastSubmission => Steps.LastOrDefault(s => s.Decision is null);
}
