using System.Collections;
using System.Reflection;
using Cooperation.Contracts.Common;
using Cooperation.Silo.Journal;

namespace Cooperation.Tests.Journal;

/// <summary>
/// Stored events are the silo's own records: none holds a contract type (beyond enums, periods
/// and lists, which the stored form writes by name, as "2025-03" and as arrays), and each record
/// of nested data maps to its contract type and back without losing anything.
/// </summary>
public sealed class StoredRecordTests
{
    private static readonly Assembly Contracts = typeof(LocalizedText).Assembly;

    private static readonly Assembly Silo = typeof(EventJson).Assembly;

    [Fact]
    public void No_stored_event_holds_a_contract_type_but_enums_periods_and_lists()
    {
        var offenders = StoredShapes.Reachable(EventJson.Kinds.Select(EventJson.TypeOf))
            .Where(type => type.Assembly == Contracts && !type.IsEnum && type != typeof(ReportingPeriod)
                && !(type.IsGenericType && type.GetGenericTypeDefinition() == typeof(ValueList<>)))
            .Select(type => type.Name)
            .ToList();

        Assert.True(offenders.Count == 0, $"Stored events hold contract types: {string.Join(", ", offenders)}. Give them records of their own (IStoredRecord).");
    }

    [Fact]
    public void Every_stored_record_maps_to_its_contract_and_back_unchanged()
    {
        var seen = new HashSet<Type>();
        foreach (var record in StoredShapes.Values(EventSamples.All).Where(v => MappingOf(v.GetType()) is not null))
        {
            var (of, toContract) = MappingOf(record.GetType())!.Value;
            var back = of.Invoke(null, [toContract.Invoke(record, null)]);

            Assert.Equal(record, back);
            seen.Add(record.GetType());
        }

        var records = Silo.GetTypes().Where(t => MappingOf(t) is not null).ToList();
        Assert.NotEmpty(records);
        Assert.True(records.All(seen.Contains), $"Stored records no sample holds: {string.Join(", ", records.Where(r => !seen.Contains(r)).Select(r => r.Name))}.");
    }

    /// <summary>A stored record's <c>Of</c> and <c>ToContract</c>; null for a type that is none.</summary>
    private static (MethodInfo Of, MethodInfo ToContract)? MappingOf(Type type)
    {
        var mapping = type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IStoredRecord<,>));
        if (mapping is null)
            return null;
        var contract = mapping.GetGenericArguments()[1];
        return (type.GetMethod(nameof(StoredText.Of), BindingFlags.Public | BindingFlags.Static, [contract])!,
            type.GetMethod(nameof(StoredText.ToContract), BindingFlags.Public | BindingFlags.Instance, Type.EmptyTypes)!);
    }
}

/// <summary>Walks what stored events hold, as their JSON does: writable public properties, list items, nullable values.</summary>
internal static class StoredShapes
{
    /// <summary>Every type reachable from <paramref name="roots"/>.</summary>
    public static IReadOnlySet<Type> Reachable(IEnumerable<Type> roots)
    {
        var seen = new HashSet<Type>();
        var pending = new Stack<Type>(roots);
        while (pending.TryPop(out var type))
        {
            type = Nullable.GetUnderlyingType(type) ?? type;
            if (!seen.Add(type) || type.IsEnum || type.Namespace?.StartsWith("Cooperation", StringComparison.Ordinal) != true || type == typeof(ReportingPeriod))
                continue;
            foreach (var argument in type.IsGenericType ? type.GetGenericArguments() : [])
                pending.Push(argument);
            foreach (var property in Stored(type))
                pending.Push(property.PropertyType);
        }
        return seen;
    }

    /// <summary>Every value held by <paramref name="roots"/>, them included.</summary>
    public static IEnumerable<object> Values(IEnumerable<object> roots)
    {
        var pending = new Stack<object>(roots);
        while (pending.TryPop(out var value))
        {
            yield return value;
            var type = value.GetType();
            if (type.Namespace?.StartsWith("Cooperation", StringComparison.Ordinal) != true || type.IsEnum || type == typeof(ReportingPeriod))
                continue;
            if (value is IEnumerable items)
            {
                foreach (var item in items)
                    if (item is not null)
                        pending.Push(item);
                continue;
            }
            foreach (var property in Stored(type))
                if (property.GetValue(value) is { } held)
                    pending.Push(held);
        }
    }

    private static IEnumerable<PropertyInfo> Stored(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite && p.GetIndexParameters().Length == 0);
}
