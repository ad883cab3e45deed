namespace Cooperation.Web.Hosting;

/// <summary>Settings of the web application (section "Web").</summary>
internal sealed class WebOptions
{
    /// <summary>The web application's public address, for links in mails (invitations, password resets), e.g. "https://coop.example.org".</summary>
    public string PublicBaseUrl { get; set; } = "http://127.0.0.1:5082";

    /// <summary>How long a session lasts without a request (sliding: each request half-way through renews it).</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>
    /// Whether to believe X-Forwarded-For / X-Forwarded-Proto from the load balancer in front (for
    /// the client address the rate limits count, and for marking cookies Secure behind TLS).
    /// Only behind a proxy that sets them; anywhere else a client could forge its address.
    /// </summary>
    public bool TrustForwardedHeaders { get; set; }

    /// <summary>How many account forms (sign-in, reset, invitation) one client address may send per minute.</summary>
    public int FormsPerClientPerMinute { get; set; } = 30;

    /// <summary>How many sign-in and reset attempts one e-mail address may take per minute, whatever the client.</summary>
    public int AttemptsPerAddressPerMinute { get; set; } = 10;

    /// <summary>
    /// How long the host keeps what every signed-in person may read and seldom changes
    /// (organisations' names, cities' definitions) before asking the cluster again: a rename shows
    /// on pages within this time.
    /// </summary>
    public TimeSpan PublicRecordsLifetime { get; set; } = TimeSpan.FromMinutes(1);
}
