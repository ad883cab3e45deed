using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace Cooperation.Reports.Delivery;

/// <summary>A download link that opens one archived file without an API key until it expires.</summary>
/// <param name="Url">The link.</param>
/// <param name="ExpiresAt">When it stops opening the file.</param>
public sealed record SignedLink(string Url, DateTimeOffset ExpiresAt);

/// <summary>
/// Signed download links of archived reports, for e-mails and webhooks:
/// <c>{PublicBaseUrl}/v1/reports/{id}/content?expires={unix seconds}&amp;signature={base64url HMAC-SHA256}</c>,
/// the HMAC under the platform's link key of the report id and the expiry. A link opens that one
/// file until it expires, and reveals nothing else.
/// </summary>
public sealed class ReportLinks(ReportKeys keys, IOptions<DonorReportOptions> options, TimeProvider clock)
{
    /// <summary>The query parameter holding the expiry (Unix seconds).</summary>
    public const string ExpiresParameter = "expires";

    /// <summary>The query parameter holding the signature.</summary>
    public const string SignatureParameter = "signature";

    /// <summary>The path of a report's content.</summary>
    public static string PathOf(long reportId) => $"/v1/reports/{reportId.ToString(CultureInfo.InvariantCulture)}/content";

    /// <summary>A link to <paramref name="reportId"/> valid for the configured lifetime from now.</summary>
    public async Task<SignedLink> ForAsync(long reportId, CancellationToken cancellationToken = default)
    {
        var expires = clock.GetUtcNow().Add(options.Value.LinkLifetime).ToUnixTimeSeconds();
        var signature = Sign(await keys.GetAsync(ReportKeyPurpose.Links, cancellationToken), reportId, expires);
        var url = $"{options.Value.PublicBaseUrl.TrimEnd('/')}{PathOf(reportId)}?{ExpiresParameter}={expires.ToString(CultureInfo.InvariantCulture)}&{SignatureParameter}={signature}";
        return new SignedLink(url, DateTimeOffset.FromUnixTimeSeconds(expires));
    }

    /// <summary>Whether <paramref name="signature"/> opens <paramref name="reportId"/> now: it is ours, for that report, and not expired.</summary>
    public async Task<bool> OpensAsync(long reportId, string? expires, string? signature, CancellationToken cancellationToken = default)
    {
        if (!long.TryParse(expires, NumberStyles.None, CultureInfo.InvariantCulture, out var at) || signature is null
            || at < clock.GetUtcNow().ToUnixTimeSeconds())
            return false;
        var expected = Encoding.ASCII.GetBytes(Sign(await keys.GetAsync(ReportKeyPurpose.Links, cancellationToken), reportId, at));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(signature));
    }

    private static string Sign(byte[] key, long reportId, long expires) => WebEncoders.Base64UrlEncode(
        HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"report-content\n{reportId}\n{expires}"))));
}
