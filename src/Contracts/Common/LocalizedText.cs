namespace Cooperation.Contracts.Common;

/// <summary>A name or title in Vietnamese, Japanese and/or English; at least one is set.</summary>
/// <param name="Vi">Vietnamese.</param>
/// <param name="Ja">Japanese.</param>
/// <param name="En">English.</param>
[GenerateSerializer, Immutable, Alias("coop.LocalizedText")]
public sealed record LocalizedText(
    [property: Id(0)] string? Vi,
    [property: Id(1)] string? Ja,
    [property: Id(2)] string? En)
{
    /// <summary>Longest text in one language.</summary>
    public const int MaxLength = 300;

    /// <summary>English, else Vietnamese, else Japanese: the text shown when no language is asked for.</summary>
    public string Display => En ?? Vi ?? Ja ?? "";

    /// <summary>
    /// Trims each language, drops empty ones and refuses a text with none, or one longer than
    /// <see cref="MaxLength"/>, naming <paramref name="field"/>.
    /// </summary>
    public static LocalizedText Create(string? vi, string? ja, string? en, string field)
    {
        var text = new LocalizedText(Clean(vi), Clean(ja), Clean(en));
        Require(text, field);
        return text;
    }

    /// <summary>
    /// Refuses a missing text, one without any language, or one with a blank, untrimmed or
    /// over-long language, naming <paramref name="field"/>.
    /// </summary>
    public static void Require(LocalizedText? text, string field)
    {
        if (text is null or { Vi: null, Ja: null, En: null })
            throw new InvalidFieldException(field, "needs at least one of vi, ja, en");
        Check(text.Vi, $"{field}.vi");
        Check(text.Ja, $"{field}.ja");
        Check(text.En, $"{field}.en");
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static void Check(string? value, string field)
    {
        if (value is null)
            return;
        if (value.Length == 0 || value != value.Trim())
            throw new InvalidFieldException(field, "must not be blank or start or end with spaces");
        if (value.Length > MaxLength)
            throw new InvalidFieldException(field, $"must be at most {MaxLength} characters");
    }
}
