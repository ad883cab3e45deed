namespace Cooperation.Gateway.Reporting;

/// <summary>Settings of scheduled reports and their delivery (section "Reporting").</summary>
public sealed class ReportingOptions
{
    /// <summary>Whether this gateway runs the Hangfire server (the jobs); the dashboard and RPCs work either way.</summary>
    public bool RunJobs { get; set; } = true;

    /// <summary>Hangfire workers of this gateway.</summary>
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

    /// <summary>The gateway's public HTTP address, for download links in webhooks, e.g. "https://coop.example.org".</summary>
    public string PublicBaseUrl { get; set; } = "http://127.0.0.1:5081";

    /// <summary>SMTP settings of the mailed reports and notices (the password from the environment: Reporting__Smtp__Password).</summary>
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
