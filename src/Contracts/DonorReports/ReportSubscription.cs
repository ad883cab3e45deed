using Cooperation.Contracts.Common;
using Cooperation.Contracts.Submissions;

namespace Cooperation.Contracts.DonorReports;

/// <summary>How often a subscription's report is made, and which period it covers.</summary>
[GenerateSerializer, Alias("coop.ReportCadence")]
public enum ReportCadence
{
    /// <summary>Each month, on the last closed month.</summary>
    Monthly = 1,

    /// <summary>Each quarter, on the last closed quarter.</summary>
    Quarterly = 2,
}

/// <summary>What a report covers.</summary>
[GenerateSerializer, Alias("coop.ReportScopeKind")]
public enum ReportScopeKind
{
    /// <summary>The pilots of a partnership.</summary>
    Partnership = 1,

    /// <summary>The pilots of a programme.</summary>
    Programme = 2,

    /// <summary>A list of pilots.</summary>
    Pilots = 3,
}

/// <summary>The files a report is made as.</summary>
[Flags, GenerateSerializer, Alias("coop.ReportFormats")]
public enum ReportFormats
{
    /// <summary>None.</summary>
    None = 0,

    /// <summary>PDF with charts.</summary>
    Pdf = 1,

    /// <summary>HTML with inline SVG charts.</summary>
    Html = 2,

    /// <summary>CSV of the figures, one row per pilot × KPI × period.</summary>
    Csv = 4,

    /// <summary>Excel workbook (XLSX) of the CSV's figures, typed cells, headings in the report's language.</summary>
    Xlsx = 8,
}

/// <summary>The language names and headings of a report are given in.</summary>
[GenerateSerializer, Alias("coop.ReportLanguage")]
public enum ReportLanguage
{
    /// <summary>English.</summary>
    En = 1,

    /// <summary>Vietnamese.</summary>
    Vi = 2,

    /// <summary>Japanese.</summary>
    Ja = 3,
}

/// <summary>Which pilots a report covers: only those the subscribing donor funds.</summary>
/// <param name="Kind">Partnership, programme or a list of pilots.</param>
/// <param name="Id">The partnership or programme; null for a list.</param>
/// <param name="PilotIds">The pilots of a list; empty otherwise.</param>
[GenerateSerializer, Immutable, Alias("coop.ReportScope")]
public sealed record ReportScope(
    [property: Id(0)] ReportScopeKind Kind,
    [property: Id(1)] string? Id,
    [property: Id(2)] ValueList<string> PilotIds)
{
    /// <summary>Most pilots a list may name.</summary>
    public const int MaxPilots = 1000;

    /// <summary>Refuses a scope that names nothing or the wrong thing, naming the field.</summary>
    public void Validate()
    {
        Field.Choice(Kind, "scope.kind");
        if (Kind == ReportScopeKind.Pilots)
        {
            if (Id is not null)
                throw new InvalidFieldException("scope.id", "must be empty for a list of pilots");
            if (PilotIds.Count is 0 or > MaxPilots)
                throw new InvalidFieldException("scope.pilot_ids", $"must name 1 to {MaxPilots} pilots");
            for (var i = 0; i < PilotIds.Count; i++)
                Field.Id(PilotIds[i], $"scope.pilot_ids[{i}]");
            Field.DistinctIds(PilotIds, "scope.pilot_ids");
            return;
        }
        Field.Id(Id, "scope.id");
        if (PilotIds.Count > 0)
            throw new InvalidFieldException("scope.pilot_ids", "must be empty unless the scope is a list of pilots");
    }
}

/// <summary>
/// When reports are made: which periods (monthly or quarterly), in which time zone, and when runs
/// happen. A period's report is due once its submission window has closed (the longest window of
/// the programmes covered, plus the platform's grace); each run makes the report of the latest
/// period due by then, once (the gateway's <c>ReportCalendar</c> holds that rule).
/// </summary>
/// <param name="Cadence">Which periods reports cover, months or quarters.</param>
/// <param name="Cron">A five-field cron expression of when runs happen; null for the platform's default (a daily check, so each report goes out the day it is due).</param>
/// <param name="TimeZone">IANA time zone the schedule and periods are read in, e.g. "Asia/Tokyo".</param>
[GenerateSerializer, Immutable, Alias("coop.ReportSchedule")]
public sealed record ReportSchedule(
    [property: Id(0)] ReportCadence Cadence,
    [property: Id(1)] string? Cron,
    [property: Id(2)] string TimeZone)
{
    /// <summary>The reporting frequency of the periods reports cover.</summary>
    public ReportingFrequency Frequency => Cadence == ReportCadence.Monthly ? ReportingFrequency.Monthly : ReportingFrequency.Quarterly;

    /// <summary>Longest cron expression.</summary>
    public const int MaxCronLength = 100;

    /// <summary>Refuses a schedule that breaks a rule, its cron among them (<see cref="IsCron"/>).</summary>
    public void Validate()
    {
        Field.Choice(Cadence, "schedule.cadence");
        Field.TimeZone(TimeZone, "schedule.time_zone");
        if (Cron is not null && !IsCron(Cron))
            throw new InvalidFieldException("schedule.cron", "must be a five-field cron expression such as \"0 7 20 * *\"");
    }

    /// <summary>
    /// Whether <paramref name="cron"/> is a cron expression schedules take: five fields (minute,
    /// hour, day of month, month, day of week; no macros such as "@daily") that the scheduler's
    /// parser (Cronos, standard format) reads. The one rule of schedules' crons.
    /// </summary>
    public static bool IsCron(string cron) =>
        cron.Length <= MaxCronLength && cron.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length == 5
        && Cronos.CronExpression.TryParse(cron, Cronos.CronFormat.Standard, out _);
}

/// <summary>A donor's standing order for progress reports.</summary>
/// <param name="DonorOrganisationId">The donor the reports are for; they cover only pilots it funds.</param>
/// <param name="Title">What the subscription is called, e.g. "MOEJ monthly progress".</param>
/// <param name="Scope">Which pilots.</param>
/// <param name="Schedule">When.</param>
/// <param name="Language">Language of names and headings.</param>
/// <param name="Formats">Files made.</param>
/// <param name="Basis">Whether KPI progress counts approved figures only, or all submitted ones.</param>
/// <param name="Recipients">E-mail addresses the report is mailed to.</param>
/// <param name="WebhookUrl">Where report metadata is POSTed, signed; null for none.</param>
[GenerateSerializer, Immutable, Alias("coop.ReportSubscriptionDefinition")]
public sealed record ReportSubscriptionDefinition(
    [property: Id(0)] string DonorOrganisationId,
    [property: Id(1)] string Title,
    [property: Id(2)] ReportScope Scope,
    [property: Id(3)] ReportSchedule Schedule,
    [property: Id(4)] ReportLanguage Language,
    [property: Id(5)] ReportFormats Formats,
    [property: Id(6)] FigureBasis Basis,
    [property: Id(7)] ValueList<string> Recipients,
    [property: Id(8)] string? WebhookUrl)
{
    /// <summary>Most e-mail recipients of one subscription.</summary>
    public const int MaxRecipients = 50;

    // Every defined format is accepted: a new flag needs no change here.
    private static readonly ReportFormats EveryFormat = Enum.GetValues<ReportFormats>().Aggregate(ReportFormats.None, (all, format) => all | format);
    private static readonly string FormatNames = string.Join(", ", Enum.GetValues<ReportFormats>().Where(f => f != ReportFormats.None).Select(f => f.ToString().ToUpperInvariant()));

    /// <summary>Refuses a definition that breaks a rule, naming the field.</summary>
    public void Validate()
    {
        Field.Id(DonorOrganisationId, "donor_organisation_id");
        Field.Text(Title, "title", 200);
        Scope.Validate();
        Schedule.Validate();
        Field.Choice(Language, "language");
        if (Formats == ReportFormats.None || (Formats & ~EveryFormat) != 0)
            throw new InvalidFieldException("formats", $"must name one or more of {FormatNames}");
        if (!Enum.IsDefined(Basis))
            throw new InvalidFieldException("basis", "must be all or approved");
        if (Recipients.Count > MaxRecipients)
            throw new InvalidFieldException("recipients", $"may hold at most {MaxRecipients} addresses");
        for (var i = 0; i < Recipients.Count; i++)
            Field.EmailAddress(Recipients[i], $"recipients[{i}]");
        Field.OptionalLink(WebhookUrl, "webhook_url");
        if (Recipients.Count == 0 && WebhookUrl is null)
            throw new InvalidFieldException("recipients", "name at least one recipient, or a webhook_url");
    }
}

/// <summary>A subscription as read back. Its webhook secret is never part of it: see <see cref="WebhookSecretId"/>.</summary>
/// <param name="SubscriptionId">Its id, unique per donor.</param>
/// <param name="Definition">What it orders.</param>
/// <param name="Paused">Paused subscriptions make no scheduled reports ("send now" still works).</param>
/// <param name="ChangedAt">When it was created or last changed.</param>
[GenerateSerializer, Immutable, Alias("coop.ReportSubscriptionView")]
public sealed record ReportSubscriptionView(
    [property: Id(0)] string SubscriptionId,
    [property: Id(1)] ReportSubscriptionDefinition Definition,
    [property: Id(2)] bool Paused,
    [property: Id(4)] DateTimeOffset ChangedAt)
{
    // Id 3 held the webhook secret itself until secrets became write-only; it is not reused.

    /// <summary>
    /// Names the current webhook secret: the secret is derived from it under the platform's key
    /// (never stored, never read back), so neither the journal nor a read reveals it. A new one on
    /// every rotation.
    /// </summary>
    [Id(5)] public string WebhookSecretId { get; init; } = "";

    /// <summary>When it was created: periods due before then are not reported by its schedule.</summary>
    [Id(6)] public DateTimeOffset CreatedAt { get; init; }

    /// <summary>
    /// The longest submission window, in days, of the programmes it covers, as of the read (0 in
    /// stored state): a period's report waits until that window has closed.
    /// </summary>
    [Id(7)] public int WindowDays { get; init; }

    /// <summary>The name of the subscription's recurring job: unique across donors.</summary>
    public string JobId => JobIdOf(Definition.DonorOrganisationId, SubscriptionId);

    /// <summary>The recurring job name of <paramref name="subscriptionId"/> of <paramref name="donorId"/>.</summary>
    public static string JobIdOf(string donorId, string subscriptionId) => $"report:{donorId}:{subscriptionId}";
}

/// <summary>The answer to creating a subscription.</summary>
/// <param name="View">The subscription.</param>
/// <param name="IsNew">True when this call created it (its webhook secret may be shown now, and only now); false for a harmless repeat.</param>
[GenerateSerializer, Immutable, Alias("coop.ReportSubscriptionCreation")]
public sealed record ReportSubscriptionCreation([property: Id(0)] ReportSubscriptionView View, [property: Id(1)] bool IsNew);

/// <summary>Whose archived reports and deliveries a caller may read.</summary>
/// <param name="WholeDonor">All of the donor's, those of deleted subscriptions included (the donor itself, admins).</param>
/// <param name="SubscriptionIds">Otherwise, the subscriptions whose archive the caller may read.</param>
[GenerateSerializer, Immutable, Alias("coop.ReportArchiveAccess")]
public sealed record ReportArchiveAccess([property: Id(0)] bool WholeDonor, [property: Id(1)] ValueList<string> SubscriptionIds);
