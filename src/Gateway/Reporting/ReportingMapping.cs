using Cooperation.Contracts.Common;
using Cooperation.Contracts.Reporting;
using Cooperation.Gateway.Common;
using Cooperation.Gateway.Reporting.Delivery;
using Cronos;
using Proto = Cooperation.Contracts.Grpc;

namespace Cooperation.Gateway.Reporting;

/// <summary>Reporting messages to and from their domain forms.</summary>
public static class ReportingMapping
{
    /// <summary>A subscription's definition from the wire, its cron checked here (grains do not parse cron).</summary>
    public static ReportSubscriptionDefinition ToDomain(this Proto.Subscription? subscription)
    {
        if (subscription is null)
            throw new InvalidFieldException("subscription", "is required");
        var scope = subscription.Scope ?? throw new InvalidFieldException("scope", "is required");
        var schedule = subscription.Schedule ?? throw new InvalidFieldException("schedule", "is required");
        var cron = schedule.Cron.Trim().OrNull();
        if (cron is not null && !CronExpression.TryParse(cron, CronFormat.Standard, out _))
            throw new InvalidFieldException("schedule.cron", "must be a five-field cron expression such as \"0 7 1 * *\"");
        var formats = subscription.Formats.Count == 0
            ? ReportFormats.Pdf
            : subscription.Formats.Select((f, i) => CommonMapping.ToDomain<ReportFormatChoice>((int)f, $"formats[{i}]"))
                .Aggregate(ReportFormats.None, (all, f) => all | (ReportFormats)(1 << ((int)f - 1)));
        return new ReportSubscriptionDefinition(
            subscription.DonorOrganisationId,
            subscription.Title,
            new ReportScope(CommonMapping.ToDomain<ReportScopeKind>((int)scope.Kind, "scope.kind"), scope.Id.OrNull(), ValueList.Of(scope.PilotIds)),
            new ReportSchedule(CommonMapping.ToDomain<ReportCadence>((int)schedule.Cadence, "schedule.cadence"), cron, schedule.TimeZone),
            CommonMapping.ToDomain((int)subscription.Language, "language", ReportLanguage.En),
            formats,
            subscription.Figures.ToDomain(),
            ValueList.Of(subscription.Recipients.Select(r => r.Trim())),
            subscription.WebhookUrl.OrNull());
    }

    /// <summary>A subscription on the wire, with its next scheduled run.</summary>
    public static Proto.Subscription ToProto(this ReportSubscriptionView view, DateTimeOffset now)
    {
        var definition = view.Definition;
        var schedule = definition.Schedule;
        var next = view.Paused ? null : CronExpression.Parse(schedule.CronExpression)
            .GetNextOccurrence(now, TimeZoneInfo.FindSystemTimeZoneById(schedule.TimeZone));
        return new Proto.Subscription
        {
            DonorOrganisationId = definition.DonorOrganisationId,
            SubscriptionId = view.SubscriptionId,
            Title = definition.Title,
            Scope = new Proto.ReportScope
            {
                Kind = CommonMapping.ToProto<Proto.ReportScopeKind>(definition.Scope.Kind),
                Id = definition.Scope.Id ?? "",
                PilotIds = { definition.Scope.PilotIds },
            },
            Schedule = new Proto.ReportSchedule
            {
                Cadence = CommonMapping.ToProto<Proto.ReportCadence>(schedule.Cadence),
                Cron = schedule.Cron ?? "",
                TimeZone = schedule.TimeZone,
            },
            Language = CommonMapping.ToProto<Proto.ReportLanguage>(definition.Language),
            Formats = { Formats(definition.Formats) },
            Figures = CommonMapping.ToProto<Proto.Figures>(definition.Basis),
            Recipients = { definition.Recipients },
            WebhookUrl = definition.WebhookUrl ?? "",
            Paused = view.Paused,
            WebhookSecret = view.WebhookSecret,
            ChangedAt = ((DateTimeOffset?)view.ChangedAt).ToWire(),
            NextRunAt = next.ToWire(),
        };
    }

    /// <summary>An archived file on the wire.</summary>
    public static Proto.ArchivedReport ToProto(this ArchivedReportFile file) => new()
    {
        ReportId = file.ReportId,
        SubscriptionId = file.SubscriptionId,
        Period = file.Period,
        Format = Formats(file.Format).Single(),
        FileName = file.FileName,
        ContentType = file.ContentType,
        Size = file.Size,
        Sha256 = file.Sha256,
        Cutoff = ((DateTimeOffset?)file.Cutoff).ToWire(),
        PilotCount = file.PilotCount,
        CreatedAt = ((DateTimeOffset?)file.CreatedAt).ToWire(),
    };

    /// <summary>A delivery on the wire.</summary>
    public static Proto.Delivery ToProto(this DeliveryRecord delivery) => new()
    {
        SubscriptionId = delivery.Topic,
        Period = delivery.Period,
        Channel = delivery.Channel,
        Status = delivery.Status,
        Attempts = delivery.Attempts,
        LastError = delivery.LastError ?? "",
        Recipients = delivery.Recipients,
        UpdatedAt = ((DateTimeOffset?)delivery.UpdatedAt).ToWire(),
    };

    private static IEnumerable<Proto.ReportFormat> Formats(ReportFormats formats) =>
        new[] { ReportFormats.Pdf, ReportFormats.Html, ReportFormats.Csv }
            .Where(f => formats.HasFlag(f))
            .Select(f => f switch { ReportFormats.Pdf => Proto.ReportFormat.Pdf, ReportFormats.Html => Proto.ReportFormat.Html, _ => Proto.ReportFormat.Csv });

    // The wire's format numbers (1 PDF, 2 HTML, 3 CSV), checked like any enum before they become flags.
    private enum ReportFormatChoice
    {
        Pdf = 1,
        Html = 2,
        Csv = 3,
    }
}
