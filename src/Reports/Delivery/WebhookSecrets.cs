using System.Security.Cryptography;
using System.Text;
using Cooperation.Contracts.DonorReports;

namespace Cooperation.Reports.Delivery;

/// <summary>
/// Webhook secrets are write-only: a subscription records only the id of its current secret
/// (random, new on each rotation), and the secret is derived from it under the platform's key.
/// Neither the journal, its history nor any read holds the secret; only the answers of
/// CreateSubscription and RotateWebhookSecret show it, and the sender signs with it.
/// </summary>
public sealed class WebhookSecrets(ReportKeys keys)
{
    /// <summary>The current webhook secret of <paramref name="subscription"/>: 64 hex digits.</summary>
    public async Task<string> OfAsync(ReportSubscriptionView subscription, CancellationToken cancellationToken = default) =>
        Derive(await keys.GetAsync(ReportKeyPurpose.WebhookSecrets, cancellationToken),
            subscription.Definition.DonorOrganisationId, subscription.SubscriptionId, subscription.WebhookSecretId);

    /// <summary>The secret named <paramref name="secretId"/> of a donor's subscription under <paramref name="key"/>.</summary>
    public static string Derive(byte[] key, string donorId, string subscriptionId, string secretId) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"webhook-secret\n{donorId}\n{subscriptionId}\n{secretId}")));
}
