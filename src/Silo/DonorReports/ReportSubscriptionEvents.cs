using Cooperation.Contracts.DonorReports;
using Cooperation.Silo.Journal;

namespace Cooperation.Silo.DonorReports;

/// <summary>
/// A subscription was created. <paramref name="WebhookSecretId"/> names its webhook secret, which
/// the gateway derives under the platform's key: the secret itself is never in the journal.
/// (Events written before secrets became write-only held it as "webhookSecret"; migration 0009
/// removed those.)
/// </summary>
[EventKind("report-subscription.created", 1)]
internal sealed record ReportSubscriptionCreated(string SubscriptionId, StoredSubscriptionDefinition Definition, string? WebhookSecretId) : IEntityEvent;

/// <summary>A subscription's webhook secret was replaced by the one <paramref name="WebhookSecretId"/> names.</summary>
[EventKind("report-subscription.secret-rotated", 1)]
internal sealed record ReportSubscriptionSecretRotated(string SubscriptionId, string WebhookSecretId) : IEntityEvent;

/// <summary>A subscription's definition was replaced.</summary>
[EventKind("report-subscription.changed", 1)]
internal sealed record ReportSubscriptionChanged(string SubscriptionId, StoredSubscriptionDefinition Definition) : IEntityEvent;

/// <summary>A subscription was paused or resumed.</summary>
[EventKind("report-subscription.paused", 1)]
internal sealed record ReportSubscriptionPaused(string SubscriptionId, bool Paused) : IEntityEvent;

/// <summary>A subscription ended.</summary>
[EventKind("report-subscription.deleted", 1)]
internal sealed record ReportSubscriptionDeleted(string SubscriptionId) : IEntityEvent;

/// <summary>A donor's subscriptions: the fold of their events.</summary>
[GenerateSerializer, Alias("coop.ReportSubscriptionsState")]
internal sealed record ReportSubscriptionsState
{
    /// <summary>Live subscriptions by id.</summary>
    [Id(0)] public Dictionary<string, ReportSubscriptionView> ById { get; init; } = new(StringComparer.Ordinal);

    /// <summary>The state after <paramref name="entry"/>.</summary>
    public static ReportSubscriptionsState Apply(ReportSubscriptionsState state, JournalEntry entry)
    {
        var next = new Dictionary<string, ReportSubscriptionView>(state.ById, StringComparer.Ordinal);
        switch (entry.Event)
        {
            case ReportSubscriptionCreated created:
                next[created.SubscriptionId] = new(created.SubscriptionId, created.Definition.ToContract(), false, entry.RecordedAt)
                {
                    WebhookSecretId = created.WebhookSecretId ?? "",
                    CreatedAt = entry.RecordedAt,
                };
                break;
            case ReportSubscriptionSecretRotated rotated:
                next[rotated.SubscriptionId] = next[rotated.SubscriptionId] with { WebhookSecretId = rotated.WebhookSecretId, ChangedAt = entry.RecordedAt };
                break;
            case ReportSubscriptionChanged changed:
                next[changed.SubscriptionId] = next[changed.SubscriptionId] with { Definition = changed.Definition.ToContract(), ChangedAt = entry.RecordedAt };
                break;
            case ReportSubscriptionPaused paused:
                next[paused.SubscriptionId] = next[paused.SubscriptionId] with { Paused = paused.Paused, ChangedAt = entry.RecordedAt };
                break;
            case ReportSubscriptionDeleted deleted:
                next.Remove(deleted.SubscriptionId);
                break;
            default:
                throw new InvalidOperationException($"Report subscriptions do not take {entry.Event.GetType().Name} events.");
        }
        return new ReportSubscriptionsState { ById = next };
    }
}
