using System.Net;
using System.Net.Sockets;
using Cooperation.Contracts.Common;
using Microsoft.Extensions.Options;

namespace Cooperation.Reports.Delivery;

/// <summary>Resolves a host name to its addresses (DNS; tests may answer for it).</summary>
public delegate Task<IPAddress[]> HostResolver(string host, CancellationToken cancellationToken);

/// <summary>
/// Where the platform may send webhooks, so that a subscriber cannot make it probe the hosts it
/// runs among. Outside development: https only, to public addresses; loopback, link-local, private
/// and other non-public ranges are refused unless the operator's allow-list names the host, the
/// address or its network (an admitted target may also use http). Checked when a subscription is
/// saved and again at each connection, after name resolution: the sender connects only to the
/// addresses this admits.
/// </summary>
public sealed class WebhookTargets(IOptions<DonorReportOptions> options, IHostEnvironment environment, HostResolver resolve)
{
    // Addresses that are not public (RFC 6890 special-purpose registries): never a webhook target unless allowed.
    private static readonly IPNetwork[] NonPublic = [.. new[]
    {
        "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12", "192.0.0.0/24",
        "192.0.2.0/24", "192.88.99.0/24", "192.168.0.0/16", "198.18.0.0/15", "198.51.100.0/24", "203.0.113.0/24", "224.0.0.0/4", "240.0.0.0/4",
        "::/128", "::1/128", "64:ff9b::/96", "64:ff9b:1::/48", "100::/64", "2001::/23", "2001:db8::/32", "2002::/16", "fc00::/7", "fe80::/10", "ff00::/8",
    }.Select(IPNetwork.Parse)];

    private static readonly TimeSpan ResolveTimeout = TimeSpan.FromSeconds(5);

    private readonly Allowed _allowed = Allowed.Parse(options.Value.Webhooks.AllowedTargets);

    private bool AllowAny => options.Value.Webhooks.AllowAnyTarget ?? environment.IsDevelopment();

    /// <summary>Refuses a webhook URL as it is saved, naming <paramref name="field"/>; a name that does not resolve yet is checked again at send time.</summary>
    public async Task CheckSavedAsync(string? url, string field, CancellationToken cancellationToken = default)
    {
        if (url is not null && Uri.TryCreate(url, UriKind.Absolute, out var uri) && await RefusalAsync(uri, cancellationToken) is { } reason)
            throw new InvalidFieldException(field, reason);
    }

    /// <summary>Why <paramref name="uri"/> may not be sent to, its host resolved now; null when it may.</summary>
    public async Task<string?> RefusalAsync(Uri uri, CancellationToken cancellationToken)
    {
        if (AllowAny)
            return null;
        return Refusal(uri, await ResolveAsync(Host(uri), cancellationToken));
    }

    /// <summary>Why <paramref name="uri"/>, resolving to <paramref name="addresses"/>, may not be sent to; null when it may.</summary>
    public string? Refusal(Uri uri, IReadOnlyList<IPAddress> addresses)
    {
        if (AllowAny)
            return null;
        var named = _allowed.Names(Host(uri));
        if (uri.Scheme != Uri.UriSchemeHttps && !named && !(addresses.Count > 0 && addresses.All(_allowed.Contains)))
            return "must be an https link (http only to a target on the operator's allow-list)";
        return named ? null : Unadmitted(addresses);
    }

    /// <summary>
    /// The addresses of <paramref name="host"/>, resolved now, when every one may be connected to;
    /// refuses (HttpRequestException) otherwise.
    /// </summary>
    public async Task<IPAddress[]> AdmittedAddressesAsync(string host, CancellationToken cancellationToken)
    {
        var addresses = await ResolveAsync(host, cancellationToken);
        if (addresses.Length == 0)
            throw new HttpRequestException($"Webhook target {host} does not resolve.");
        if (!AllowAny && !_allowed.Names(host) && Unadmitted(addresses) is { } reason)
            throw new HttpRequestException($"Webhook target {host} refused: it {reason}.");
        return addresses;
    }

    /// <summary>
    /// The HTTP handler of the webhook sender: every connection goes only to an admitted address
    /// of the host as resolved at that moment; no proxy, no redirects (a redirect could lead anywhere).
    /// </summary>
    public SocketsHttpHandler Handler() => new()
    {
        AllowAutoRedirect = false,
        UseProxy = false,
        ConnectCallback = async (context, cancellationToken) =>
        {
            var addresses = await AdmittedAddressesAsync(context.DnsEndPoint.Host, cancellationToken);
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    };

    private string? Unadmitted(IReadOnlyList<IPAddress> addresses) =>
        addresses.FirstOrDefault(a => !_allowed.Contains(a) && !IsPublic(a)) is { } refused
            ? $"names a host at {refused}, which is not a public address (loopback, link-local and private ranges need the operator's allow-list)"
            : null;

    // A name that does not resolve (or not within the time) has no address to admit: checked again, or refused, when sending.
    private async Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken)
    {
        if (IPAddress.TryParse(host, out var literal))
            return [literal];
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ResolveTimeout);
        try
        {
            return await resolve(host, timeout.Token);
        }
        catch (Exception error) when (error is SocketException || (error is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return [];
        }
    }

    // A literal IPv6 host without its brackets, a name in its DNS (punycode) form.
    private static string Host(Uri uri) => uri.HostNameType == UriHostNameType.IPv6 ? uri.Host.Trim('[', ']') : uri.IdnHost;

    /// <summary>Whether <paramref name="address"/> is a public (globally routed) address.</summary>
    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
            address = address.MapToIPv4();
        return !NonPublic.Any(network => network.Contains(address));
    }

    /// <summary>The operator's allow-list: host names, and addresses or networks.</summary>
    private sealed record Allowed(HashSet<string> HostNames, IPNetwork[] Networks)
    {
        public static Allowed Parse(IEnumerable<string> entries)
        {
            var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var networks = new List<IPNetwork>();
            foreach (var entry in entries.Select(e => e.Trim()).Where(e => e.Length > 0))
            {
                if (IPNetwork.TryParse(entry, out var network))
                    networks.Add(network);
                else if (IPAddress.TryParse(entry, out var address))
                    networks.Add(new IPNetwork(address, address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128));
                else
                    names.Add(entry);
            }
            return new Allowed(names, [.. networks]);
        }

        public bool Names(string host) => HostNames.Contains(host);

        public bool Contains(IPAddress address)
        {
            var plain = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
            return Networks.Any(n => n.Contains(plain));
        }
    }
}
