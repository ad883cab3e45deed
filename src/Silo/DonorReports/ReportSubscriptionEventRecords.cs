using Cooperation.Contracts.Common;
using Cooperation.Contracts.DonorReports;
using Cooperation.Contracts.Submissions;
using Cooperation.Silo.Journal;

namespace Cooperation.Silo.DonorReports;

/// <summary>A subscription's definition as its events store it.</summary>
/// <param name="DonorOrganisationId">The donor.</param>
/// <param name="Title">What it is called.</param>
/// <param name="Scope">Which pilots.</param>
/// <param name="Schedule">When.</param>
/// <param name="Language">Language of names and headings.</param>
/// <param name="Formats">Files made.</param>
/// <param name="Basis">Which figures count.</param>
/// <param name="Recipients">E-mail recipients.</param>
/// <param name="WebhookUrl">Webhook, if any.</param>
internal sealed record StoredSubscriptionDefinition(
    string DonorOrganisationId,
    string Title,
    StoredReportScope Scope,
    StoredReportSchedule Schedule,
    ReportLanguage Language,
    ReportFormats Formats,
    FigureBasis Basis,
    ValueList<string> Recipients,
    string? WebhookUrl) : IStoredRecord<StoredSubscriptionDefinition, ReportSubscriptionDefinition>
{
    /// <inheritdoc/>
    public static StoredSubscriptionDefinition Of(ReportSubscriptionDefinition value) => new(value.DonorOrganisationId, value.Title,
        StoredReportScope.Of(value.Scope), StoredReportSchedule.Of(value.Schedule), value.Language, value.Formats, value.Basis,
        value.Recipients, value.WebhookUrl);

    /// <inheritdoc/>
    public ReportSubscriptionDefinition ToContract() => new(DonorOrganisationId, Title, Scope.ToContract(), Schedule.ToContract(),
        Language, Formats, Basis, Recipients, WebhookUrl);
}

/// <summary>A stored subscription's scope.</summary>
/// <param name="Kind">Partnership, programme or list.</param>
/// <param name="Id">The partnership or programme.</param>
/// <param name="PilotIds">The pilots of a list.</param>
internal sealed record StoredReportScope(ReportScopeKind Kind, string? Id, ValueList<string> PilotIds) : IStoredRecord<StoredReportScope, ReportScope>
{
    /// <inheritdoc/>
    public static StoredReportScope Of(ReportScope value) => new(value.Kind, value.Id, value.PilotIds);

    /// <inheritdoc/>
    public ReportScope ToContract() => new(Kind, Id, PilotIds);
}

/// <summary>A stored subscription's schedule.</summary>
/// <param name="Cadence">Months or quarters.</param>
/// <param name="Cron">When runs happen; null for the platform's default.</param>
/// <param name="TimeZone">The time zone it is read in.</param>
internal sealed record StoredReportSchedule(ReportCadence Cadence, string? Cron, string TimeZone) : IStoredRecord<StoredReportSchedule, ReportSchedule>
{
    /// <inheritdoc/>
    public static StoredReportSchedule Of(ReportSchedule value) => new(value.Cadence, value.Cron, value.TimeZone);

    /// <inheritdoc/>
    public ReportSchedule ToContract() => new(Cadence, Cron, TimeZone);
}
