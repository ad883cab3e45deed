using Cooperation.Contracts.Cities;
using Cooperation.Contracts.Common;
using Cooperation.Silo.Journal;

namespace Cooperation.Silo.Cities;

/// <summary>A city's definition as its events store it.</summary>
/// <param name="Names">Its names.</param>
/// <param name="CountryCode">ISO 3166-1 alpha-2 code.</param>
/// <param name="TimeZone">IANA time zone.</param>
internal sealed record StoredCityDefinition(StoredText Names, string CountryCode, string TimeZone) : IStoredRecord<StoredCityDefinition, CityDefinition>
{
    /// <inheritdoc/>
    public static StoredCityDefinition Of(CityDefinition value) => new(StoredText.Of(value.Names), value.CountryCode, value.TimeZone);

    /// <inheritdoc/>
    public CityDefinition ToContract() => new(Names.ToContract(), CountryCode, TimeZone);
}

/// <summary>A composite index of a year as its event stores it.</summary>
/// <param name="IndexCode">Which index.</param>
/// <param name="Name">Its name.</param>
/// <param name="Year">The year it scores.</param>
/// <param name="Components">Its components.</param>
internal sealed record StoredCompositeIndex(string IndexCode, StoredText Name, int Year, ValueList<StoredIndexComponent> Components)
    : IStoredRecord<StoredCompositeIndex, CompositeIndex>
{
    /// <inheritdoc/>
    public static StoredCompositeIndex Of(CompositeIndex value) =>
        new(value.IndexCode, StoredText.Of(value.Name), value.Year, ValueList.Of(value.Components.Select(StoredIndexComponent.Of)));

    /// <inheritdoc/>
    public CompositeIndex ToContract() => new(IndexCode, Name.ToContract(), Year, ValueList.Of(Components.Select(c => c.ToContract())));
}

/// <summary>A component of a stored composite index.</summary>
/// <param name="Code">Its code.</param>
/// <param name="Name">Its name.</param>
/// <param name="Score">Its score.</param>
internal sealed record StoredIndexComponent(string Code, StoredText Name, double Score) : IStoredRecord<StoredIndexComponent, IndexComponent>
{
    /// <inheritdoc/>
    public static StoredIndexComponent Of(IndexComponent value) => new(value.Code, StoredText.Of(value.Name), value.Score);

    /// <inheritdoc/>
    public IndexComponent ToContract() => new(Code, Name.ToContract(), Score);
}
