namespace Cooperation.Reports;

/// <summary>Settings of scheduled reports and their delivery (section "Reports").</summary>
public sealed class DonorReportOptions
{
    /// <summary>Hangfire workers of a worker host.</summary>
    public int Workers { get; set; } = 2;

    /// <summary>How often workers look for queued and due jobs, in milliseconds.</summary>
    public int PollMilliseconds { get; set; } = 1000;

    /// <summary>How often a failed job is tried again before its failure stays visible.</summary>
    public int RetryAttempts { get; set; } = 5;

    /// <summary>Seconds to wait before each retry (the last one repeats); empty for 1 min, 5 min, 15 min, 1 h, 2 h.</summary>
    // Empty rather than the defaults: configuration binds array items over an initial array's, it does not replace it.
    public int[] RetryDelaysSeconds { get; set; } = [];

    /// <summary>The delays to use.</summary>
    public int[] RetryDelays => RetryDelaysSeconds.Length > 0 ? RetryDelaysSeconds : [60, 300, 900, 3600, 7200];

    /// <summary>
    /// How long a job whose worker stopped (killed, lost its host) stays invisible before another
    /// worker runs it again. Running workers keep their jobs' hold alive every fifth of it
    /// (Hangfire.PostgreSql's sliding invisibility timeout), so a long report is never run twice.
    /// </summary>
    public TimeSpan InvisibilityTimeout { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How long a delivery stays claimed by its sender without a renewal (renewed every third of it
    /// while the send lasts). Shorter than four fifths of <see cref="InvisibilityTimeout"/>, so the
    /// claim of a killed worker has lapsed when its job runs again.
    /// </summary>
    public TimeSpan DeliveryLease { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>What <see cref="InvisibilityTimeout"/> and <see cref="DeliveryLease"/> must satisfy.</summary>
    public const string TimeoutsRule = "Reports:InvisibilityTimeout must be at least 5 seconds, and Reports:DeliveryLease at least a second and shorter "
        + "than four fifths of it: a job run again after its worker died must find the delivery's claim lapsed.";

    /// <summary>Whether the timeouts keep <see cref="TimeoutsRule"/>.</summary>
    public bool TimeoutsFit => InvisibilityTimeout >= TimeSpan.FromSeconds(5) && DeliveryLease >= TimeSpan.FromSeconds(1)
        && DeliveryLease * 5 < InvisibilityTimeout * 4;

    /// <summary>The gateway's public HTTP address, for download links in e-mails and webhooks, e.g. "https://coop.example.org".</summary>
    public string PublicBaseUrl { get; set; } = "http://127.0.0.1:5081";

    /// <summary>How long after a period's submission window closes its report waits (late figures, other time zones).</summary>
    public TimeSpan ScheduleGrace { get; set; } = TimeSpan.FromDays(1);

    /// <summary>When runs of a subscription without a cron of its own happen (five-field cron, in its time zone): daily, so a report goes out the day it is due.</summary>
    public string DefaultCron { get; set; } = "0 7 * * *";

    /// <summary>How many earlier reported periods a scheduled run checks for changed figures (and revises).</summary>
    public int RevisionLookBack { get; set; } = 12;

    /// <summary>How long a signed download link in an e-mail or webhook opens its file.</summary>
    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromDays(30);

    /// <summary>
    /// Key that signs download links: base64 of at least 32 random bytes (e.g. <c>openssl rand -base64 32</c>),
    /// from the environment (Reports__LinkKey). Unset: a key made once and kept in the database.
    /// </summary>
    public string? LinkKey { get; set; }

    /// <summary>Key webhook secrets are derived from (Reports__WebhookKey), as <see cref="LinkKey"/>. Changing it changes every webhook secret.</summary>
    public string? WebhookKey { get; set; }

    /// <summary>Largest total size of the files attached to one report e-mail; beyond it files are only linked.</summary>
    public long MaxAttachmentBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Where webhooks may be sent.</summary>
    public WebhookTargetOptions Webhooks { get; set; } = new();

    /// <summary>SMTP settings of the mailed reports and notices (the password from the environment: Reports__Smtp__Password).</summary>
    public SmtpOptions Smtp { get; set; } = new();
}

/// <summary>How reports are mailed.</summary>
public sealed class SmtpOptions
{
    /// <summary>The SMTP server.</summary>
    public string Host { get; set; } = "127.0.0.1";

    /// <summary>Its port.</summary>
    public int Port { get; set; } = 2525;

    /// <summary>"None", "StartTls" or "SslOnConnect".</summary>
    public string Security { get; set; } = "None";

    /// <summary>User name, when the server wants one (the password comes from the environment, never the repo).</summary>
    public string? User { get; set; }

    /// <summary>Password of <see cref="User"/>.</summary>
    public string? Password { get; set; }

    /// <summary>The sender address.</summary>
    public string From { get; set; } = "noreply@cooperation.local";

    /// <summary>The sender's name.</summary>
    public string FromName { get; set; } = "Cooperation";
}

/// <summary>
/// Where webhooks may go. Outside development, only https to public addresses; loopback,
/// link-local, private and other non-public ranges are refused unless listed here.
/// </summary>
public sealed class WebhookTargetOptions
{
    /// <summary>
    /// Targets admitted whatever their address and scheme: host names ("hooks.internal"), addresses
    /// ("10.0.0.7") or networks ("10.20.0.0/16"); e.g. Reports__Webhooks__AllowedTargets__0.
    /// </summary>
    public string[] AllowedTargets { get; set; } = [];

    /// <summary>Admit every target (http, private addresses); null: only in the Development environment.</summary>
    public bool? AllowAnyTarget { get; set; }
}
