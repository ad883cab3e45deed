using System.Text.Json.Nodes;
using Cooperation.Silo.Journal;

namespace Cooperation.Tests.Journal;

/// <summary>
/// The journal holds events as JSON for good: a golden sample of every event kind (see
/// <see cref="GoldenSamples"/>) must still read and write back the same, and the events grains
/// build must still be written so. A rename that would break stored history fails here. A new
/// kind needs a sample: run the tests once with COOPERATION_WRITE_GOLDEN=1 to write the missing
/// ones (never existing ones), check them and commit them.
/// </summary>
public sealed class GoldenEventTests
{
    private static string Folder => GoldenSamples.Folder;

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

    /// <summary>Samples of shapes stored before a property was added (Golden/events/earlier).</summary>
    public static TheoryData<string> EarlierShapes => new(Directory.GetFiles(Path.Combine(Folder, "earlier"), "*.json")
        .Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal)!);

    /// <summary>
    /// History written before a property existed still reads, with the meaning it had then: the
    /// property absent reads as the value that applied (e.g. 15 days of submission window).
    /// </summary>
    [Theory, MemberData(nameof(EarlierShapes))]
    public void An_event_stored_before_a_property_existed_reads_as_it_meant_then(string name)
    {
        var sample = JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, "earlier", name + ".json")))!.AsObject();
        var kind = sample["kind"]!.GetValue<string>();

        var read = EventJson.Deserialize(kind, sample["stored"]!.ToJsonString());

        Assert.Equal(Canonical(sample["readsAs"]!.ToJsonString()), Canonical(EventJson.Serialize(read)));
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

        var frozen = JsonNode.Parse(Golden(EnumsFile, current.ToJsonString(GoldenSamples.Readable)))!.AsObject();

        foreach (var (name, members) in frozen)
        {
            Assert.True(current.ContainsKey(name), $"Stored events no longer hold enum {name}, or it was renamed: stored history names it.");
            var now = current[name]!.AsArray().Select(m => m!.GetValue<string>()).ToHashSet();
            var missing = members!.AsArray().Select(m => m!.GetValue<string>()).Where(m => !now.Contains(m)).ToList();
            Assert.True(missing.Count == 0, $"{name} lost members that stored events may hold: {string.Join(", ", missing)}.");
        }
        Assert.True(Canonical(current.ToJsonString()) == Canonical(frozen.ToJsonString()),
            $"The enums stored events hold changed: add the new members or enums to {EnumsFile}.json (never rename one). Now:\n{current.ToJsonString(GoldenSamples.Readable)}");
    }

    /// <summary>Enums reachable from the stored event types' properties.</summary>
    private static IEnumerable<Type> StoredEnums() => StoredShapes.Reachable(EventJson.Kinds.Select(EventJson.TypeOf)).Where(t => t.IsEnum);

    private static string Golden(string name, string? missing = null) => GoldenSamples.Read(name, missing);

    private static string Canonical(string json) => GoldenSamples.Canonical(json);
}
