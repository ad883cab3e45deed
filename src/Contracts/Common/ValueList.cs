using System.Collections;
using System.Runtime.CompilerServices;

namespace Cooperation.Contracts.Common;

/// <summary>
/// An immutable list that compares by its items, so records holding lists keep value equality
/// (a repeated create with the same content is recognised as the same).
/// </summary>
[GenerateSerializer, Immutable, Alias("coop.ValueList`1")]
[CollectionBuilder(typeof(ValueList), nameof(ValueList.Create))]
public sealed class ValueList<T> : IReadOnlyList<T>, IEquatable<ValueList<T>>
{
    /// <summary>The empty list.</summary>
    public static ValueList<T> Empty { get; } = new([]);

    [Id(0)] private readonly T[] _items;

    /// <summary>Wraps a copy of <paramref name="items"/>.</summary>
    public ValueList(IEnumerable<T> items) => _items = items.ToArray();

    /// <inheritdoc/>
    public T this[int index] => _items[index];

    /// <inheritdoc/>
    public int Count => _items.Length;

    /// <summary>A list from an array literal or collection expression.</summary>
    public static implicit operator ValueList<T>(T[] items) => new(items);

    /// <summary>This list with <paramref name="item"/> appended.</summary>
    public ValueList<T> Add(T item) => new(_items.Append(item));

    /// <summary>This list with the first item matching <paramref name="match"/> replaced.</summary>
    public ValueList<T> Replace(Predicate<T> match, T item) =>
        new(_items.Select(existing => match(existing) ? item : existing));

    /// <inheritdoc/>
    public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _items.GetEnumerator();

    /// <inheritdoc/>
    public bool Equals(ValueList<T>? other) => other is not null && _items.SequenceEqual(other._items);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as ValueList<T>);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var item in _items)
            hash.Add(item);
        return hash.ToHashCode();
    }
}

/// <summary>Creating <see cref="ValueList{T}"/>s.</summary>
public static class ValueList
{
    /// <summary>A value list of <paramref name="items"/> (null means empty).</summary>
    public static ValueList<T> Of<T>(IEnumerable<T>? items) => items is null ? ValueList<T>.Empty : new(items);

    /// <summary>Builds collection expressions such as <c>[a, b]</c>.</summary>
    public static ValueList<T> Create<T>(ReadOnlySpan<T> items) => new(items.ToArray());
}
