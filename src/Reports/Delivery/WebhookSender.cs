using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;

namespace Cooperation.Reports.Delivery;

/// <summary>
/// POSTs report metadata to a subscription's webhook, signed: the header
/// "X-Cooperation-Signature: sha256=&lt;hex&gt;" holds the HMAC-SHA256 of the exact body under the
/// subscription's secret, and "X-Cooperation-Delivery" the delivery's reference. The target is checked again before sending, and every connection
/// goes only to an address <see cref="WebhookTargets"/> admits (its handler). A status other
/// than 2xx is a failure (the job retries).
/// </summary>
public sealed class WebhookSender(HttpClient http, WebhookTargets targets)
{
    /// <summary>The signature header.</summary>
    public const string SignatureHeader = "X-Cooperation-Signature";

    /// <summary>The header naming the delivery, the same at every attempt: a receiver drops a repeat it has already seen.</summary>
    public const string DeliveryHeader = "X-Cooperation-Delivery";

    /// <summary>The header value for <paramref name="body"/> under <paramref name="secret"/>.</summary>
    public static string Signature(string secret, byte[] body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    /// <summary>POSTs <paramref name="json"/> to <paramref name="url"/>, as the delivery <paramref name="reference"/>.</summary>
    public async Task PostAsync(string url, string secret, string json, string reference, CancellationToken cancellationToken = default)
    {
        var target = new Uri(url);
        if (await targets.RefusalAsync(target, cancellationToken) is { } reason)
            throw new HttpRequestException($"Webhook target refused: the link {reason}.");
        var body = Encoding.UTF8.GetBytes(json);
        using var request = new HttpRequestMessage(HttpMethod.Post, target) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add(SignatureHeader, Signature(secret, body));
        request.Headers.Add(DeliveryHeader, reference);
        using var response = await http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException($"The webhook answered {(int)response.StatusCode} {response.ReasonPhrase}.");
    }
}
