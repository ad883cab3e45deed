using Cooperation.Contracts.Access;
using Cooperation.Contracts.Common;
using Cooperation.Contracts.Kpis;

namespace Cooperation.Contracts.Submissions;

/// <summary>Where a pilot's reporting period stands in review.</summary>
[GenerateSerializer, Alias("coop.ReviewStatus")]
public enum ReviewStatus
{
    /// <summary>Nothing submitted yet, or reopened: readings may be recorded.</summary>
    Open = 1,

    /// <summary>The partner submitted it; it awaits the city office's review.</summary>
    Submitted = 2,

    /// <summary>Sent back with a comment; the partner corrects and submits again.</summary>
    Returned = 3,

    /// <summary>Approved, and locked: no reading for it is taken until it is reopened.</summary>
    Approved = 4,
}

/// <summary>What a reviewer decides about a submitted (or approved) period.</summary>
[GenerateSerializer, Alias("coop.ReviewDecision")]
public enum ReviewDecision
{
    /// <summary>Send it back with a comment.</summary>
    Return = 1,

    /// <summary>Approve and lock it.</summary>
    Approve = 2,

    /// <summary>Unlock an approved period, with a reason.</summary>
    Reopen = 3,
}

/// <summary>A reporting period of a pilot in review.</summary>
/// <param name="Period">The period.</param>
/// <param name="Status">Where it stands.</param>
/// <param name="Late">Its first submission came after its window closed.</param>
/// <param name="FirstSubmittedAt">When it was first submitted.</param>
/// <param name="LastSubmittedAt">When it was last submitted.</param>
/// <param name="LastSubmittedBy">Who last submitted it.</param>
/// <param name="Submissions">How many updates reported on it.</param>
/// <param name="LastDecision">The last review decision, if any.</param>
/// <param name="DecidedAt">When it was taken.</param>
/// <param name="DecidedBy">By whom.</param>
/// <param name="Comment">The comment that came with it: a return's comment, a reopen's reason, an approval's remark.</param>
/// <param name="ApprovedReadings">The readings that counted when it was last approved: its verified figures, kept when it is reopened.</param>
/// <param name="Historical">Its figures are history an admin loaded from earlier records and approved on load, not a submission reviewed here.</param>
[GenerateSerializer, Immutable, Alias("coop.PeriodReview")]
public sealed record PeriodReview(
    [property: Id(0)] ReportingPeriod Period,
    [property: Id(1)] ReviewStatus Status,
    [property: Id(2)] bool Late,
    [property: Id(3)] DateTimeOffset? FirstSubmittedAt,
    [property: Id(4)] DateTimeOffset? LastSubmittedAt,
    [property: Id(5)] string? LastSubmittedBy,
    [property: Id(6)] int Submissions,
    [property: Id(7)] ReviewDecision? LastDecision,
    [property: Id(8)] DateTimeOffset? DecidedAt,
    [property: Id(9)] string? DecidedBy,
    [property: Id(10)] string? Comment,
    [property: Id(11)] ValueList<StoredKpiReading> ApprovedReadings,
    [property: Id(12)] bool Historical = false)
{
    /// <summary>Longest comment or reason.</summary>
    public const int MaxCommentLength = 1000;

    /// <summary>A period nothing has happened to yet.</summary>
    public static PeriodReview Open(ReportingPeriod period) => new(period, ReviewStatus.Open, false, null, null, null, 0, null, null, null, null, []);

    /// <summary>Whether readings for the period are refused.</summary>
    public bool IsLocked => Status == ReviewStatus.Approved;

    /// <summary>Refuses a submission to a locked period.</summary>
    public void CheckSubmission()
    {
        if (IsLocked)
            throw new RuleViolationException($"Period {Period} is approved and locked; a reviewer must reopen it before it takes new figures.");
    }

    /// <summary>
    /// Refuses a decision the period's status does not allow (return and approve need a submitted
    /// period, reopen an approved one) or that <paramref name="reviewer"/> may not take: four
    /// eyes, so the organisation that submitted the period's current update may neither approve
    /// nor return it; another city office of the partnership (one of <paramref name="cityIds"/>)
    /// or an admin must, and an admin, deciding in place of the partnership's offices, says why.
    /// Return and reopen need a comment, an approval may have one. Returns the trimmed comment.
    /// </summary>
    public string? Check(ReviewDecision decision, string? comment, Caller reviewer, IReadOnlyCollection<string> cityIds)
    {
        Field.Choice(decision, "decision");
        var allowedFrom = decision == ReviewDecision.Reopen ? ReviewStatus.Approved : ReviewStatus.Submitted;
        if (Status != allowedFrom)
            throw new RuleViolationException($"Period {Period} is {Status}; only a {allowedFrom.ToString().ToLowerInvariant()} period can be {Past(decision)}.");
        // The request's own fields first: a return or a reopen without a comment is refused as such.
        var text = decision == ReviewDecision.Approve
            ? Field.OptionalText(comment, "comment", MaxCommentLength)
            : Field.Text(comment, "comment", MaxCommentLength);
        if (decision != ReviewDecision.Reopen && IsSubmittedBy(reviewer))
        {
            throw new AccessDeniedException($"Period {Period} was submitted by {LastSubmittedBy}, so {LastSubmittedBy} may not {Verb(decision)} it "
                + $"(four eyes): a city office of the partnership's cities ({string.Join(", ", cityIds)}) other than {LastSubmittedBy} must, "
                + "or an admin giving the reason in comment.");
        }
        if (decision == ReviewDecision.Approve && reviewer.Role == Role.Admin && text is null)
            throw new InvalidFieldException("comment", "is required when an admin approves: say why the partnership's offices do not decide");
        return text;
    }

    /// <summary>Whether <paramref name="reviewer"/>'s organisation submitted the period's current update (four eyes: it may neither approve nor return it).</summary>
    public bool IsSubmittedBy(Caller reviewer) => LastSubmittedBy == reviewer.OrganisationId;

    /// <summary>
    /// Whether <paramref name="reviewer"/>, who <paramref name="mayReview"/> the pilot's reporting or
    /// not, may approve or return the period as it stands (the four-eyes part of <see cref="Check"/>).
    /// </summary>
    public ReviewerStanding StandingOf(Caller reviewer, bool mayReview) =>
        !mayReview ? ReviewerStanding.NotAReviewer
        : Status == ReviewStatus.Submitted && IsSubmittedBy(reviewer) ? ReviewerStanding.SubmittedByCaller
        : ReviewerStanding.MayDecide;

    /// <summary>The review after a submission at <paramref name="at"/> by <paramref name="by"/> (<paramref name="historical"/>: migrated history).</summary>
    public PeriodReview Submitted(DateTimeOffset at, string by, bool late, bool historical = false) => this with
    {
        Status = ReviewStatus.Submitted,
        Historical = historical,
        Late = FirstSubmittedAt is null ? late : Late,
        FirstSubmittedAt = FirstSubmittedAt ?? at,
        LastSubmittedAt = at,
        LastSubmittedBy = by,
        Submissions = Submissions + 1,
    };

    /// <summary>The review after <paramref name="decision"/>; <paramref name="approved"/> are the figures an approval verifies.</summary>
    public PeriodReview Decided(ReviewDecision decision, string? comment, DateTimeOffset at, string by, ValueList<StoredKpiReading>? approved) => this with
    {
        Status = decision switch
        {
            ReviewDecision.Approve => ReviewStatus.Approved,
            ReviewDecision.Return => ReviewStatus.Returned,
            ReviewDecision.Reopen => ReviewStatus.Open,
            _ => throw new ArgumentOutOfRangeException(nameof(decision)),
        },
        LastDecision = decision,
        DecidedAt = at,
        DecidedBy = by,
        Comment = comment,
        ApprovedReadings = approved ?? ApprovedReadings,
    };

    private static string Past(ReviewDecision decision) => decision switch
    {
        ReviewDecision.Approve => "approved",
        ReviewDecision.Return => "returned",
        ReviewDecision.Reopen => "reopened",
        _ => throw new ArgumentOutOfRangeException(nameof(decision)),
    };

    private static string Verb(ReviewDecision decision) => decision switch
    {
        ReviewDecision.Approve => "approve",
        ReviewDecision.Return => "return",
        ReviewDecision.Reopen => "reopen",
        _ => throw new ArgumentOutOfRangeException(nameof(decision)),
    };
}

/// <summary>A reporting period of a pilot as its reporting view shows it.</summary>
/// <param name="Review">Where it stands in review.</param>
/// <param name="WindowOpensOn">The first day updates for it are taken: the day after it ends.</param>
/// <param name="WindowClosesOn">The last day of its submission window; later updates are flagged late.</param>
/// <param name="Missing">Its window has closed and nothing was submitted.</param>
[GenerateSerializer, Immutable, Alias("coop.ReportingPeriodView")]
public sealed record ReportingPeriodView(
    [property: Id(0)] PeriodReview Review,
    [property: Id(1)] DateOnly WindowOpensOn,
    [property: Id(2)] DateOnly WindowClosesOn,
    [property: Id(3)] bool Missing);

/// <summary>
/// When a period takes submissions: its window opens the day after the period ends and closes
/// <see cref="Days"/> days later, in the pilot's city. An update before the window opens is
/// refused (the period is not over); one after it closes is taken and flagged late.
/// </summary>
/// <param name="Days">Length of the window, from the pilot's programme.</param>
public readonly record struct SubmissionWindow(int Days)
{
    /// <summary>Window length when a programme does not set one.</summary>
    public const int DefaultDays = 15;

    /// <summary>Longest window a programme may set.</summary>
    public const int MaxDays = 120;

    /// <summary>The first day updates for <paramref name="period"/> are taken.</summary>
    public static DateOnly OpensOn(ReportingPeriod period) => period.End.AddDays(1);

    /// <summary>The last day updates for <paramref name="period"/> are on time.</summary>
    public DateOnly ClosesOn(ReportingPeriod period) => period.End.AddDays(Days);

    /// <summary>Whether an update on <paramref name="today"/> is late; refuses one before the window opens.</summary>
    public bool IsLate(ReportingPeriod period, DateOnly today) => today < OpensOn(period)
        ? throw new RuleViolationException($"Updates for {period} are taken from {Field.Format(OpensOn(period))}, once the period is over.")
        : today > ClosesOn(period);
}

/// <summary>Reporting periods counted by what needs attention.</summary>
/// <param name="AwaitingReview">Submitted and not yet reviewed.</param>
/// <param name="Late">First submitted after their window closed.</param>
/// <param name="Missing">Window closed with nothing submitted.</param>
[GenerateSerializer, Immutable, Alias("coop.ReportingCounts")]
public sealed record ReportingCounts(
    [property: Id(0)] int AwaitingReview,
    [property: Id(1)] int Late,
    [property: Id(2)] int Missing)
{
    /// <summary>Nothing to count.</summary>
    public static ReportingCounts None { get; } = new(0, 0, 0);

    /// <summary>Counts <paramref name="periods"/>.</summary>
    public static ReportingCounts Of(IEnumerable<ReportingPeriodView> periods) => periods.Aggregate(None, (counts, p) => new(
        counts.AwaitingReview + (p.Review.Status == ReviewStatus.Submitted ? 1 : 0),
        counts.Late + (p.Review.Late ? 1 : 0),
        counts.Missing + (p.Missing ? 1 : 0)));

    /// <summary>Both counts together.</summary>
    public ReportingCounts Add(ReportingCounts other) => new(AwaitingReview + other.AwaitingReview, Late + other.Late, Missing + other.Missing);
}
