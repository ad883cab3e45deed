using System.Security.Cryptography;
using Cooperation.Contracts.Common;
using Cooperation.Contracts.DonorReports;
using Cooperation.Contracts.Submissions;

namespace Cooperation.Web.Forms;

/// <summary>What the subscription form sent, read into the domain's definition, with what could not be read.</summary>
/// <param name="Definition">The definition (choices that could not be read left at a value the domain refuses, or a default).</param>
/// <param name="Unreadable">Form field → the word key of why it could not be read.</param>
/// <param name="Fields">The domain's field names of <paramref name="Definition"/> → the form's, for its refusals.</param>
internal sealed record SubscriptionFormReading(
    ReportSubscriptionDefinition Definition,
    IReadOnlyDictionary<string, string> Unreadable,
    IReadOnlyDictionary<string, string> Fields);

/// <summary>
/// A donor's subscription form as plain logic: its field names, and the reading of what it sent into
/// a <see cref="ReportSubscriptionDefinition"/>, which the domain checks
/// (<see cref="ReportSubscriptionDefinition.Validate"/>, called by the subscriptions grain): this
/// only reads the browser's text, it refuses nothing the domain refuses.
/// </summary>
internal static class SubscriptionForm
{
    /// <summary>The subscription's id (hidden: made when the form is first shown, so a double submit creates one).</summary>
    public const string IdField = "subscription";

    /// <summary>Fields of the form, as it sends them.</summary>
    public const string TitleField = "title", ScopeField = "scope", CadenceField = "cadence", WhenField = "when", CronField = "cron",
        TimeZoneField = "timeZone", LanguageField = "language", FormatsField = "formats", BasisField = "basis",
        RecipientsField = "recipients", WebhookField = "webhookUrl";

    /// <summary>The <see cref="WhenField"/> choice of the platform's default schedule, and of a cron.</summary>
    public const string DefaultWhen = "default", CronWhen = "cron";

    /// <summary>A new subscription id: "s-" and 16 hex digits (an id as the domain takes them).</summary>
    public static string NewId() => "s-" + RandomNumberGenerator.GetHexString(16, lowercase: true);

    /// <summary>The choice value of <paramref name="scope"/>: "partnership:id", "programme:id" or "pilots:a,b".</summary>
    public static string ScopeValue(ReportScope scope) => scope.Kind switch
    {
        ReportScopeKind.Partnership => "partnership:" + scope.Id,
        ReportScopeKind.Programme => "programme:" + scope.Id,
        _ => "pilots:" + string.Join(',', scope.PilotIds),
    };

    /// <summary>The scope of a choice value; null when it is none.</summary>
    public static ReportScope? Scope(string value)
    {
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
            return null;
        var (kind, ids) = (value[..colon], value[(colon + 1)..]);
        return kind switch
        {
            "partnership" => new ReportScope(ReportScopeKind.Partnership, ids, ValueList<string>.Empty),
            "programme" => new ReportScope(ReportScopeKind.Programme, ids, ValueList<string>.Empty),
            "pilots" => new ReportScope(ReportScopeKind.Pilots, null, ValueList.Of(ids.Split(',', StringSplitOptions.RemoveEmptyEntries))),
            _ => null,
        };
    }

    /// <summary>The formats a subscription may be made as, in their order (every flag the domain defines).</summary>
    public static IReadOnlyList<ReportFormats> Formats { get; } = [.. Enum.GetValues<ReportFormats>().Where(f => f != ReportFormats.None)];

    /// <summary>The name a format is shown and sent by ("PDF").</summary>
    public static string FormatName(ReportFormats format) => format.ToString().ToUpperInvariant();

    /// <summary>The recipients written one per line (commas and semicolons also part them).</summary>
    public static IReadOnlyList<string> Recipients(string text) =>
        [.. text.Split(['\n', '\r', ',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    /// <summary>
    /// Reads the form of <paramref name="donorId"/>'s subscription: <paramref name="value"/> gives a
    /// field's text, <paramref name="values"/> every value of a repeated field (the formats).
    /// </summary>
    public static SubscriptionFormReading Read(string donorId, Func<string, string> value, Func<string, IReadOnlyList<string>> values)
    {
        var unreadable = new Dictionary<string, string>(StringComparer.Ordinal);
        var scope = Scope(value(ScopeField).Trim());
        if (scope is null)
            unreadable[ScopeField] = "subscription.choose";
        var cadence = Choice<ReportCadence>(value(CadenceField), CadenceField, unreadable);
        var language = Choice<ReportLanguage>(value(LanguageField), LanguageField, unreadable);
        var basis = Choice<FigureBasis>(value(BasisField), BasisField, unreadable);
        var formats = ReportFormats.None;
        foreach (var name in values(FormatsField))
        {
            if (Formats.FirstOrDefault(f => FormatName(f) == name) is var format and not ReportFormats.None)
                formats |= format;
            else
                unreadable[FormatsField] = "subscription.choose";
        }
        // The default schedule has no cron; a cron chosen but left blank is the domain's to refuse.
        var cron = value(WhenField) == DefaultWhen ? null : value(CronField).Trim();
        var webhook = value(WebhookField).Trim();
        var recipients = Recipients(value(RecipientsField));
        var definition = new ReportSubscriptionDefinition(
            donorId,
            value(TitleField).Trim(),
            scope ?? new ReportScope(ReportScopeKind.Partnership, null, ValueList<string>.Empty),
            new ReportSchedule(cadence, cron, value(TimeZoneField).Trim()),
            language,
            formats,
            basis,
            ValueList.Of(recipients),
            webhook.Length == 0 ? null : webhook);
        return new(definition, unreadable, FieldsOf(recipients.Count, scope?.PilotIds.Count ?? 0));
    }

    // An enum's name as the form sends it (its own name, e.g. "Monthly"); 0 (refused by the domain) otherwise.
    private static T Choice<T>(string sent, string field, Dictionary<string, string> unreadable) where T : struct, Enum
    {
        if (Enum.TryParse<T>(sent, ignoreCase: false, out var chosen) && Field.IsChoice(chosen) && !int.TryParse(sent, out _))
            return chosen;
        unreadable[field] = "subscription.choose";
        return default;
    }

    // The domain's names of the definition's fields → the form's.
    private static Dictionary<string, string> FieldsOf(int recipients, int pilots)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["title"] = TitleField,
            ["scope.kind"] = ScopeField,
            ["scope.id"] = ScopeField,
            ["scope.pilot_ids"] = ScopeField,
            ["schedule.cadence"] = CadenceField,
            ["schedule.cron"] = CronField,
            ["schedule.time_zone"] = TimeZoneField,
            ["language"] = LanguageField,
            ["formats"] = FormatsField,
            ["basis"] = BasisField,
            ["recipients"] = RecipientsField,
            ["webhook_url"] = WebhookField,
            ["donor_organisation_id"] = TitleField,
            ["subscription_id"] = TitleField,
        };
        for (var i = 0; i < recipients; i++)
            fields[$"recipients[{i}]"] = RecipientsField;
        for (var i = 0; i < pilots; i++)
            fields[$"scope.pilot_ids[{i}]"] = ScopeField;
        return fields;
    }
}
