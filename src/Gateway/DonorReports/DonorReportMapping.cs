using Cooperation.Contracts.Common;
using Cooperation.Contracts.DonorReports;
using Cooperation.Gateway.Common;
using Cooperation.Reports.Delivery;
using Proto = Cooperation.Contracts.Grpc;
using Cooperation.Reports;

namespace Cooperation.Gateway.DonorReports;

/// <summary>Donor-report messages (the API's ReportingService) to and from their domain forms.</summary>
internal static class DonorReportMapping
{
    /// <summary>A subscription's definition from the wire; the subscriptions grain validates it whole (<see cref="ReportSubscriptionDefinition.Validate"/>).</summary>
    public static ReportSubscriptionDefinition ToDomain(this Proto.Subscription? subscription)
    {
        if (subscription is null)
            throw new InvalidFieldException("subscription", "is required");
        var scope = subscription.Scope ?? throw new InvalidFieldException("scope", "is required");
        var schedule = subscription.Schedule ?? throw new InvalidFieldException("schedule", "is required");
        var cron = schedule.Cron.Trim().OrNull();
        var formats = subscription.Formats.Count == 0
            ? ReportFormats.Pdf
            : subscription.Formats.Select(ToDomain).Aggregate(ReportFormats.None, (all, format) => all | format);
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

    /// <summary>A subscription on the wire, with its next scheduled run and the period it reports; never its webhook secret.</summary>
    public static Proto.Subscription ToProto(this ReportSubscriptionView view, ReportCalendar calendar, DateTimeOffset now)
    {
        var definition = view.Definition;
        var schedule = definition.Schedule;
        var next = calendar.NextRunOf(view, now);
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
            ChangedAt = ((DateTimeOffset?)view.ChangedAt).ToWire(),
            NextRunAt = ((DateTimeOffset?)next?.At).ToWire(),
            NextRunPeriod = next?.Period.ToString() ?? "",
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
        Revision = file.Revision,
        FiguresChanged = file.Changes?.FiguresChanged ?? 0,
        NewlyVerified = file.Changes?.NewlyVerified ?? 0,
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
        Revision = delivery.Revision,
    };

    /// <summary>
    /// The flag of a wire format, by one rule: <c>REPORT_FORMAT_X</c> is <c>ReportFormats.X</c> (the
    /// wire numbers formats 1, 2, 3, …; the domain combines flags 1, 2, 4, …). Every wire value but
    /// UNSPECIFIED has its flag and every flag its wire value, or the first use fails.
    /// </summary>
    public static IReadOnlyDictionary<Proto.ReportFormat, ReportFormats> FormatFlags { get; } = FormatFlagsByName();

    private static readonly string FormatChoices = string.Join(", ", FormatFlags.Keys.Order().Select(f => f.ToString().ToUpperInvariant()));

    private static ReportFormats ToDomain(Proto.ReportFormat format, int index) => FormatFlags.TryGetValue(format, out var flag)
        ? flag
        : throw new InvalidFieldException($"formats[{index}]", $"must be one of {FormatChoices}");

    private static IEnumerable<Proto.ReportFormat> Formats(ReportFormats formats) =>
        FormatFlags.Where(pair => formats.HasFlag(pair.Value)).OrderBy(pair => pair.Value).Select(pair => pair.Key);

    private static Dictionary<Proto.ReportFormat, ReportFormats> FormatFlagsByName()
    {
        // Protobuf's C# names drop the prefix: REPORT_FORMAT_XLSX is ReportFormat.Xlsx.
        var wires = Enum.GetValues<Proto.ReportFormat>().Where(f => f != Proto.ReportFormat.Unspecified).ToArray();
        var flags = Enum.GetValues<ReportFormats>().Where(f => f != ReportFormats.None).ToArray();
        var unmatched = wires.Select(w => w.ToString()).Except(flags.Select(f => f.ToString()))
            .Concat(flags.Select(f => f.ToString()).Except(wires.Select(w => w.ToString()))).ToArray();
        if (unmatched.Length > 0)
            throw new InvalidOperationException($"Report formats {string.Join(", ", unmatched)} are on one side only: REPORT_FORMAT_X in reporting.proto is ReportFormats.X.");
        return wires.ToDictionary(wire => wire, wire => Enum.Parse<ReportFormats>(wire.ToString()));
    }
}
