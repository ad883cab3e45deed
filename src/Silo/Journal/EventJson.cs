using System.Collections.Frozen;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Cooperation.Contracts.Common;

namespace Cooperation.Silo.Journal;

/// <summary>
/// How events are stored: JSON (readable in the history API and in psql), with their kind in a
/// column of its own. Enums are written by name and periods as "2025-03", so the stored form
/// does not depend on enum numbers or on how a type is laid out in memory.
/// </summary>
internal static class EventJson
{
    /// <summary>The serializer settings of stored events.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    private static readonly FrozenDictionary<Type, string> KindsByType = typeof(EventJson).Assembly.GetTypes()
        .Where(type => typeof(IEntityEvent).IsAssignableFrom(type) && type is { IsAbstract: false, IsInterface: false })
        .ToFrozenDictionary(type => type, type => type.GetCustomAttribute<EventKindAttribute>()?.StoredKind
            ?? throw new InvalidOperationException($"Event type {type.Name} has no [EventKind]."));

    private static readonly FrozenDictionary<string, Type> TypesByKind = KindsByType
        .GroupBy(pair => pair.Value)
        .ToFrozenDictionary(group => group.Key, group => group.Count() == 1
            ? group.Single().Key
            : throw new InvalidOperationException($"Event kind '{group.Key}' is used by more than one type."));

    /// <summary>Every known kind, as stored (each version of an event is a kind of its own).</summary>
    public static IReadOnlyCollection<string> Kinds => TypesByKind.Keys;

    /// <summary>The event type stored as <paramref name="kind"/>.</summary>
    public static Type TypeOf(string kind) => TypesByKind.GetValueOrDefault(kind)
        ?? throw new InvalidOperationException($"Unknown event kind '{kind}': written by a newer version?");

    /// <summary>The stored kind of <paramref name="event"/>.</summary>
    public static string KindOf(IEntityEvent @event) => KindsByType[@event.GetType()];

    /// <summary>The stored JSON of <paramref name="event"/>.</summary>
    public static string Serialize(IEntityEvent @event) => JsonSerializer.Serialize(@event, @event.GetType(), Options);

    /// <summary>The event stored as <paramref name="kind"/> with <paramref name="json"/>.</summary>
    public static IEntityEvent Deserialize(string kind, string json)
    {
        return (IEntityEvent)(JsonSerializer.Deserialize(json, TypeOf(kind), Options)
            ?? throw new InvalidOperationException($"Event of kind '{kind}' is null."));
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            // Computed properties (e.g. a text's Display) are derived again on reading.
            IgnoreReadOnlyProperties = true,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
        };
        options.Converters.Add(new JsonStringEnumConverter());
        options.Converters.Add(new ReportingPeriodConverter());
        options.Converters.Add(new ValueListConverterFactory());
        options.MakeReadOnly();
        return options;
    }

    private sealed class ReportingPeriodConverter : JsonConverter<ReportingPeriod>
    {
        public override ReportingPeriod Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            ReportingPeriod.Parse(reader.GetString() ?? "", "period");

        public override void Write(Utf8JsonWriter writer, ReportingPeriod value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.ToString());
    }

    private sealed class ValueListConverterFactory : JsonConverterFactory
    {
        public override bool CanConvert(Type typeToConvert) =>
            typeToConvert.IsGenericType && typeToConvert.GetGenericTypeDefinition() == typeof(ValueList<>);

        public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
            (JsonConverter)Activator.CreateInstance(typeof(ValueListConverter<>).MakeGenericType(typeToConvert.GetGenericArguments()[0]))!;
    }

    private sealed class ValueListConverter<T> : JsonConverter<ValueList<T>>
    {
        public override ValueList<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            ValueList.Of(JsonSerializer.Deserialize<T[]>(ref reader, options));

        public override void Write(Utf8JsonWriter writer, ValueList<T> value, JsonSerializerOptions options) =>
            JsonSerializer.Serialize(writer, value.ToArray(), options);
    }
}
