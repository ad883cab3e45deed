using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cooperation.Tests.Support;

namespace Cooperation.Tests.Journal;

/// <summary>
/// The frozen samples of stored events (tests/Cooperation.Tests/Golden/events): one JSON file per
/// stored kind, written once from the code of their time and never changed.
/// </summary>
public static class GoldenSamples
{
    /// <summary>Where they are.</summary>
    public static string Folder { get; } = Path.Combine(Ops.Root, "tests", "Cooperation.Tests", "Golden", "events");

    /// <summary>How a sample is written: indented, with Vietnamese and Japanese as they read.</summary>
    public static JsonSerializerOptions Readable { get; } = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, WriteIndented = true };

    private static readonly JsonSerializerOptions Compact = new(Readable) { WriteIndented = false };

    private static readonly bool WriteMissing = Environment.GetEnvironmentVariable("COOPERATION_WRITE_GOLDEN") == "1";

    /// <summary>
    /// The sample named <paramref name="name"/>. A missing one is written from
    /// <paramref name="missing"/> only when COOPERATION_WRITE_GOLDEN=1 (an existing one never is).
    /// </summary>
    public static string Read(string name, string? missing = null)
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
    public static string Canonical(string json) => JsonNode.Parse(json)!.ToJsonString(Compact);
}
