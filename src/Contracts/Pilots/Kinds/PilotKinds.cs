using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Cooperation.Contracts.Common;
using Cooperation.Contracts.Jcm;
using Cooperation.Contracts.Kpis;

namespace Cooperation.Contracts.Pilots.Kinds;

/// <summary>
/// The registry of pilot kinds: one data file per <see cref="PilotKind"/> value, embedded in this
/// assembly as <c>pilot-kinds/{kind}.json</c> (e.g. <c>waste-to-energy.json</c>). A value without
/// its file, a file for no value, a template that breaks a KPI rule or lacks a language, or a
/// computed KPI nothing computes fails the first use (and <c>PilotKindsTests</c>), never a silent default.
/// </summary>
public static partial class PilotKinds
{
    private const string ResourcePrefix = "pilot-kinds/";

    // Strict: a misspelt field, a missing one or an enum by number fails the load. Declared before ByKind, which reads with it.
    private static readonly JsonSerializerOptions FileOptions = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        Converters = { new JsonStringEnumConverter(allowIntegerValues: false) },
    };

    private static readonly FrozenDictionary<PilotKind, PilotKindProfile> ByKind = Load();

    /// <summary>Every kind, in enum order.</summary>
    public static IReadOnlyList<PilotKindProfile> All { get; } = [.. ByKind.Values.OrderBy(p => p.Kind)];

    /// <summary>The profile of <paramref name="kind"/>; a value outside the enum is a programming error (validate input first).</summary>
    public static PilotKindProfile Of(PilotKind kind) => ByKind.TryGetValue(kind, out var profile)
        ? profile
        : throw new ArgumentOutOfRangeException(nameof(kind), kind, "No pilot kind has this value; validate the definition first.");

    /// <summary>The file name of <paramref name="kind"/>'s data: its name in kebab case, e.g. "jcm-equipment.json".</summary>
    public static string FileName(PilotKind kind) => $"{WordStart().Replace(kind.ToString(), "-$1").ToLowerInvariant()}.json";

    private static FrozenDictionary<PilotKind, PilotKindProfile> Load()
    {
        var assembly = typeof(PilotKinds).Assembly;
        var profiles = new Dictionary<PilotKind, PilotKindProfile>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            var file = resource[ResourcePrefix.Length..];
            var profile = Read(file, stream);
            if (FileName(profile.Kind) != file)
                throw new InvalidOperationException($"Pilot kind file {file} describes {profile.Kind}, whose file is {FileName(profile.Kind)}.");
            profiles.Add(profile.Kind, profile);
        }
        var missing = Enum.GetValues<PilotKind>().Except(profiles.Keys).ToArray();
        if (missing.Length > 0)
            throw new InvalidOperationException($"Pilot kind {string.Join(", ", missing)} has no data file ({string.Join(", ", missing.Select(FileName))}).");
        return profiles.ToFrozenDictionary();
    }

    private static PilotKindProfile Read(string file, Stream stream)
    {
        KindFile data;
        try
        {
            data = JsonSerializer.Deserialize<KindFile>(stream, FileOptions) ?? throw new JsonException("the file is empty");
        }
        catch (JsonException error)
        {
            throw new InvalidOperationException($"Pilot kind file {file} does not read: {error.Message}", error);
        }
        if (!Enum.IsDefined(data.Kind))
            throw new InvalidOperationException($"Pilot kind file {file} names no {nameof(PilotKind)} value.");
        var templates = new List<KpiDefinition>();
        foreach (var kpi in data.Kpis)
        {
            var definition = new KpiDefinition(kpi.Code, new LocalizedText(kpi.Name.Vi, kpi.Name.Ja, kpi.Name.En), kpi.Unit,
                kpi.Measure, kpi.Direction, kpi.Aggregation, null, null, ValueList.Of(kpi.Dimensions));
            try
            {
                definition.Validate();
            }
            catch (InvalidFieldException error)
            {
                throw new InvalidOperationException($"Pilot kind file {file}, KPI '{kpi.Code}': {error.Message}", error);
            }
            if (kpi.Name.Vi is null || kpi.Name.Ja is null || kpi.Name.En is null)
                throw new InvalidOperationException($"Pilot kind file {file}, KPI '{kpi.Code}': needs its name in vi, ja and en.");
            if (templates.Any(t => t.Code == kpi.Code))
                throw new InvalidOperationException($"Pilot kind file {file} has KPI '{kpi.Code}' twice.");
            templates.Add(definition);
        }
        var computed = data.Kpis.Where(k => k.Computed).Select(k => k.Code).ToFrozenSet(StringComparer.Ordinal);
        CheckComputed(file, data.JcmMonitoring, templates, computed);
        return new PilotKindProfile(data.Kind, data.JcmMonitoring, ValueList.Of(templates), computed);
    }

    /// <summary>
    /// What the kind computes must be computed by something it implies: JCM monitoring computes the
    /// emission reductions (an incremental number, the form its results are recorded in), nothing else.
    /// </summary>
    private static void CheckComputed(string file, bool jcmMonitoring, List<KpiDefinition> templates, IReadOnlySet<string> computed)
    {
        foreach (var code in computed.Where(code => !jcmMonitoring || code != JcmCalculation.EmissionReductionsKpi))
            throw new InvalidOperationException($"Pilot kind file {file}: KPI '{code}' is marked computed, but nothing the kind implies computes it.");
        if (!jcmMonitoring)
            return;
        if (!computed.Contains(JcmCalculation.EmissionReductionsKpi)
            || !JcmCalculation.TakesReductions(templates.Single(t => t.Code == JcmCalculation.EmissionReductionsKpi)))
        {
            throw new InvalidOperationException($"Pilot kind file {file}: a JCM-monitored kind has KPI '{JcmCalculation.EmissionReductionsKpi}', "
                + "computed, an incremental number.");
        }
    }

    [GeneratedRegex("(?<!^)([A-Z])")]
    private static partial Regex WordStart();

    private sealed record KindFile(PilotKind Kind, bool JcmMonitoring, IReadOnlyList<TemplateKpi> Kpis);

    private sealed record TemplateKpi(string Code, TemplateName Name, string Unit, KpiMeasure Measure, KpiDirection Direction,
        KpiAggregation Aggregation, IReadOnlyList<string>? Dimensions = null, bool Computed = false);

    private sealed record TemplateName(string? Vi, string? Ja, string? En);
}
