namespace Cooperation.Reports.Notices;

/// <summary>Settings of the e-mail notices to organisations (section "Notices").</summary>
public sealed class NoticeOptions
{
    /// <summary>Items falling due within this many days are listed in the daily digest (overdue ones always).</summary>
    public int WithinDays { get; set; } = 7;

    /// <summary>When the daily digest job runs (cron, in <see cref="TimeZone"/>).</summary>
    public string Cron { get; set; } = "0 8 * * *";

    /// <summary>IANA time zone of <see cref="Cron"/> and of the digest's date.</summary>
    public string TimeZone { get; set; } = "Asia/Ho_Chi_Minh";
}
