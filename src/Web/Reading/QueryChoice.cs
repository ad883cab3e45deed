using System.Collections.Frozen;

namespace Cooperation.Web.Reading;

/// <summary>
/// A query-string parameter that takes one of a few words (a sort order, a figure basis): the
/// words are the only values, so the page checks a request against them and answers a wrong one
/// with its message and the default, never a fault.
/// </summary>
/// <typeparam name="T">What each word stands for.</typeparam>
internal sealed class QueryChoice<T>
{
    private readonly FrozenDictionary<string, T> _choices;

    /// <summary>A parameter <paramref name="name"/> whose words are <paramref name="choices"/>; absent, it means <paramref name="defaultWord"/>.</summary>
    public QueryChoice(string name, IReadOnlyDictionary<string, T> choices, string defaultWord)
    {
        if (!choices.ContainsKey(defaultWord))
            throw new ArgumentException($"The default '{defaultWord}' of {name} is not one of its words.", nameof(defaultWord));
        (Name, DefaultWord, _choices) = (name, defaultWord, choices.ToFrozenDictionary(StringComparer.Ordinal));
    }

    /// <summary>The parameter's name in the query string.</summary>
    public string Name { get; }

    /// <summary>The word an absent parameter means.</summary>
    public string DefaultWord { get; }

    /// <summary>Every word the parameter takes.</summary>
    public IEnumerable<string> Words => _choices.Keys;

    /// <summary>What an absent parameter means.</summary>
    public T Default => _choices[DefaultWord];

    /// <summary>
    /// What <paramref name="text"/> means: the default when it is absent or empty; the default,
    /// marked not valid, when it is none of the words.
    /// </summary>
    public QueryAnswer<T> Read(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return new(Default, DefaultWord, true);
        return _choices.TryGetValue(text, out var value) ? new(value, text, true) : new(Default, DefaultWord, false);
    }
}

/// <summary>A query-string parameter as read.</summary>
/// <param name="Value">What it means (the default for a wrong one).</param>
/// <param name="Word">The word that means it.</param>
/// <param name="Valid">False when the request sent something that is none of the parameter's words.</param>
internal readonly record struct QueryAnswer<T>(T Value, string Word, bool Valid);
