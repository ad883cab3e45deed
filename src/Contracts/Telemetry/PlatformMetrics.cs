using System.Diagnostics.Metrics;
using Cooperation.Contracts.Common;

namespace Cooperation.Contracts.Telemetry;

/// <summary>
/// What the platform counts of its own work, each recorded where it happens (one place each):
/// partners' updates (the pilot grain), review decisions (the pilot grain), donor report runs
/// (the report job), failed deliveries (the delivery log) and the journal's group commits.
/// Exported as <c>cooperation_…</c> on <c>/metrics</c> and over OTLP.
/// </summary>
public static class PlatformMetrics
{
    private static readonly Counter<long> UpdatesAccepted = PlatformTelemetry.Meter.CreateCounter<long>(
        "cooperation.updates.accepted", "{update}", "Partners' updates stored (replays of an idempotency key not counted).");

    private static readonly Counter<long> UpdatesRefused = PlatformTelemetry.Meter.CreateCounter<long>(
        "cooperation.updates.refused", "{update}", "Partners' updates refused, by reason.");

    private static readonly Counter<long> Reviews = PlatformTelemetry.Meter.CreateCounter<long>(
        "cooperation.reviews", "{decision}", "Review decisions on reporting periods, by decision.");

    private static readonly Histogram<double> ReportRuns = PlatformTelemetry.Meter.CreateHistogram<double>(
        "cooperation.report.run.duration", "s", "Donor report runs (build, render, archive, deliver) and how long they took, by outcome.");

    private static readonly Counter<long> DeliveriesFailed = PlatformTelemetry.Meter.CreateCounter<long>(
        "cooperation.deliveries.failed", "{delivery}", "Deliveries of reports and notices that failed (each is retried), by channel.");

    private static readonly Histogram<int> JournalBatchSize = PlatformTelemetry.Meter.CreateHistogram<int>(
        "cooperation.journal.batch.size", "{append}", "Appends stored together by one group commit of the journal.",
        advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 2048] });

    private static readonly Histogram<double> JournalCommit = PlatformTelemetry.Meter.CreateHistogram<double>(
        "cooperation.journal.commit.duration", "s", "Time of one group commit of the journal (one INSERT statement), by outcome.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5] });

    /// <summary>A partner's update was stored.</summary>
    public static void UpdateAccepted() => UpdatesAccepted.Add(1);

    /// <summary>A partner's update was refused with <paramref name="error"/>.</summary>
    public static void UpdateRefused(Exception error) =>
        UpdatesRefused.Add(1, new KeyValuePair<string, object?>("reason", ReasonOf(error)));

    /// <summary>A reviewer decided on a period ("Approve", "Return").</summary>
    public static void ReviewDecided(string decision) =>
        Reviews.Add(1, new KeyValuePair<string, object?>("decision", decision));

    /// <summary>A donor report run ended (<paramref name="outcome"/>: "made", "revised", "unchanged", "failed").</summary>
    public static void ReportRun(string outcome, TimeSpan duration) =>
        ReportRuns.Record(duration.TotalSeconds, new KeyValuePair<string, object?>("outcome", outcome));

    /// <summary>A delivery through <paramref name="channel"/> failed.</summary>
    public static void DeliveryFailed(string channel) =>
        DeliveriesFailed.Add(1, new KeyValuePair<string, object?>("channel", channel));

    /// <summary>A group commit of <paramref name="appends"/> appends ended after <paramref name="duration"/>.</summary>
    public static void JournalCommitted(int appends, TimeSpan duration, bool committed)
    {
        JournalBatchSize.Record(appends);
        JournalCommit.Record(duration.TotalSeconds, new KeyValuePair<string, object?>("outcome", committed ? "committed" : "failed"));
    }

    /// <summary>The reason label of a refusal: the kind of the platform's exception, not its message (bounded cardinality).</summary>
    public static string ReasonOf(Exception error) => (PlatformFaults.AtBoundary(error) ?? error) switch
    {
        AccessDeniedException => "access_denied",
        InvalidFieldException => "invalid_field",
        RuleViolationException => "rule",
        EntityNotFoundException => "not_found",
        EntityExistsException => "exists",
        ConcurrentChangeException => "conflict",
        StorageUnavailableException => "storage_unavailable",
        _ => "fault",
    };
}
