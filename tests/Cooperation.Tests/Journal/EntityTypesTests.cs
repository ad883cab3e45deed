using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Cooperation.Contracts.Common;
using Cooperation.Silo.Journal;
using Cooperation.Tests.Support;

namespace Cooperation.Tests.Journal;

/// <summary>
/// One list of entity-type names (<see cref="EntityTypes"/>): every grain that keeps a history
/// takes its name from it, and every name SQL uses is on it.
/// </summary>
public sealed partial class EntityTypesTests
{
    [Fact]
    public void Every_name_is_listed_once_and_is_one_the_journal_table_accepts()
    {
        Assert.Equal(EntityTypes.All.Count, EntityTypes.All.Distinct().Count());
        // entity_event.entity_type CHECK (entity_type ~ '^[a-z]+$'), migration 0007.
        Assert.All(EntityTypes.All, name => Assert.Matches("^[a-z]+$", name));
        var constants = typeof(EntityTypes).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!);
        Assert.Equal(constants.Order(StringComparer.Ordinal), EntityTypes.All.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_grain_with_a_history_is_named_from_the_list_and_stores_its_snapshots_under_that_name()
    {
        var grains = typeof(EventJson).Assembly.GetTypes().Where(t => !t.IsAbstract && KeepsHistory(t)).ToList();
        var names = grains.ToDictionary(t => t, EntityTypeOf);

        Assert.True(grains.Count >= 10, $"Only {grains.Count} grains with a history found.");
        Assert.All(names.Values, name => Assert.Contains(name, EntityTypes.All));
        Assert.Equal(names.Count, names.Values.Distinct().Count());
        foreach (var (grain, name) in names)
        {
            var state = grain.GetConstructors().Single().GetParameters()
                .Select(p => p.GetCustomAttribute<PersistentStateAttribute>()).Single(a => a is not null)!.StateName;
            // The registry's snapshots kept the name they had before the list.
            Assert.Equal(name == EntityTypes.CredentialRegistry ? "credential-registry" : name, state);
        }
    }

    [Fact]
    public void Every_entity_type_and_event_kind_that_SQL_names_is_known()
    {
        var sources = Directory.GetFiles(Path.Combine(Ops.Root, "ops", "sql"), "*.sql")
            .Concat(Directory.GetFiles(Path.Combine(Ops.Root, "src"), "*.cs", SearchOption.AllDirectories).Where(f => !f.Contains("/obj/") && !f.Contains("/bin/")))
            .ToDictionary(f => Path.GetRelativePath(Ops.Root, f), File.ReadAllText);

        var types = Named(sources, EntityTypeInSql()).ToList();
        var kinds = Named(sources, KindInSql()).ToList();

        Assert.NotEmpty(types);
        Assert.NotEmpty(kinds);
        Assert.All(types, found => Assert.True(EntityTypes.All.Contains(found.Name), $"{found.File} names entity type '{found.Name}', which is not in EntityTypes."));
        Assert.All(kinds, found => Assert.True(EventJson.Kinds.Contains(found.Name), $"{found.File} names event kind '{found.Name}', which no event has."));
    }

    private static IEnumerable<(string File, string Name)> Named(Dictionary<string, string> sources, Regex pattern) =>
        from source in sources
        from Match match in pattern.Matches(source.Value)
        from Match name in QuotedName().Matches(match.Groups["names"].Value)
        select (source.Key, name.Groups[1].Value);

    // entity_type = 'x', entity_type IN ('x', 'y'); GrainTypeString likewise (snapshots of the same names). SQL keywords in capitals.
    [GeneratedRegex(@"(?i:entity_type|GrainTypeString)\s*(?:=|IN)\s*(?<names>\(?\s*'[^']*'(?:\s*,\s*'[^']*')*)")]
    private static partial Regex EntityTypeInSql();

    [GeneratedRegex(@"\b(?i:kind)\s*(?:=|IN)\s*(?<names>\(?\s*'[^']*'(?:\s*,\s*'[^']*')*)")]
    private static partial Regex KindInSql();

    [GeneratedRegex("'([^']*)'")]
    private static partial Regex QuotedName();

    private static bool KeepsHistory(Type type)
    {
        for (var t = type.BaseType; t is not null; t = t.BaseType)
        {
            if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(EventSourcedGrain<>))
                return true;
        }
        return false;
    }

    /// <summary>A grain's <c>EntityType</c>: a constant, read without activating it.</summary>
    private static string EntityTypeOf(Type grain) => (string)grain.GetProperty("EntityType", BindingFlags.NonPublic | BindingFlags.Instance)!
        .GetValue(RuntimeHelpers.GetUninitializedObject(grain))!;
}
