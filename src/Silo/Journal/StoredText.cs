using Cooperation.Contracts.Common;

namespace Cooperation.Silo.Journal;

/// <summary>A name or title in stored events: the journal's <see cref="LocalizedText"/>.</summary>
/// <param name="Vi">Vietnamese.</param>
/// <param name="Ja">Japanese.</param>
/// <param name="En">English.</param>
internal sealed record StoredText(string? Vi, string? Ja, string? En) : IStoredRecord<StoredText, LocalizedText>
{
    /// <inheritdoc/>
    public static StoredText Of(LocalizedText value) => new(value.Vi, value.Ja, value.En);

    /// <inheritdoc/>
    public LocalizedText ToContract() => new(Vi, Ja, En);
}
