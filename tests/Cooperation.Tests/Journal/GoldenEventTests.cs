using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cooperation.Contracts.Common;
using Cooperation.Silo.Journal;
using Cooperation.Tests.Support;

namespace Cooperation.Tests.Journal;

/// <summary>
/// The journal holds events as JSON for good: a golden sample of every event kind, written once
/// and then frozen (tests/Cooperation.Tests/Golden/events), must still read and write back the
/// same. A rename that would break stored history fails here. A new kind needs a sample: run the
/// tests once with COOPERATION_WRITE_GOLDEN=1 to write the missing ones (never existing ones),
/// and commit them.
/// </summary>
public sealed class GoldenEventTests
{
    private static readonly string Folder = Path.Combine(Ops.Root, "tests", "Cooperation.Tests", "Golden", "events");

    private static readonly bool WriteMissing = Environment.GetEnvironmentVariable("COOPERATION_WRITE_GOLDEN") == "1";

    private static readonly JsonSerializerOptions Readable = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = true,
    };

    private static readonly JsonSerializerOptions Compact = new(Readable) { WriteIndented = false };

    /// <summary>Every kind the journal knows.</summary>
    public static TheoryData<string> Kinds => new(EventJson.Kinds.Order(StringComparer.Ordinal));

    [Fact]
    public void Every_event_kind_has_a_golden_sample_and_every_sample_a_kind()
    {
        var samples = Directory.GetFiles(Folder, "*.json").Select(Path.GetFileNameWithoutExtension).Where(n => n != EnumsFile).ToHashSet();

        var unsampled = EventJson.Kinds.Where(kind => !samples.Contains(kind)).ToList();
        var unknown = samples.Where(name => !EventJson.Kinds.Contains(name!)).ToList();

        Assert.True(unsampled.Count == 0, $"Kinds without a golden sample: {string.Join(", ", unsampled)}.");
        Assert.True(unknown.Count == 0, $"Golden samples of no kind the journal knows: {string.Join(", ", unknown)}.");
    }

    [Fact]
    public void Every_event_kind_has_a_sample_built_as_grains_build_it()
    {
        Assert.Equal(EventJson.Kinds.Order(StringComparer.Ordinal), EventSamples.All.Select(EventJson.KindOf).Order(StringComparer.Ordinal));
    }

    [Theory, MemberData(nameof(Kinds))]
    public void A_golden_sample_reads_and_writes_back_the_same_json(string kind)
    {
        var golden = Golden(kind);

        var read = EventJson.Deserialize(kind, golden);

        Assert.Equal(Canonical(golden), Canonical(EventJson.Serialize(read)));
    }

    [Theory, MemberData(nameof(Kinds))]
    public void An_event_built_as_grains_build_it_is_stored_as_its_golden_sample_and_reads_back_equal(string kind)
    {
        var sample = EventSamples.All.Single(e => EventJson.KindOf(e) == kind);

        var golden = Golden(kind, EventJson.Serialize(sample));

        Assert.Equal(Canonical(golden), Canonical(EventJson.Serialize(sample)));
        Assert.Equal(sample, EventJson.Deserialize(kind, golden));
    }

    private const string EnumsFile = "enums";

    /// <summary>
    /// Enums are stored by member name: the names of every enum a stored event holds are frozen
    /// too. Members may be added (then add them to the list), never renamed or removed.
    /// </summary>
    [Fact]
    public void The_enum_members_stored_events_hold_keep_their_names()
    {
        var current = new JsonObject();
        foreach (var type in StoredEnums().OrderBy(t => t.Name, StringComparer.Ordinal))
            current[type.Name] = new JsonArray(Enum.GetNames(type).Select(n => (JsonNode)n).ToArray());

        var frozen = JsonNode.Parse(Golden(EnumsFile, current.ToJsonString(Readable)))!.AsObject();

        foreach (var (name, members) in frozen)
        {
            Assert.True(current.ContainsKey(name), $"Stored events no longer hold enum {name}, or it was renamed: stored history names it.");
            var now = current[name]!.AsArray().Select(m => m!.GetValue<string>()).ToHashSet();
            var missing = members!.AsArray().Select(m => m!.GetValue<string>()).Where(m => !now.Contains(m)).ToList();
            Assert.True(missing.Count == 0, $"{name} lost members that stored events may hold: {string.Join(", ", missing)}.");
        }
        Assert.True(Canonical(current.ToJsonString()) == Canonical(frozen.ToJsonString()),
            $"The enums stored events hold changed: add the new members or enums to {EnumsFile}.json (never rename one). Now:\n{current.ToJsonString(Readable)}");
    }

    /// <summary>Enums reachable from the stored event types' properties.</summary>
    private static IEnumerable<Type> StoredEnums()
    {
        var seen = new HashSet<Type>();
        var enums = new HashSet<Type>();
        var pending = new Stack<Type>(EventSamples.All.Select(e => e.GetType()));
        while (pending.TryPop(out var type))
        {
            if (!seen.Add(type))
                continue;
            var inner = Nullable.GetUnderlyingType(type) ?? type;
            if (inner.IsEnum)
            {
                enums.Add(inner);
                continue;
            }
            if (inner.IsGenericType)
                foreach (var argument in inner.GetGenericArguments())
                    pending.Push(argument);
            if (inner.Namespace?.StartsWith("Cooperation", StringComparison.Ordinal) != true || inner == typeof(ReportingPeriod))
                continue;
            foreach (var property in inner.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
                pending.Push(property.PropertyType);
        }
        return enums;
    }

    /// <summary>The frozen sample named <paramref name="name"/>; written from <paramref name="missing"/> only when asked and absent.</summary>
    private static string Golden(string name, string? missing = null)
    {
        var path = Path.Combine(Folder, name + ".json");
        if (!File.Exists(path) && WriteMissing && missing is not null)
        {
            Directory.CreateDirectory(Folder);
            File.WriteAllText(path, JsonNode.Parse(missing)!.ToJsonString(Readable) + "\n");
        }
        Assert.True(File.Exists(path), $"No golden sample {path}: run the tests with COOPERATION_WRITE_GOLDEN=1 once to write it from the current code, check it and commit it.");
        return File.ReadAllText(path);
    }

    /// <summary>JSON as compact text, property order and number text kept: equal when the stored form is.</summary>
    private static string Canonical(string json) => JsonNode.Parse(json)!.ToJsonString(Compact);
}
